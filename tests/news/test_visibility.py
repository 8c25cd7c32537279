"""Unpublished, private and scheduled articles never show in listings, feeds, other news, the sitemap or home page."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import feedparser
import pytest

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def hide_by_unpublishing(article):
    article.unpublish()


def hide_by_making_private(article):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau")


def hide_by_scheduling(article):
    article.unpublish()
    article.go_live_at = timezone.now() + datetime.timedelta(days=3)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live


def places(client, article):
    """Where a visible article would appear, as text to look in."""
    category = article.primary_category.slug
    feed = feedparser.parse(client.get("/tin-tuc/rss/").content)
    category_feed = feedparser.parse(client.get(f"/tin-tuc/chuyen-muc/{category}/rss/").content)
    neighbour = (
        NewsArticlePage.objects.live().filter(primary_category=article.primary_category).exclude(pk=article.pk).first()
    )
    return {
        "listing": client.get("/tin-tuc/").content.decode(),
        "category listing": client.get(f"/tin-tuc/chuyen-muc/{category}/").content.decode(),
        "feed": " ".join(entry.link for entry in feed.entries),
        "category feed": " ".join(entry.link for entry in category_feed.entries),
        "other news": client.get(neighbour.url).content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
        "home page": client.get("/").content.decode(),
    }


@pytest.mark.parametrize("hide", [hide_by_unpublishing, hide_by_making_private, hide_by_scheduling])
def test_hidden_article_appears_nowhere(client, hide):
    article = NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")
    url = article.url
    before = places(client, article)
    assert all(url in text for text in before.values()), [name for name, text in before.items() if url not in text]
    hide(article)
    after = places(client, article)
    assert [name for name, text in after.items() if url in text] == []
