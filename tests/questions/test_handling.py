"""Editors handle the questions of their own portal: send one to an office, write the answer, which the approval
workflow publishes as a page the search finds, or decline it with a reason; contact details are erased after the
site's retention period."""

import datetime

from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page, Site

import pytest

from questions.models import Question, QuestionPage, QuestionStatus, QuestionTopic
from tests.editorial.conftest import approver, client_for, content_admin, editor  # noqa: F401 - fixtures
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

LIST = "/admin/cau-hoi/"


def new_question(site=None, **fields) -> Question:
    defaults = {
        "site": site or Site.objects.get(is_default_site=True),
        "code": "HD-TEST-0001",
        "submission_key": fields.get("code", "HD-TEST-0001"),
        "name": "Trần Thị Hoa",
        "email": "hoa@example.com",
        "phone": "0912345678",
        "topic": QuestionTopic.objects.get(slug="dat-dai"),
        "title": "Chuyển mục đích sử dụng đất vườn",
        "text": "Tôi muốn chuyển đất vườn sang đất ở thì làm thế nào?",
        "consent": True,
    }
    return Question.objects.create(**{**defaults, **fields})


def handle(client, question, step, **fields):
    data = {
        "topic": question.topic_id or "",
        "office_name": question.office_name,
        "office_email": question.office_email,
        "answer": question.answer,
        "decline_reason": question.decline_reason,
        "next_step": step,
        **fields,
    }
    return client.post(f"{LIST}edit/{question.pk}/", data)


def test_the_queue_lists_the_questions_and_nobody_adds_one_by_hand(editor):  # noqa: F811
    new_question()
    client = client_for(editor)
    html = client.get(LIST).content.decode()
    assert "HD-TEST-0001" in html and "HD-DEMO-0001" in html
    assert client.get(f"{LIST}new/").status_code in (302, 403)


def test_an_editor_sends_a_question_to_an_office_which_is_told_by_mail(editor, django_capture_on_commit_callbacks):  # noqa: F811
    question = new_question()
    with django_capture_on_commit_callbacks(execute=True):
        response = handle(
            client_for(editor), question, "assign", office_name="Phòng Tài nguyên", office_email="tnmt@example.com"
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.ASSIGNED
    assert [message.to for message in mail.outbox] == [["tnmt@example.com"]]
    assert question.text in mail.outbox[0].body and "hoa@example.com" not in mail.outbox[0].body


def test_the_answer_goes_through_approval_and_then_the_citizen_and_the_search_find_it(
    editor,  # noqa: F811
    approver,  # noqa: F811
    client,
    django_capture_on_commit_callbacks,
):
    question = new_question(office_name="Phòng Tài nguyên")
    answer = "Hộ gia đình nộp hồ sơ chuyển mục đích sử dụng đất tại Bộ phận một cửa.\n\nThời hạn 15 ngày."
    response = handle(client_for(editor), question, "submit", answer=answer)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    page = question.page.specific
    assert not page.live and page.workflow_in_progress
    assert "hoa@example.com" not in str(page.answer) and "Trần Thị Hoa" not in page.question
    # The editor cannot publish; the approver approves the workflow's task.
    task_state = page.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, approver, "approve")
    page.refresh_from_db()
    question.refresh_from_db()
    assert page.live and question.status == QuestionStatus.PUBLISHED and question.closed_at
    assert any(message.to == ["hoa@example.com"] and page.url_path[-10:] in message.body for message in mail.outbox)
    status = client.get("/hoi-dap/tra-cuu/", {"ma": question.code}).content.decode()
    assert "Đã trả lời và công bố" in status and page.get_url() in status
    found = client.get("/tim-kiem/", {"q": "chuyen muc dich su dung dat vuon"}).content.decode()
    assert f'href="{page.get_url()}"' in found
    assert "Thời hạn 15 ngày." in client.get(page.get_url()).content.decode()


def test_an_answer_cannot_be_sent_empty_and_a_decline_needs_a_reason(editor, client):  # noqa: F811
    question = new_question()
    editor_client = client_for(editor)
    assert "Viết câu trả lời" in handle(editor_client, question, "submit").content.decode()
    assert "Nêu lý do" in handle(editor_client, question, "decline").content.decode()
    handle(editor_client, question, "decline", decline_reason="Câu hỏi không thuộc thẩm quyền của huyện.")
    question.refresh_from_db()
    assert question.status == QuestionStatus.DECLINED and question.closed_at
    status = client.get("/hoi-dap/tra-cuu/", {"ma": question.code}).content.decode()
    assert "không thuộc thẩm quyền của huyện" in status


