"""Storage that fails: a database that can be read but not written, a page-cache folder that cannot be used.

The database is made read-only for real (SQLite: ``PRAGMA query_only``, which refuses every write with "attempt to
write a readonly database"; PostgreSQL: the transaction switched to read-only, which refuses writes with
``ReadOnlySqlTransaction``), and the page-cache folder is a path through a plain file, which the file system
refuses. Pages that only read keep being served; what must write answers 503 with a reason; /healthz tells the
truth."""

import contextlib
import logging

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import Client

from wagtail.models import Page

import pytest

from news.models import NewsArticlePage
from pagecache import filestore

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def read_only_database():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            # The foreign keys of rows written earlier in the test's transaction are checked now, while it can;
            # read-only is allowed in the middle of a transaction and ends with it, at the rollback after the test.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL transaction_read_only = on")
    try:
        yield
    finally:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = OFF")


def test_a_view_the_database_cannot_count_still_gets_the_counters(settings, caplog):
    """The beacon answers as usual, uncounted, so that the footer of every page still shows the counters. (With
    Redis, views are counted there and reach the database later: this is the database store.)"""
    settings.REDIS_URL = ""
    caches["default"].clear()  # counters read by earlier tests are kept a few seconds
    article = NewsArticlePage.objects.live().first()
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    client.post("/luot-truy-cap/", data={"page": article.pk})  # the page is known before the database turns read-only
    with read_only_database(), caplog.at_level(logging.WARNING):
        response = client.post("/luot-truy-cap/", data={"page": article.pk}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    assert response.json()["counted"] is False
    assert response.json()["today"] >= 1
    assert [record.getMessage() for record in caplog.records if "was not counted" in record.getMessage()]
    assert not [record for record in caplog.records if record.exc_info]


def test_healthz_reports_every_part():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "page_cache": "ok"}}
    assert "no-store" in response["Cache-Control"]
    assert Client().head("/healthz").status_code == 200


def test_healthz_is_503_when_the_database_cannot_be_written(caplog):
    with read_only_database(), caplog.at_level(logging.WARNING):
        response = Client().get("/healthz")
        head = Client().head("/healthz")
        live = Client().get("/healthz/live")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["database"] == "unavailable"
    assert head.status_code == 503
    assert live.status_code == 200, "the process itself is alive: a restart would not help"


def test_pages_that_only_read_are_served_from_a_read_only_database():
    article = NewsArticlePage.objects.live().first()
    client = Client()
    client.get(article.url)  # the article's image renditions exist before the database turns read-only
    with read_only_database():
        for url in ("/", "/tin-tuc/", article.url, "/tim-kiem/?q=gia+loc", "/van-ban/", "/api/v2/pages/"):
            assert client.get(url).status_code == 200, url


def test_signing_in_to_a_read_only_database_is_a_503_with_a_reason(settings, caplog):
    settings.AXES_ENABLED = True  # a failed login is counted (django-axes), which needs a write too
    user = get_user_model().objects.get(username="admin")
    user.set_password("an-admin-password-1")
    user.save()
    client = Client()
    with read_only_database(), caplog.at_level(logging.WARNING):
        right = client.post("/admin/login/", {"username": "admin", "password": "an-admin-password-1"})
        wrong = client.post("/admin/login/", {"username": "admin", "password": "not-the-password"})
    for response in (right, wrong):
        assert response.status_code == 503
        assert response["Retry-After"]
        assert "thử lại" in response.content.decode()  # "try again", in the editors' language
    assert not [record for record in caplog.records if record.exc_info], "one line each, no traceback"


@pytest.fixture
def broken_page_cache(settings, tmp_path, monkeypatch):
    """The page cache in a folder that cannot be made: its parent is a plain file."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "pagecache.filestore.PageFileCache", "LOCATION": str(blocker / "pages")},
    }
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600
    yield blocker
    caches["pages"].clear()


def test_a_page_cache_folder_that_cannot_be_used_fails_no_page(broken_page_cache, caplog):
    article = NewsArticlePage.objects.live().first()
    urls = ["/", "/tin-tuc/", article.url, "/thong-bao/", "/tim-kiem/?q=gia"]
    with caplog.at_level(logging.WARNING, logger="pagecache.filestore"):
        for _ in range(3):
            for url in urls:
                response = Client().get(url)
                assert response.status_code == 200, url
                assert response.get("X-Page-Cache") != "hit", url
        health = Client().get("/healthz")
    assert health.status_code == 200
    assert health.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "ok", "page_cache": "unavailable"},
    }
    assert len(caplog.records) == 1, [record.getMessage() for record in caplog.records]
    assert "cannot be used" in caplog.records[0].getMessage()


def test_the_page_cache_works_again_emptied_when_its_folder_does(broken_page_cache, caplog, monkeypatch):
    monkeypatch.setattr(filestore, "RETRY_SECONDS", 0.0)  # each call may try again: no waiting in a test
    url = Page.objects.get(depth=2).specific.url
    Client().get(url)  # fails to store: the store steps aside
    assert caches["pages"].is_failing
    broken_page_cache.unlink()
    broken_page_cache.mkdir()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="pagecache.filestore"):
        first = Client().get(url)
        second = Client().get(url)
    assert not caches["pages"].is_failing
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert ["works again" in record.getMessage() for record in caplog.records] == [True]
    assert Client().get("/healthz").json()["status"] == "ok"
