"""The number of database queries of a page is fixed: it must not grow with the amount of content."""

import pytest

from news.models import NewsArticlePage
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


def test_news_and_home_pages_use_the_same_queries_with_ten_times_more_content(client):
    article = NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")
    assert_queries_constant(
        client,
        [
            "/",
            "/tin-tuc/",
            "/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/",
            "/tin-tuc/the/cai-cach-hanh-chinh/",
            "/tin-tuc/2023/02/",
            "/tin-tuc/rss/",
            "/gioi-thieu/",
            "/tim-kiem/?q=cai+cach+hanh+chinh",
            "/tim-kiem/?q=gia+loc&loai=news&tu=01/01/2023",
            article.url,
        ],
    )
