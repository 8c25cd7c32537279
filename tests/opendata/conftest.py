"""The open-data API's tests: an unthrottled client (the throttle has its own test), a JSON getter and builders of
news, notices and legal documents with every field the API shows. The library's fixtures come from the documents
tests."""

import datetime

from django.core.cache import cache
from django.utils import timezone

from wagtail.images import get_image_model

import pytest

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage, RelatedArticle
from notices.enums import NoticeKind
from notices.models import ExamSession, NoticeAttachment, NoticeIndexPage, NoticePage
from tests.documents.conftest import add_document, collections, library, pdf_file, vocab  # noqa: F401 - fixtures

API_RATE = "100000/min"


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """A rate no test reaches and an empty cache, so that no test is refused for the requests before it."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"opendata": API_RATE}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api(client):
    """``api(path, expect=200, **params)``: the JSON answer of a GET under /api/v2/, checked for its status."""

    def get(path, expect=200, **params):
        response = client.get(f"/api/v2/{path}", params)
        assert response.status_code == expect, (response.status_code, response.content[:2000])
        return response.json()

    return get


def ids(answer) -> list[int]:
    return [item["id"] for item in answer["items"]]


@pytest.fixture
def category(db):
    return NewsCategory.objects.create(name="Dữ liệu mở (thử)", slug="du-lieu-mo-thu", sort_order=99)


@pytest.fixture
def make_article(db, category):
    """An article published through a revision (so the search index has it), in the test category by default."""
    index = NewsIndexPage.objects.get()
    images = list(get_image_model().objects.order_by("pk"))

    def make(title, slug, *, when=None, categories=None, tags=(), image=0, related=(), publish=True, **fields):
        article = NewsArticlePage(
            title=title,
            slug=slug,
            lead=fields.pop("lead", f"Tóm tắt: {title}."),
            primary_category=(categories or [category])[0],
            display_date=when or timezone.now(),
            feature_image=images[image % len(images)] if image is not None else None,
            live=False,
            **fields,
        )
        article.categories = categories or [category]
        article.related_links = [RelatedArticle(article=other) for other in related]
        for tag in tags:
            article.tags.add(tag)
        index.add_child(instance=article)
        if publish:
            article.save_revision().publish()
            article.refresh_from_db()
        else:
            article.save_revision()
        return article

    return make


@pytest.fixture
def make_notice(db):
    """A notice published through a revision, with one attached file and the exam sessions given."""
    index = NoticeIndexPage.objects.get()

    def make(title, slug, *, kind=NoticeKind.RECRUITMENT, sessions=(), files=(), **fields):
        notice = NoticePage(title=title, slug=slug, kind=kind, **fields)
        notice.attachments = [NoticeAttachment(document=document, title=label) for document, label in files]
        notice.exam_sessions = [ExamSession(**session) for session in sessions]
        index.add_child(instance=notice)
        notice.save_revision().publish()
        notice.refresh_from_db()
        return notice

    return make


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)
