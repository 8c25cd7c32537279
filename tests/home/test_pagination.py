"""Listings page their querysets by ids first: every page holds the right rows, in order, whatever the page."""

from django.test import RequestFactory

import pytest

from home.pagination import paginate
from news.models import NewsArticlePage

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
