"""Stored and reflected cross-site scripting: every text an editor can type, and every parameter a visitor can send,
comes back as text, never as markup that runs."""

import json

from django.db import models

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.models import Page

import pytest

from documents.models import DocumentType, Issuer, LegalField
from news.models import NewsArticlePage, NewsCategory
from portal.models import Menu, MenuItem, PortalSettings
from tests.security.markup import PAYLOAD, script_problems

pytestmark = pytest.mark.django_db
PLAIN_VALIDATORS = {"MaxLengthValidator", "ProhibitNullCharactersValidator"}
# Document numbers must follow the official format, checked in clean(); they cannot hold markup.
NOT_FREE_TEXT = {"number", "slug", "url_path", "draft_title", "youtube_url", "youtube_id", "kind", "status_override"}


# The rows editors fill in inline panels of a page.
TEXT_ROWS = {"ExamSession", "ScheduleEntry", "AlbumPhoto", "NoticeAttachment", "LegalDocumentFile"}


def is_free_text(field) -> bool:
    return (
        isinstance(field, (models.CharField, models.TextField))
        and not isinstance(field, (models.SlugField, models.URLField, models.EmailField))
        and not field.choices
        and field.name not in NOT_FREE_TEXT
        and field.concrete
        and field.model is not Page
        and all(type(validator).__name__ in PLAIN_VALIDATORS for validator in field.validators)
    )


def fill(instance, payload=PAYLOAD):
    """Every free-text field of the instance set to the payload (cut to the field's length; unique fields end with
    the row's key)."""
    for field in instance._meta.concrete_fields:
        if is_free_text(field):
            value = f"{payload} {instance.pk}" if field.unique else payload
            setattr(instance, field.attname, value[-field.max_length :] if field.max_length else value)
    return instance


def page_types():
    from django.apps import apps

    portal_apps = {"home", "news", "notices", "documents", "gallery"}
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label in portal_apps
    ]


def assert_clean(client, path):
    response = client.get(path, follow=True)
    assert response.status_code in (200, 404), (path, response.status_code)
    assert script_problems(response.content) == [], path
    return response


def test_the_checker_catches_what_it_is_for():
    assert script_problems("<p>" + PAYLOAD + "</p>")
    assert script_problems('<a href=" JavaScript:alert(1)">x</a>')
    assert script_problems('<div data-x="1" onclick="go()">')
    assert script_problems('<script src="https://evil.example/x.js"></script>')
    escaped = "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert not script_problems(escaped + '<script src="/static/js/portal.js" defer></script>')


@pytest.mark.parametrize("model", page_types(), ids=lambda model: model.__name__)
def test_every_text_field_of_every_page_type_is_shown_as_text(client, model):
    page = model.objects.live().first()
    if page is None:
        pytest.skip(f"the demo has no {model.__name__}")
    fill(page)
    page.title = PAYLOAD
    for relation in page._meta.related_objects:
        if relation.one_to_many and relation.related_model.__name__ in TEXT_ROWS:
            accessor = relation.get_accessor_name()
            rows = [fill(row) for row in getattr(page, accessor).all()]
            setattr(page, accessor, rows)  # inline panels (ParentalKey): saved with the revision
    page.save_revision().publish()
    page.refresh_from_db()
    response = assert_clean(client, page.url)
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode(), "the payload is shown, as text"
    if page.depth > 2:
        assert_clean(client, page.get_parent().url)
    assert_clean(client, "/")
    assert_clean(client, "/tim-kiem/?q=XSS+alert")


def test_snippets_and_settings_are_shown_as_text(client):
    for model in (NewsCategory, DocumentType, Issuer, LegalField, Menu, MenuItem):
        for row in model.objects.all():
            fill(row).save()
    portal = PortalSettings.objects.first()
    fill(portal).save()
    for path in ("/", "/tin-tuc/", NewsArticlePage.objects.live().first().url, "/van-ban/", "/thong-bao/"):
        assert_clean(client, path)


def test_rich_text_from_the_editor_cannot_carry_script(client):
    """The editor's rich text arrives as Draftail content state; what it becomes is what the public page shows."""
    content_state = {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "depth": 0,
                "text": "<script>alert(1)</script> bấm vào đây",
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 27, "length": 11, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(document.cookie)"}}
        },
    }
    stored = DraftailRichTextArea().value_from_datadict({"body": json.dumps(content_state)}, {}, "body")
    assert "javascript:" not in stored
    article = NewsArticlePage.objects.live().first()
    article.body = [("paragraph", stored)]
    article.save_revision().publish()
    response = assert_clean(client, article.url)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()


REFLECTED = [
    "/tim-kiem/?q={}",
    "/tim-kiem/?q=dua&page={}",
    "/tim-kiem/?q=dua&loai={}",
    "/tim-kiem/goi-y/?q={}",
    "/tim-kiem/?q=dua&tu={}&den={}",
    "/tin-tuc/?page={}",
    "/thong-bao/?loai={}&nam={}&tinh_trang={}",
    "/thong-bao/lich-thi/?chuc_danh={}&don_vi={}",
    "/van-ban/?q={}&danh_muc={}&loai={}&co_quan={}&linh_vuc={}&nam={}&tinh_trang={}",
    "/{}/",
    "/tin-tuc/the/{}/",
    "/api/v2/pages/?search={}&type={}",
]


@pytest.mark.parametrize("template", REFLECTED)
def test_parameters_come_back_as_text(client, template):
    from urllib.parse import quote

    path = template.replace("{}", quote(PAYLOAD))
    response = client.get(path)
    assert response.status_code < 500, path
    if response["Content-Type"].startswith("text/html"):
        assert script_problems(response.content) == [], path
    else:
        # Data, not a document: a browser told the type and nosniff never runs it as a page.
        assert response["Content-Type"].split(";")[0] in {"application/json", "application/rss+xml"}, path
        assert response["X-Content-Type-Options"] == "nosniff"
