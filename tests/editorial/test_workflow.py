"""The approval workflow "Duyệt tin" through the admin, as editors and approvers use it."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry, WorkflowState

import pytest
import time_machine

from news.models import NewsArticlePage

from .conftest import add_article, article_form, client_for

LOCAL_TZ = datetime.timezone(datetime.timedelta(hours=7))


def workflow_action(client, page, action: str, comment: str = ""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment} if comment else {})


def submitted_article(editor, news_index, slug="tin-cho-duyet", **extra) -> NewsArticlePage:
    response = add_article(client_for(editor), news_index, slug, "submit", **extra)
    assert response.status_code == 302
    return NewsArticlePage.objects.get(slug=slug)


@pytest.mark.django_db
def test_an_editors_publish_is_refused_and_the_page_stays_a_draft(editor, news_index):
    client = client_for(editor)
    response = add_article(client, news_index, "tin-tu-dang", "publish")
    assert response.status_code == 302
    page = NewsArticlePage.objects.get(slug="tin-tu-dang")
    assert not page.live
    assert page.first_published_at is None
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert client.get("/tin-tuc/tin-tu-dang/").status_code == 404


@pytest.mark.django_db
def test_an_editor_cannot_publish_an_existing_draft_through_the_edit_form(editor, news_index):
    client = client_for(editor)
    add_article(client, news_index, "ban-nhap", "")
    page = NewsArticlePage.objects.get(slug="ban-nhap")
    response = client.post(f"/admin/pages/{page.pk}/edit/", article_form("Bài ban-nhap sửa", "ban-nhap", "publish"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Bài ban-nhap sửa"


@pytest.mark.django_db
def test_an_approvers_publish_succeeds(approver, news_index):
    response = add_article(client_for(approver), news_index, "tin-nguoi-duyet", "publish")
    assert response.status_code == 302
    page = NewsArticlePage.objects.get(slug="tin-nguoi-duyet")
    assert page.live
    assert client_for(approver).get(page.url).status_code == 200


@pytest.mark.django_db
def test_submit_then_approve_publishes_and_notifies_the_approvers(editor, approver, content_admin, news_index):
    mail.outbox.clear()
    page = submitted_article(editor, news_index)
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Duyệt tin"
    assert not page.live
    notified = {address for message in mail.outbox for address in message.to}
    assert {approver.email, content_admin.email} <= notified
    assert editor.email not in notified

    response = workflow_action(client_for(approver), page, "approve", "Đồng ý đăng.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    actions = list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", flat=True))
    assert actions.index("wagtail.workflow.start") < actions.index("wagtail.workflow.approve")
    assert "wagtail.publish" in actions
    assert client_for(editor).get("/tin-tuc/tin-cho-duyet/").status_code == 200


@pytest.mark.django_db
def test_rejection_returns_the_page_to_the_editor_with_the_comment(editor, approver, news_index):
    page = submitted_article(editor, news_index)
    mail.outbox.clear()
    response = workflow_action(client_for(approver), page, "reject", "Bổ sung nguồn tin và ảnh minh họa.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = page.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Bổ sung nguồn tin và ảnh minh họa."
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Bổ sung nguồn tin" in mail.outbox[0].body

    editing = client_for(editor).get(f"/admin/pages/{page.pk}/edit/")
    assert editing.status_code == 200
    assert "Bổ sung nguồn tin và ảnh minh họa." in editing.content.decode()

    # The editor fixes it and submits again; the workflow restarts and the approver can now approve it.
    resubmitted = client_for(editor).post(
        f"/admin/pages/{page.pk}/edit/", article_form("Bài đã bổ sung", "tin-cho-duyet", "submit")
    )
    assert resubmitted.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    workflow_action(client_for(approver), page, "approve")
    page.refresh_from_db()
    assert page.live and page.title == "Bài đã bổ sung"


@pytest.mark.django_db
def test_an_editor_cannot_approve(editor, news_index):
    page = submitted_article(editor, news_index)
    response = workflow_action(client_for(editor), page, "approve")
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_an_approver_unpublishes(approver):
    page = NewsArticlePage.objects.live().first()
    client = client_for(approver)
    response = client.post(f"/admin/pages/{page.pk}/unpublish/", {"include_descendants": False})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert client_for(approver).get(page.url).status_code == 404
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish", user=approver).exists()


@pytest.mark.django_db
def test_an_editor_cannot_unpublish(editor):
    page = NewsArticlePage.objects.live().first()
    client_for(editor).post(f"/admin/pages/{page.pk}/unpublish/", {"include_descendants": False})
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_approved_with_a_go_live_date_waits_for_publish_scheduled(editor, approver, news_index):
    now = timezone.now()
    go_live = (now + datetime.timedelta(days=2)).astimezone(LOCAL_TZ).replace(second=0, microsecond=0)
    page = submitted_article(editor, news_index, "tin-hen-gio", go_live_at=go_live.strftime("%d/%m/%Y %H:%M"))
    workflow_action(client_for(approver), page, "approve")
    page.refresh_from_db()
    assert not page.live
    revision = page.latest_revision
    assert revision.approved_go_live_at == go_live

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet due

    due = go_live + datetime.timedelta(minutes=1)
    with time_machine.travel(due, tick=False):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert page.first_published_at == due


@pytest.mark.django_db
def test_expiry_date_unpublishes_through_publish_scheduled(approver, news_index):
    expire = (timezone.now() + datetime.timedelta(days=1)).astimezone(LOCAL_TZ).replace(second=0, microsecond=0)
    add_article(client_for(approver), news_index, "tin-het-han", "publish", expire_at=expire.strftime("%d/%m/%Y %H:%M"))
    page = NewsArticlePage.objects.get(slug="tin-het-han")
    assert page.live and page.expire_at == expire
    with time_machine.travel(expire + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert page.expired


@pytest.mark.django_db
def test_revisions_compare_and_history_are_available_to_the_approver(editor, approver, news_index):
    add_article(client_for(editor), news_index, "tin-cho-duyet", "")
    page = NewsArticlePage.objects.get(slug="tin-cho-duyet")
    client_for(editor).post(f"/admin/pages/{page.pk}/edit/", article_form("Tiêu đề mới", "tin-cho-duyet", "submit"))
    first, second = page.revisions.order_by("created_at", "pk")[:2]
    client = client_for(approver)
    compare = client.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200
    assert "Tiêu đề mới" in compare.content.decode()
    history = client.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200
    assert "bien-tap" in history.content.decode()


@pytest.mark.django_db
def test_a_page_in_review_is_locked_for_its_editor_until_sent_back(editor, news_index):
    page = submitted_article(editor, news_index)
    client_for(editor).post(f"/admin/pages/{page.pk}/edit/", article_form("Sửa khi đang duyệt", "tin-cho-duyet", ""))
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Bài tin-cho-duyet"
