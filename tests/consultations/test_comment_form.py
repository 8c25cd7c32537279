"""Commenting on a draft: stored once and redirected to the thank-you page, whatever the mail server does and however
often the form is sent; bad input is named on its field with what the person typed kept; bots, hurried posts and
floods from one address store nothing; after closing, nothing is accepted."""

from django.core import mail
from django.test import override_settings
from django.utils.html import escape

import pytest

from consultations.enums import CommentStatus
from consultations.models import DraftComment
from portal.guard import LIMIT_WITHOUT_PROOF
from portal.models import PortalSettings, QueuedMail
from tests.citizen_forms import guard_fields
from tests.consultations.conftest import post_comment
from tests.servers import free_port

pytestmark = pytest.mark.django_db


def errors_of(response) -> dict:
    form = response.context["form"]
    return {field: [str(error) for error in errors] for field, errors in form.errors.items()}


def test_the_form_is_shown_while_open_and_never_cached(client, open_draft):
    response = client.get(open_draft.comment_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    page = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in page and 'name="form_token"' in page
    assert "Điều 2" in page, "the sections to pick from"
    days = PortalSettings.for_site(open_draft.get_site()).personal_data_retention_days
    assert f" {days} " in page, "the form says how long contacts are kept"


def test_a_comment_is_stored_once_pending_and_the_office_is_told(
    client, open_draft, site, django_capture_on_commit_callbacks
):
    section = open_draft.sections.get(label="Điều 2")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, open_draft, section=section.pk)
    assert response.status_code == 303
    assert response["Location"].endswith("/gop-y/da-gui/")
    comment = DraftComment.objects.get(email="lan@example.vn")
    assert (comment.draft_id, comment.section_id, comment.site_id) == (open_draft.pk, section.pk, site.pk)
    assert comment.status == CommentStatus.PENDING and not comment.proven
    (sent,) = mail.outbox
    assert open_draft.title in sent.subject
    assert "lan@example.vn" not in sent.body, "contacts stay in the admin"
    assert QueuedMail.objects.get(subject=sent.subject).sent_at is not None
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "no-store" in thanks["Cache-Control"]


def test_a_double_post_of_one_form_stores_one_comment(client, open_draft):
    data = guard_fields(nonce="one-form-shown-once")
    first = post_comment(client, open_draft, **data)
    second = post_comment(client, open_draft, **data)
    assert first.status_code == second.status_code == 303
    assert second["Location"] == first["Location"]
    assert DraftComment.objects.filter(email="lan@example.vn").count() == 1
    assert QueuedMail.objects.filter(subject__contains=open_draft.title).count() == 1


def test_the_comment_is_stored_while_the_mail_server_is_down(client, open_draft, django_capture_on_commit_callbacks):
    closed_port = free_port()
    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=closed_port,
            EMAIL_TIMEOUT=2,
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = post_comment(client, open_draft)
    assert response.status_code == 303
    assert DraftComment.objects.filter(email="lan@example.vn").count() == 1
    queued = QueuedMail.objects.get(subject__contains=open_draft.title)
    assert queued.sent_at is None and queued.attempts == 1 and queued.last_error


def test_after_closing_a_post_is_refused_and_nothing_stored(client, new_draft):
    closed = new_draft("vua-dong", opens_in=-30, closes_in=-1)
    response = post_comment(client, closed)
    assert response.status_code == 200
    page = response.content.decode()
    assert "form_token" not in page
    assert closed.report_due.strftime("%d/%m/%Y") in page
    assert not DraftComment.objects.filter(draft=closed).exists()
    upcoming = new_draft("chua-mo", opens_in=2)
    post_comment(client, upcoming)
    assert not DraftComment.objects.filter(draft=upcoming).exists()


