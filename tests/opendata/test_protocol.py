"""The API only reads (GET, HEAD, OPTIONS), answers errors as ``{"message": …}``, may be read from any origin and is
throttled per client address."""

from django.core.cache import cache

import pytest

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def article_url(db):
    return f"/api/v2/pages/{NewsArticlePage.objects.live().first().pk}/"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "article"])
def test_writing_is_refused(client, method, path, article_url):
    url = article_url if path == "article" else path
    response = getattr(client, method)(url, data={"title": "Tin giả"}, content_type="application/json")
    assert response.status_code == 405
    assert method.upper() in response.json()["message"]
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_nothing_was_written(client, article_url):
    before = NewsArticlePage.objects.live().first().title
    client.put(article_url, data={"title": "Tin giả"}, content_type="application/json")
    assert NewsArticlePage.objects.live().first().title == before


def test_head_and_options(client, article_url):
    head = client.head(article_url)
    assert head.status_code == 200
    assert head.content == b""
    options = client.options("/api/v2/pages/")
    assert options.status_code == 200
    assert set(options["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_any_origin_may_read(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://dulieu.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"


def test_a_browser_gets_the_browsable_view(client):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_unknown_object_is_a_404_message(client):
    for endpoint in ["pages", "images", "documents"]:
        response = client.get(f"/api/v2/{endpoint}/999999/")
        assert response.status_code == 404
        assert response.json() == {"message": "Không tìm thấy."}


@pytest.fixture
def slow_rate(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"opendata": "3/min"}}
    cache.clear()


def test_throttled_per_address(client, slow_rate):
    for _ in range(3):
        assert client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.5").status_code == 200
    refused = client.get("/api/v2/images/", REMOTE_ADDR="203.0.113.5")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json() == {"message": f"Quá nhiều yêu cầu. Hãy thử lại sau {refused['Retry-After']} giây."}
    # A forged X-Forwarded-For does not make a new client (no trusted proxy in front).
    forged = client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert forged.status_code == 429
    # Another address has its own allowance.
    assert client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.6").status_code == 200


def test_behind_a_trusted_proxy_the_reported_address_counts(client, slow_rate, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(3):
        assert (
            client.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 200
        )
    assert client.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    assert client.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 200


def test_the_site_is_not_throttled(client, slow_rate):
    for _ in range(5):
        assert client.get("/tin-tuc/").status_code == 200


def test_an_unreadable_rate_is_reported_at_start(settings):
    from opendata.apps import check_throttle_rate

    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"opendata": "120 per minute"}}
    (error,) = check_throttle_rate(None)
    assert error.id == "opendata.E001"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"opendata": "5000/day"}}
    assert check_throttle_rate(None) == []
