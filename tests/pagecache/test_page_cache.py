"""The anonymous full-page cache: who gets it, what fills it, what empties it."""

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from pagecache import store
from portal.models import PortalSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.BROWSER_CACHE_SECONDS = 0
    settings.CDN_CACHE_SECONDS = 60
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    response.queries = len(queries)
    return response


@pytest.fixture
def article():
    return NewsArticlePage.objects.live().order_by("-display_date").first()


def test_second_anonymous_view_comes_from_the_cache_without_a_query(client, article):
    first = get(client, article.url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss" and first.queries > 10
    second = get(Client(), article.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.queries == 0
    assert second.content == first.content
    for header in ("Content-Type", "X-Frame-Options", "Cache-Control"):
        assert second[header] == first[header], header


def test_anonymous_pages_are_public_for_a_cdn(client, article):
    response = client.get(article.url)
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=60"}


def test_the_beacon_address_and_page_id_stay_in_the_cached_page(client, article):
    client.get(article.url)
    cached = client.get(article.url)
    assert cached["X-Page-Cache"] == "hit"
    assert f'data-page-id="{article.pk}"' in cached.content.decode()
    assert client.post("/luot-truy-cap/", {"page": article.pk}, content_type="application/json").status_code == 200


def test_signed_in_editors_neither_see_nor_fill_the_cache(article):
    editor = get_user_model().objects.create_superuser("bien-tap-cache", "c@gialoc.example", "pw")
    signed_in = Client()
    signed_in.force_login(editor)
    response = get(signed_in, article.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert get(signed_in, article.url).queries > 0
    assert Client().get(article.url)["X-Page-Cache"] == "miss"  # the editor's view was not stored

    Client().get(article.url)
    assert "X-Page-Cache" not in signed_in.get(article.url)  # and a cached page is not given to the editor


def test_previews_and_the_admin_are_never_cached(article):
    editor = get_user_model().objects.create_superuser("xem-truoc", "x@gialoc.example", "pw")
    client = Client()
    client.force_login(editor)
    response = client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in Client().get("/admin/login/")


def test_only_wagtail_pages_are_stored(client):
    for url in ("/tim-kiem/?q=gia+loc", "/healthz", "/robots.txt", "/khong-ton-tai/"):
        client.get(url)
        assert "X-Page-Cache" not in client.get(url), url


def test_not_found_and_post_are_not_stored(client, article):
    assert client.get("/tin-tuc/khong-co-bai-nay/").status_code == 404
    assert "X-Page-Cache" not in client.get("/tin-tuc/khong-co-bai-nay/")
    client.get(article.url)
    assert "X-Page-Cache" not in client.post(article.url)


def test_query_strings_are_separate_pages(client):
    client.get("/tin-tuc/?page=2")
    assert client.get("/tin-tuc/?page=2")["X-Page-Cache"] == "hit"
    assert client.get("/tin-tuc/?page=3")["X-Page-Cache"] == "miss"
    assert client.get("/tin-tuc/?page=abc").status_code == 200


def test_publishing_an_article_refreshes_the_home_page_and_listing(client, home):
    index = NewsIndexPage.objects.get()
    client.get("/"), client.get("/tin-tuc/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    category = NewsCategory.objects.get(slug="kinh-te")
    article = NewsArticlePage(
        title="Tin mới nhất về bộ nhớ đệm", slug="tin-bo-nho-dem", lead="Thử.", primary_category=category
    )
    article.categories = [category]
    index.add_child(instance=article)
    article.save_revision().publish()
    for url in ("/", "/tin-tuc/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Tin mới nhất về bộ nhớ đệm" in response.content.decode(), url


def test_unpublishing_moving_and_deleting_empty_the_cache(client, article):
    url = article.url
    client.get(url)
    article.unpublish()
    assert client.get(url).status_code == 404

    other = NewsArticlePage.objects.live().exclude(pk=article.pk).first()
    client.get(other.url), client.get("/")
    before = store.generation()
    Page.objects.get(pk=other.pk).delete()
    assert store.generation() > before
    assert client.get(other.url).status_code == 404


def test_making_a_page_private_empties_the_cache(client, article):
    client.get(article.url)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302 or article.title not in response.content.decode()


def test_changing_the_portal_settings_empties_the_cache(client, site):
    client.get("/")
    settings_ = PortalSettings.for_site(site)
    settings_.unit_name = "Ủy ban nhân dân huyện Gia Lộc (thử bộ nhớ đệm)"
    settings_.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "thử bộ nhớ đệm" in response.content.decode()


def test_visits_and_downloads_do_not_empty_the_cache(client, article):
    before = store.generation()
    client.get(article.url)
    client.post("/luot-truy-cap/", {"page": article.pk}, content_type="application/json")
    assert store.generation() == before


def test_the_cache_can_be_turned_off(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(article.url)
    assert "X-Page-Cache" not in client.get(article.url)


def test_workers_share_pages_and_their_invalidation_on_disk(tmp_path, article, settings):
    """Production without Redis keeps pages in files: another worker's cache object sees the same generation."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
    }
    from django.core.cache import CacheHandler

    worker_a, worker_b = CacheHandler()["pages"], CacheHandler()["pages"]
    assert worker_a is not worker_b
    client = Client()
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    generation = worker_b.get(store.GENERATION_KEY)
    worker_a.incr(store.GENERATION_KEY)
    assert worker_b.get(store.GENERATION_KEY) == generation + 1
    assert client.get(article.url)["X-Page-Cache"] == "miss"
