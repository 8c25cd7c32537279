"""Nothing private is reachable by typing its address: restricted pages ask for a login or a password, their
documents are not served, and uploaded documents are never served straight from the media folder."""

from wagtail.models import PageViewRestriction

import pytest

from config.urls import MEDIA_FILES
from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_article():
    article = NewsArticlePage.objects.live().first()
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    return article


def test_a_page_for_signed_in_users_sends_others_to_the_login(client, admin_client, private_article):
    response = client.get(private_article.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/") or "login" in response["Location"]
    assert private_article.title not in client.get(private_article.url, follow=True).content.decode()
    assert admin_client.get(private_article.url).status_code == 200


def test_a_password_page_shows_only_the_password_form(client):
    article = NewsArticlePage.objects.live().first()
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="mk-2023")
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.lead[:40] not in response.content.decode()
    assert 'type="password"' in response.content.decode()


def test_private_pages_are_not_in_search_listings_feeds_or_the_sitemap(client, private_article):
    for path in ("/tin-tuc/", "/tin-tuc/rss/", "/sitemap.xml", f"/tim-kiem/?q={private_article.title}"):
        assert private_article.url not in client.get(path).content.decode(), path


def test_unpublished_pages_are_not_found(client):
    article = NewsArticlePage.objects.live().first()
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_documents_are_never_served_from_the_media_folder():
    assert MEDIA_FILES.resolve("media/documents/quyet-dinh-mat.pdf") is None
    assert MEDIA_FILES.resolve("media/original_images/anh.jpg") is not None
    assert MEDIA_FILES.resolve("media/images/anh.fill-320x200.jpg") is not None
