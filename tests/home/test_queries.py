"""The number of database queries of a page is fixed: it must not grow with the amount of content."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from notices.models import NoticeIndexPage, NoticePage

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_content(times: int):
    """Multiply the demo's news, categories, keywords and notices by ``times``."""
    index = NewsIndexPage.objects.get()
    notices = NoticeIndexPage.objects.get()
    categories = list(NewsCategory.objects.all())
    template = NewsArticlePage.objects.live().first()
    now = timezone.now()
    for i in range(NewsArticlePage.objects.count() * (times - 1)):
        category = (
            NewsCategory.objects.create(name=f"Chuyên mục {i}", slug=f"chuyen-muc-{i}")
            if i % 10 == 0
            else categories[0]
        )
        article = NewsArticlePage(
            title=f"Tin bổ sung {i}",
            slug=f"tin-bo-sung-{i}",
            lead="Tin thêm để kiểm tra số truy vấn.",
            body=template.body.raw_data,
            feature_image=template.feature_image,
            primary_category=category,
            featured=i % 3 == 0,
            display_date=now - datetime.timedelta(days=i),
        )
        article.categories = [category, *categories[:2]]
        article.tags.add(f"từ khóa {i}", "cải cách hành chính")
        index.add_child(instance=article)
    for i in range(NoticePage.objects.count() * (times - 1)):
        notices.add_child(instance=NoticePage(title=f"Thông báo thêm {i}", slug=f"thong-bao-them-{i}"))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/tin-tuc/",
        "/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/",
        "/tin-tuc/the/cai-cach-hanh-chinh/",
        "/tin-tuc/2023/02/",
        "/tin-tuc/rss/",
        "/thong-bao/",
        "/gioi-thieu/",
    ],
)
def test_page_queries_do_not_grow_with_ten_times_more_content(client, url):
    before = count_queries(client, url)
    add_content(10)
    after = count_queries(client, url)
    assert after == before, f"{url}: {before} queries before, {after} with ten times the content"


def test_article_page_queries_do_not_grow_with_ten_times_more_content(client):
    article = NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")
    before = count_queries(client, article.url)
    add_content(10)
    after = count_queries(client, article.url)
    assert after == before
