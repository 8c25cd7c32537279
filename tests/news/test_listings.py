"""News listings: by month and year, by keyword, with an archive box; impossible dates are a Vietnamese 404."""

import datetime

from django.utils import timezone

import pytest
from pytest_django.asserts import assertContains

from news.models import NewsArticlePage, NewsTag

pytestmark = pytest.mark.django_db


def local_month(article):
    day = timezone.localtime(article.display_date)
    return day.year, day.month


def test_month_archive_lists_exactly_that_month_in_local_time(client):
    response = client.get("/tin-tuc/2023/02/")
    assert response.status_code == 200
    listed = [article.pk for article in response.context["articles"]]
    expected = [a.pk for a in NewsArticlePage.objects.for_listing() if local_month(a) == (2023, 2)]
    assert listed == expected
    assert len(listed) >= 6
    assertContains(response, "Tin tức tháng 02/2023")


def test_article_published_just_after_local_midnight_belongs_to_the_new_month(client):
    article = NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")
    # 00:30 on 1 March in Vietnam is still 28 February in UTC.
    article.display_date = datetime.datetime(2023, 3, 1, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    article.save()
    march = [a.pk for a in client.get("/tin-tuc/2023/03/").context["articles"]]
    february = [a.pk for a in client.get("/tin-tuc/2023/02/").context["articles"]]
    assert article.pk in march
    assert article.pk not in february


def test_year_archive_and_archive_box(client):
    response = client.get("/tin-tuc/2022/")
    assert response.status_code == 200
    assert all(local_month(a)[0] == 2022 for a in response.context["articles"])
    archive = {year["year"]: year for year in response.context["archive"]}
    assert set(archive) == {2022, 2023}
    assert archive[2022]["count"] == len(response.context["articles"].object_list)
    assert archive[2022]["months"], "the browsed year shows its months"
    assert archive[2023]["months"] == []


@pytest.mark.parametrize("path", ["2023/13/", "2023/0/", "1800/", "3000/01/", "2023/02/99/", "abc/", "2023/xx/"])
def test_impossible_archive_addresses_are_a_vietnamese_404(client, path):
    response = client.get(f"/tin-tuc/{path}")
    assert response.status_code == 404
    assertContains(response, "Không tìm thấy trang", status_code=404)


def test_keyword_listing_uses_ascii_addresses(client):
    tag = NewsTag.objects.get(name="cải cách hành chính")
    assert tag.slug == "cai-cach-hanh-chinh"
    response = client.get("/tin-tuc/the/cai-cach-hanh-chinh/")
    assert response.status_code == 200
    listed = {article.pk for article in response.context["articles"]}
    assert listed == set(NewsArticlePage.objects.live().filter(tags=tag).values_list("pk", flat=True))
    assertContains(response, "Từ khóa: cải cách hành chính")
    assert client.get("/tin-tuc/the/khong-co-tu-khoa/").status_code == 404


def test_keyword_slug_folds_d_with_stroke():
    assert NewsTag(name="Đường điện").slugify("Đường điện") == "duong-dien"


def test_listing_pages_hold_twenty_articles_newest_first(client):
    response = client.get("/tin-tuc/")
    page = response.context["articles"]
    dates = [article.display_date for article in page]
    assert len(dates) == 20
    assert dates == sorted(dates, reverse=True)
    second = client.get("/tin-tuc/?page=2").context["articles"]
    assert second.number == 2
    assert {a.pk for a in page}.isdisjoint({a.pk for a in second})
