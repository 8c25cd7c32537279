"""RSS feeds of all news and of each category are valid RSS 2.0, newest first, and announced in the page head."""

import feedparser
import pytest
from pytest_django.asserts import assertContains

from news.feeds import FEED_LENGTH
from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    return feed


def test_news_feed_lists_the_newest_articles_first(client):
    feed = parse(client, "/tin-tuc/rss/")
    newest = list(NewsArticlePage.objects.for_listing()[:FEED_LENGTH])
    assert [entry.title for entry in feed.entries] == [article.title for article in newest]
    first = feed.entries[0]
    assert first.link == f"http://testserver{newest[0].url}"
    assert first.summary == newest[0].lead
    assert feed.feed.language == "vi"


def test_category_feed_holds_only_that_category(client):
    feed = parse(client, "/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/rss/")
    titles = {entry.title for entry in feed.entries}
    expected = set(
        NewsArticlePage.objects.live().filter(categories__slug="cai-cach-hanh-chinh").values_list("title", flat=True)
    )
    assert titles == expected
    assert all("Cải cách hành chính" in [tag.term for tag in entry.tags] for entry in feed.entries)
    assert "Cải cách hành chính" in feed.feed.title


def test_unknown_category_feed_is_a_404(client):
    assert client.get("/tin-tuc/chuyen-muc/khong-co/rss/").status_code == 404


@pytest.mark.parametrize(
    ("url", "feed"),
    [
        ("/tin-tuc/", "/tin-tuc/rss/"),
        ("/tin-tuc/chuyen-muc/kinh-te/", "/tin-tuc/chuyen-muc/kinh-te/rss/"),
        ("/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/", "/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/rss/"),
    ],
)
def test_pages_announce_their_feed(client, url, feed):
    assertContains(
        client.get(url),
        f'<link rel="alternate" type="application/rss+xml" title="Tin tức RSS" href="{feed}">',
        html=False,
    )
