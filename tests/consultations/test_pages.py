"""What the public pages cost and keep: the draft page's queries do not grow with its comments, and the commenters'
names and contacts are erased after the site's retention period while their comments stay."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from consultations.enums import CommentStatus
from consultations.models import DraftComment
from portal.models import PortalSettings

pytestmark = pytest.mark.django_db


def add_comments(draft, count, status=CommentStatus.APPROVED):
    sections = list(draft.sections.all())
    DraftComment.objects.bulk_create(
        DraftComment(
            draft=draft,
            site_id=draft.get_site().pk,
            section=sections[number % len(sections)] if number % 3 else None,
            text=f"Ý kiến {number}",
            name="Người góp ý",
            status=status,
            submission_key=f"bulk-{draft.pk}-{status}-{number}",
        )
        for number in range(count)
    )


def test_the_draft_page_costs_the_same_queries_however_many_comments(client, open_draft, django_assert_max_num_queries):
    client.get(open_draft.url)  # settings, menus and the site are read once per process
    with django_assert_max_num_queries(40) as few:
        assert client.get(open_draft.url).status_code == 200
    baseline = len(few.captured_queries)
    add_comments(open_draft, 25)
    with django_assert_max_num_queries(baseline):
        page = client.get(open_draft.url).content.decode()
    assert "Ý kiến 24" in page


def test_the_section_costs_the_same_queries_however_many_drafts(client, new_draft, django_assert_max_num_queries):
    client.get("/lay-y-kien/")
    with django_assert_max_num_queries(40) as few:
        client.get("/lay-y-kien/")
    baseline = len(few.captured_queries)  # read now: the log of queries is a ring that publishing runs over
    for number in range(6):
        new_draft(f"them-{number}")
    client.get("/lay-y-kien/")  # publishing emptied the layout's fragments: read them again
    with django_assert_max_num_queries(baseline):
        assert "them-5" in client.get("/lay-y-kien/").content.decode()


def test_names_and_contacts_are_erased_after_the_retention_period(open_draft, site):
    days = PortalSettings.for_site(site).personal_data_retention_days
    comment = open_draft.comments.filter(status=CommentStatus.APPROVED).first()
    fresh = open_draft.comments.filter(status=CommentStatus.PENDING).first()
    DraftComment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(days=days + 1))
    call_command("erase_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    comment.refresh_from_db()
    fresh.refresh_from_db()
    assert (comment.name, comment.email, comment.phone) == ("", "", "")
    assert comment.personal_data_erased_at is not None
    assert comment.text and comment.status == CommentStatus.APPROVED, "the comment itself stays"
    assert fresh.name and fresh.phone, "younger comments keep their contacts"


def test_a_comment_waits_for_its_full_retention_period(open_draft, site):
    settings = PortalSettings.for_site(site)
    settings.personal_data_retention_days = 60
    settings.save()
    comment = open_draft.comments.first()
    sent = comment.created_at
    with time_machine.travel(sent + datetime.timedelta(days=59), tick=False):
        call_command("erase_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    comment.refresh_from_db()
    assert comment.name
    with time_machine.travel(sent + datetime.timedelta(days=61), tick=False):
        call_command("erase_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    comment.refresh_from_db()
    assert comment.name == ""