@pytest.mark.parametrize(
    ("changes", "field", "kept"),
    [
        ({"text": ""}, "text", "Phạm Thị Lan"),
        ({"text": "x" * 100_000}, "text", "Phạm Thị Lan"),
        ({"text": "Ý kiến\x07 có ký tự điều khiển"}, "text", "Phạm Thị Lan"),
        ({"name": "Lan\x1b[31m"}, "name", "Đề nghị làm rõ mức thu"),
        ({"email": "khong-phai-thu"}, "email", "khong-phai-thu"),
        ({"email": "", "phone": ""}, "email", "Đề nghị làm rõ mức thu"),
        ({"phone": "goi toi nhe", "email": ""}, "phone", "goi toi nhe"),
        ({"commenter_kind": "organisation"}, "organisation", "Đề nghị làm rõ mức thu"),
        ({"consent": ""}, "consent", "Đề nghị làm rõ mức thu"),
        ({"section": "999999"}, "section", "Đề nghị làm rõ mức thu"),
    ],
)
def test_bad_input_is_named_on_its_field_and_what_was_typed_stays(client, open_draft, changes, field, kept):
    response = post_comment(client, open_draft, **changes)
    assert response.status_code == 200
    assert field in errors_of(response)
    page = response.content.decode()
    assert f'id="id_{field}_errors"' in page
    assert escape(kept) in page
    assert not DraftComment.objects.filter(draft=open_draft, email="lan@example.vn").exists()


def test_a_long_text_is_refused_with_its_length_not_silently_cut(client, open_draft):
    response = post_comment(client, open_draft, text="y" * 100_000)
    (message,) = errors_of(response)["text"]
    assert "10000" in message.replace(".", "").replace(",", "")


def test_markup_is_stored_as_typed_and_shown_as_text(client, open_draft):
    text = '<script>alert("x")</script> <b>Điều 2</b> nên giảm mức thu'
    post_comment(client, open_draft, text=text)
    comment = DraftComment.objects.get(email="lan@example.vn")
    assert comment.text == text
    comment.moderate(CommentStatus.APPROVED)
    page = client.get(open_draft.url).content.decode()
    assert "<script>alert" not in page
    assert escape('<script>alert("x")</script>') in page


@pytest.mark.parametrize(
    ("guard", "code"),
    [
        (lambda: {"website": "http://spam.example"}, "trap"),
        (lambda: guard_fields(seconds_ago=0.5), "fast"),
        (lambda: {"form_token": "forged"}, "token"),
    ],
)
def test_bots_and_hurried_posts_store_nothing(client, open_draft, guard, code):
    response = post_comment(client, open_draft, **guard())
    assert response.status_code == 200
    assert not DraftComment.objects.filter(email="lan@example.vn").exists()
    assert "Phạm Thị Lan" in response.content.decode(), "what the person typed stays"
    assert [error.code for error in response.context["form"].non_field_errors().as_data()] == [code]


def test_one_address_is_limited_per_hour(client, open_draft):
    for number in range(LIMIT_WITHOUT_PROOF):
        assert post_comment(client, open_draft, email=f"nguoi{number}@example.vn").status_code == 303
    refused = post_comment(client, open_draft, email="them@example.vn")
    assert refused.status_code == 429
    assert not DraftComment.objects.filter(email="them@example.vn").exists()
    assert "them@example.vn" in refused.content.decode()
    assert post_comment(client, open_draft, email="khac@example.vn", ip="203.0.113.9").status_code == 303


def test_a_proven_browser_gets_the_higher_limit(client, open_draft):
    for number in range(LIMIT_WITHOUT_PROOF + 1):
        response = post_comment(client, open_draft, email=f"p{number}@example.vn", **guard_fields(proof=True))
        assert response.status_code == 303
    assert DraftComment.objects.filter(email__startswith="p", proven=True).count() == LIMIT_WITHOUT_PROOF + 1


def test_the_contact_asked_for_follows_the_site_setting(client, open_draft, site):
    settings = PortalSettings.for_site(site)
    settings.citizen_contact = "phone"
    settings.save()
    form_page = client.get(open_draft.comment_url()).content.decode()
    assert 'name="phone"' in form_page and 'name="email"' not in form_page
    assert "phone" in errors_of(post_comment(client, open_draft, phone=""))
    assert post_comment(client, open_draft, phone="0220 3852 123").status_code == 303
    assert DraftComment.objects.get(phone="0220 3852 123").email == ""


def test_an_organisation_is_named_and_a_person_is_not(client, open_draft):
    post_comment(client, open_draft, commenter_kind="organisation", organisation="Hợp tác xã Gia Tân", text="Ý kiến A")
    post_comment(client, open_draft, text="Ý kiến B", name="Lê Văn Tám", email="tam@example.vn")
    DraftComment.objects.filter(text__in=["Ý kiến A", "Ý kiến B"]).update(status=CommentStatus.APPROVED)
    page = client.get(open_draft.url).content.decode()
    assert "Hợp tác xã Gia Tân" in page and "Ý kiến B" in page
    assert "Lê Văn Tám" not in page and "tam@example.vn" not in page and "Phạm Thị Lan" not in page
