"""Most read this week or month, read counts on articles, the footer box, the admin dashboard panel."""

import datetime

from django.core.cache import cache
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup
from pytest_django.asserts import assertContains

from news.models import NewsArticlePage
from visitors.models import DailyCount, PageDailyCount
from visitors.reading import most_read

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def views(page, count, days_ago=0):
    PageDailyCount.objects.create(page=page, day=timezone.localdate() - datetime.timedelta(days=days_ago), views=count)


def test_most_read_orders_by_views_within_the_period(site):
    first, second, old, hidden = list(NewsArticlePage.objects.live()[:4])
    views(first, 50)
    views(second, 80, days_ago=3)
    views(old, 500, days_ago=20)
    views(hidden, 900)
    hidden.unpublish()
    assert [page.pk for page, _views in most_read(site, 7, 5, NewsArticlePage)] == [second.pk, first.pk]
    assert [page.pk for page, _views in most_read(site, 30, 5, NewsArticlePage)] == [old.pk, second.pk, first.pk]


def test_most_read_box_on_the_home_page(client, home):
    article = NewsArticlePage.objects.live().first()
    views(article, 12)
    home.body.append(("most_read", {"heading": "Tin đọc nhiều", "days": "7", "count": 5}))
    home.save_revision().publish()
    response = client.get("/")
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one(".box--most-read")
    assert "Tin đọc nhiều" in box.get_text()
    assert article.title in box.get_text()
    assert "12 lượt xem" in box.get_text()


def test_article_shows_its_read_count(client):
    article = NewsArticlePage.objects.live().first()
    views(article, 1234, days_ago=40)
    views(article, 1)
    assertContains(client.get(article.url), "1.235 lượt xem")


def test_footer_shows_all_four_counters_server_side(client, site):
    DailyCount.objects.create(site=site, day=timezone.localdate(), views=3549, visitors=800)
    soup = BeautifulSoup(client.get("/gioi-thieu/").content, "html.parser")
    values = {dd["data-counter"]: dd.get_text() for dd in soup.select("[data-counter]")}
    assert values == {"online": "0", "today": "3.549", "month": "3.549", "total": "4.846.907"}
    body = soup.body
    assert body["data-beacon-url"] == "/luot-truy-cap/"
    assert body["data-page-id"]


def test_pages_without_a_page_have_no_beacon(client):
    soup = BeautifulSoup(client.get("/tim-kiem/", {"q": "x"}).content, "html.parser")
    assert not soup.body.has_attr("data-page-id")


def test_admin_dashboard_shows_the_last_30_days(admin_client, site):
    DailyCount.objects.create(site=site, day=timezone.localdate(), views=120, visitors=45)
    response = admin_client.get("/admin/")
    assertContains(response, "120 lượt xem của 45 người truy cập")
    soup = BeautifulSoup(response.content, "html.parser")
    bars = soup.select("#visitors-panel-heading ~ div svg rect")
    assert len(bars) == 30
    heights = [float(bar["height"]) for bar in bars]  # SVG numbers: a decimal point even in Vietnamese
    assert heights[-1] == max(heights) > 0 and heights[0] == 0
    assert all(float(bar["x"]) >= 0 and float(bar["width"]) > 0 for bar in bars)


def test_previews_carry_no_beacon(client):
    article = NewsArticlePage.objects.live().first()
    preview = BeautifulSoup(article.make_preview_request().content, "html.parser")
    assert "data-page-id" not in preview.body.attrs
    live = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert live.body["data-page-id"] == str(article.pk)


def test_head_requests_are_not_counted(client):
    article = NewsArticlePage.objects.live().first()
    assert client.head("/luot-truy-cap/").status_code == 405
    assert client.head(article.url).status_code == 200
    assert not DailyCount.objects.exists()
