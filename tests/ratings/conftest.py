"""Answers start from an empty cache (the per-address limits and the pages found countable live there)."""

from django.core.cache import cache

import pytest

from news.models import NewsArticlePage

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"
)
ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(db):
    return NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")


def answer(client, page_id, useful="1", user_agent=BROWSER, ip=ADDRESS, json=False, **extra):
    """A person's browser sending "Yes" (or "No") from a page of the portal."""
    headers = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
    headers |= {"HTTP_ACCEPT": "application/json"} if json else {}
    return client.post(
        "/danh-gia-trang/",
        {"page": page_id, "useful": useful},
        HTTP_USER_AGENT=user_agent,
        REMOTE_ADDR=ip,
        **(headers | extra),
    )


def comment(client, token, text, json=False, ip=ADDRESS, **extra):
    headers = {"HTTP_ORIGIN": "http://testserver"} | ({"HTTP_ACCEPT": "application/json"} if json else {})
    return client.post(
        "/danh-gia-trang/gop-y/",
        {"token": token, "text": text},
        HTTP_USER_AGENT=BROWSER,
        REMOTE_ADDR=ip,
        **(headers | extra),
    )
