"""Listings page their querysets by ids first: every page holds the right rows, in order, whatever the page."""

from django.test import RequestFactory

import pytest

from news.models import NewsArticlePage
from portal.pagination import paginate

pytestmark = pytest.mark.django_db


def pages(queryset, per_page, **kwargs):
    first = paginate(RequestFactory().get("/"), queryset, per_page, **kwargs)
    return [
        paginate(RequestFactory().get("/", {"page": number}), queryset, per_page, **kwargs)
        for number in first.paginator.page_range
    ]


@pytest.mark.parametrize("per_page", [1, 3, 7, 20])
def test_walking_every_page_gives_every_row_once_in_order(per_page):
    articles = NewsArticlePage.objects.live().order_by("-first_published_at", "-pk")
    expected = list(articles.values_list("pk", flat=True))
    assert len(expected) > 20, "the demo holds enough articles to need several pages"
    walked = [article.pk for page in pages(articles, per_page) for article in page]
    assert walked == expected


def test_rows_come_from_the_rows_queryset_in_the_order_of_the_ids():
    articles = NewsArticlePage.objects.live().order_by("title", "pk")
    rows = NewsArticlePage.objects.defer("title").order_by("-pk")  # another order: the ids' order must win
    page = paginate(RequestFactory().get("/", {"page": 2}), articles, 5, rows=rows)
    assert [article.pk for article in page] == list(articles.values_list("pk", flat=True)[5:10])
    assert all("title" in article.get_deferred_fields() for article in page)


def test_lists_are_paged_as_they_are():
    page = paginate(RequestFactory().get("/", {"page": "3"}), list(range(50)), 20)
    assert list(page) == list(range(40, 50))
    assert page.paginator.num_pages == 3


def test_capped_paging_offers_only_the_newest_pages_and_counts_no_further():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    articles = NewsArticlePage.objects.live().order_by("-first_published_at", "-pk")
    total = articles.count()
    assert total > 10
    with CaptureQueriesContext(connection) as queries:
        page = paginate(RequestFactory().get("/", {"page": 99}), articles, 5, max_pages=2)
    assert page.number == 2 and page.paginator.num_pages == 2
    assert page.paginator.count == 10 and page.paginator.truncated
    assert [article.pk for article in page] == list(articles.values_list("pk", flat=True)[5:10])
    count_sql = next(query["sql"] for query in queries if "COUNT(" in query["sql"].upper())
    assert "LIMIT 11" in count_sql  # the count stops one past the cap

    uncapped = paginate(RequestFactory().get("/", {"page": 2}), articles, 5, max_pages=100)
    assert uncapped.paginator.count == total and not uncapped.paginator.truncated


def test_the_last_offered_page_of_a_capped_news_listing_says_how_to_reach_older_articles(client, monkeypatch):
    import news.models

    monkeypatch.setattr(news.models, "MAX_PAGES", 1)
    last = client.get("/tin-tuc/", {"page": 5})
    assert last.status_code == 200
    text = last.content.decode()
    assert last.context["articles"].number == 1
    assert "Để xem các mục cũ hơn, hãy chọn năm, tháng hoặc chuyên mục" in text

    monkeypatch.setattr(news.models, "MAX_PAGES", 100)
    assert "Để xem các mục cũ hơn" not in client.get("/tin-tuc/", {"page": 2}).content.decode()
