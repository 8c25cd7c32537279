"""Search engines and social networks get a sitemap, robots.txt, canonical addresses and Open Graph cards."""

import xml.etree.ElementTree as ET

import pytest
from pytest_django.asserts import assertContains

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_live_pages_only(client):
    article = NewsArticlePage.objects.live().first()
    article.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [node.text for node in ET.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)]
    assert any(location.endswith("/gioi-thieu/") for location in locations)
    assert not any(location.endswith(f"/{article.slug}/") for location in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_article_has_canonical_url_and_social_card(client):
    article = NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")
    response = client.get(article.url)
    assertContains(response, f'<link rel="canonical" href="http://testserver{article.url}">', html=False)
    assertContains(response, '<meta property="og:type" content="article">', html=False)
    assertContains(response, f'<meta property="og:title" content="{article.title}">', html=False)
    assertContains(response, 'property="og:image"', html=False)
    assertContains(response, f'<meta name="description" content="{article.lead[:299]}', html=False)


def test_listing_pages_keep_their_page_number_in_the_canonical_url(client):
    response = client.get("/tin-tuc/?page=2&utm_source=x")
    assertContains(response, '<link rel="canonical" href="http://testserver/tin-tuc/?page=2">', html=False)


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith(".ico")


def test_health_checks_answer(client):
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/healthz/live").json() == {"status": "ok"}


def test_sitemap_gives_articles_their_last_modified_date(client):
    article = NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entry = next(
        url for url in root.findall("sm:url", SITEMAP_NS) if url.find("sm:loc", SITEMAP_NS).text.endswith(article.url)
    )
    assert entry.find("sm:lastmod", SITEMAP_NS).text.startswith(article.last_published_at.date().isoformat())