def test_the_attached_file_opens_for_editors_only(editor, client):  # noqa: F811
    question = new_question()
    question.attachment.save("giay-to.pdf", ContentFile(b"%PDF-1.4 demo"))
    url = f"{LIST}{question.pk}/tep/"
    assert client_for(editor).get(url).status_code == 200
    assert client.get(url).status_code == 302  # to the sign-in page


def test_a_commune_editor_sees_and_opens_only_their_own_portals_questions(client):
    from province.components import ComponentUnit, UnitKind, create_component_site
    from tests.editorial.conftest import member

    an_lac = create_component_site(ComponentUnit("An Lạc", UnitKind.COMMUNE, "anlac.example.vn")).site
    assert an_lac.root_page.get_children().filter(slug="hoi-dap").exists()
    ours = new_question(site=an_lac, code="HD-ANLC-0001")
    theirs = new_question(code="HD-GIAL-0001")
    commune_editor = member("Biên tập viên – Xã An Lạc", "bt-anlac")
    editor_client = client_for(commune_editor)
    html = editor_client.get(LIST).content.decode()
    assert "HD-ANLC-0001" in html and "HD-GIAL-0001" not in html
    assert editor_client.get(f"{LIST}edit/{ours.pk}/").status_code == 200
    assert editor_client.get(f"{LIST}edit/{theirs.pk}/").status_code == 404


def test_contact_details_and_files_are_erased_after_the_retention_period_the_question_stays():
    long_ago = timezone.now() - datetime.timedelta(days=400)
    closed = new_question(code="HD-OLD-0001", status=QuestionStatus.DECLINED, closed_at=long_ago)
    closed.attachment.save("cmnd.jpg", ContentFile(b"\xff\xd8\xff demo"))
    stored = closed.attachment.path
    recent = new_question(code="HD-NEW-0001", status=QuestionStatus.DECLINED, closed_at=timezone.now())
    open_question = new_question(code="HD-OPEN-0001")
    Question.objects.filter(pk=open_question.pk).update(created_at=long_ago)
    call_command("erase_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    closed.refresh_from_db()
    assert (closed.name, closed.email, closed.phone, closed.attachment.name) == ("", "", "", "")
    assert closed.personal_data_erased_at and closed.text.startswith("Tôi muốn")
    import os

    assert not os.path.exists(stored)
    for kept in (recent, open_question):
        kept.refresh_from_db()
        assert kept.email == "hoa@example.com" and kept.personal_data_erased_at is None


def test_published_answers_are_listed_by_field_with_a_feed_and_in_the_api(client):
    listing = client.get("/hoi-dap/", {"linh_vuc": "ho-tich-chung-thuc"}).content.decode()
    assert "Đăng ký khai sinh cho con" in listing and "Cấp lại giấy chứng nhận" not in listing
    unknown = client.get("/hoi-dap/", {"linh_vuc": "khong-co"}).content.decode()
    assert "Cấp lại giấy chứng nhận" in unknown and "Không có lĩnh vực này" in unknown
    feed = client.get("/hoi-dap/rss/")
    assert feed.status_code == 200 and b"Nh\xc3\xa0 \xe1\xbb\x9f ri\xc3\xaang l\xe1\xba\xbb" in feed.content
    api = client.get("/api/v2/pages/", {"type": "questions.QuestionPage", "fields": "question,answer,topic"}).json()
    assert api["meta"]["total_count"] == QuestionPage.objects.live().count() == 3
    assert {item["topic"] for item in api["items"]} >= {"Đất đai", "Xây dựng"}
    assert all("email" not in item and "name" not in item for item in api["items"])


def test_the_listing_and_an_answer_cost_the_same_queries_however_many_answers(client):
    index = Page.objects.get(slug="hoi-dap").specific
    answer = QuestionPage.objects.live().first()
    before = [count_queries(client, url) for url in ("/hoi-dap/", answer.url)]
    for number in range(15):
        index.add_child(
            instance=QuestionPage(
                title=f"Câu hỏi {number}", slug=f"cau-hoi-{number}", question="Hỏi?", answer="<p>Đáp.</p>"
            )
        )
    assert [count_queries(client, url) for url in ("/hoi-dap/", answer.url)] == before
    assert max(before) < 50
