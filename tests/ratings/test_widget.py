"""Where the question shows: under every content page, not the home page or listings; in the cached page, with no
token, at no query's cost; and an answer from a cached page counts."""

from django.core.cache import caches
from django.test import Client

import pytest

from documents.models import DocumentCollectionPage, LegalDocumentPage
from gallery.models import AlbumPage, VideoPage
from home.models import StandardPage
from notices.models import NoticePage
from ratings.models import PageRating
from tests.helpers import count_queries
from tests.ratings.conftest import answer

pytestmark = pytest.mark.django_db
WIDGET = 'action="/danh-gia-trang/"'


def first_url(model):
    return model.objects.live().order_by("pk").first().url


@pytest.mark.parametrize("model", [NoticePage, LegalDocumentPage, AlbumPage, VideoPage, StandardPage])
def test_content_pages_ask_the_question(client, model):
    page = model.objects.live().order_by("pk").first()
    shown = client.get(page.url).content.decode()
    assert shown.count(WIDGET) == 1 and f'name="page" value="{page.pk}"' in shown


def test_an_article_asks_the_question_without_a_token(client, article):
    shown = client.get(article.url).content.decode()
    assert WIDGET in shown and 'name="useful" value="1"' in shown and 'name="useful" value="0"' in shown
    assert "csrfmiddlewaretoken" not in shown and " style=" not in shown.split('class="rating"')[1]


@pytest.mark.parametrize("url", ["/", "/tin-tuc/", "/thong-bao/", "/van-ban/", "/thu-vien-anh/", "/tim-kiem/?q=lua"])
def test_the_home_page_and_listings_do_not(client, url):
    assert WIDGET not in client.get(url).content.decode()


def test_a_documents_shelf_does_not(client):
    assert WIDGET not in client.get(first_url(DocumentCollectionPage)).content.decode()


def test_the_print_view_does_not(client, article):
    assert WIDGET not in client.get(article.url + "?print=1").content.decode()


@pytest.mark.parametrize("model", ["article", NoticePage, LegalDocumentPage, VideoPage])
def test_the_question_adds_no_query_to_a_page(client, article, monkeypatch, model):
    page = article if model == "article" else model.objects.live().order_by("pk").first()
    url = page.url
    with_it = count_queries(client, url)
    monkeypatch.setattr(type(page), "rating_enabled", False, raising=False)  # a page type may opt out
    assert WIDGET not in client.get(url).content.decode()
    assert count_queries(client, url) == with_it


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_an_answer_from_a_cached_page_counts(page_cache_on, article):
    assert Client().get(article.url)["X-Page-Cache"] == "miss"
    cached = Client().get(article.url)
    assert cached["X-Page-Cache"] == "hit"
    assert WIDGET in cached.content.decode() and f'name="page" value="{article.pk}"' in cached.content.decode()
    visitor = Client()
    assert answer(visitor, article.pk).status_code == 303
    assert PageRating.objects.get(page=article).useful == 1
    assert Client().get(article.url)["X-Page-Cache"] == "hit"  # answering does not empty the cache
    assert "X-Page-Cache" not in answer(Client(), article.pk, ip="198.51.100.9")  # answers are never cached
