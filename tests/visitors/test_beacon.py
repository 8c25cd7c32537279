"""The counting beacon: counts people, not bots, editors, prefetches or floods; answers junk with a 4xx."""

import datetime
import json

from django.core.cache import cache
from django.db import connection

from wagtail.models import Page, PageViewRestriction

import pytest
import time_machine

from news.models import NewsArticlePage
from visitors import counting
from visitors.models import DailyCount, MinuteCount, PageDailyCount, VisitorSighting

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"
VN = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article():
    return NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")


def send(client, page_id, user_agent=BROWSER, ip="203.0.113.7", **extra):
    return client.post(
        "/luot-truy-cap/",
        data=json.dumps({"page": page_id}),
        content_type="application/json",
        HTTP_USER_AGENT=user_agent,
        REMOTE_ADDR=ip,
        **extra,
    )


@pytest.fixture
def fresh_counters(monkeypatch):
    """Counters computed anew for every answer instead of kept for a few seconds."""
    monkeypatch.setattr(counting, "COUNTERS_CACHE_SECONDS", 0)


def stored():
    """The counts as the database holds them once whatever waits in Redis (when REDIS_URL is set) is written."""
    counting.store().flush()
    return DailyCount.objects


def total_views():
    return sum(stored().values_list("views", flat=True))


def test_a_visit_is_counted_and_answered_with_the_counters(client, article):
    response = send(client, article.pk)
    assert response.status_code == 200
    data = response.json()
    assert data["counted"] is True
    assert data["today"] == 1 and data["month"] == 1 and data["online"] == 1
    assert data["total"] == 4_843_358 + 1
    stored()
    assert PageDailyCount.objects.get(page=article).views == 1
    assert response["Cache-Control"] == "no-store"


def test_the_same_visitor_twice_is_two_views_and_one_visitor(client, article, fresh_counters):
    send(client, article.pk)
    data = send(client, article.pk).json()
    assert data["today"] == 2
    row = stored().get()
    assert (row.views, row.visitors) == (2, 1)
    send(client, article.pk, ip="198.51.100.9")
    assert stored().get().visitors == 2


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "coccocbot-web/1.0 (+http://help.coccoc.com/searchengine)",
        "python-requests/2.31.0",
        "curl/8.4.0",
        "",
    ],
)
def test_bots_are_answered_but_not_counted(client, article, user_agent):
    response = send(client, article.pk, user_agent=user_agent)
    assert response.status_code == 200
    assert response.json()["counted"] is False
    assert total_views() == 0


def test_signed_in_editors_are_not_counted(admin_client, article):
    assert send(admin_client, article.pk).json()["counted"] is False
    assert total_views() == 0


@pytest.mark.parametrize(
    "header",
    [{"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_PURPOSE": "prefetch"}, {"HTTP_SEC_PURPOSE": "prefetch;prerender"}],
)
def test_prefetches_are_not_counted(client, article, header):
    assert send(client, article.pk, **header).json()["counted"] is False


def test_a_flood_from_one_visitor_stops_being_counted(client, article):
    with time_machine.travel(datetime.datetime(2026, 11, 20, 9, 0, 5, tzinfo=VN), tick=False):
        answers = [send(client, article.pk).json()["counted"] for _ in range(40)]
    assert answers.count(True) == 30
    assert total_views() == 30
    assert send(client, article.pk, ip="198.51.100.20").json()["counted"] is True


def test_junk_gets_a_4xx_and_changes_nothing(client, article):
    cases = [
        client.get("/luot-truy-cap/"),
        client.put("/luot-truy-cap/", data="{}", content_type="application/json"),
        client.post("/luot-truy-cap/", data="{not json", content_type="application/json", HTTP_USER_AGENT=BROWSER),
        client.post("/luot-truy-cap/", data=json.dumps({"page": "abc"}), content_type="application/json"),
        client.post("/luot-truy-cap/", data=json.dumps({}), content_type="application/json"),
        client.post("/luot-truy-cap/", data=json.dumps([1, 2]), content_type="application/json"),
        client.post("/luot-truy-cap/", data=json.dumps({"page": -5}), content_type="application/json"),
        client.post("/luot-truy-cap/", data=json.dumps({"page": 10**30}), content_type="application/json"),
        client.post("/luot-truy-cap/", data=json.dumps({"page": 999999}), content_type="application/json"),
        client.post(
            "/luot-truy-cap/", data=json.dumps({"page": article.pk, "x": "y" * 2000}), content_type="application/json"
        ),
        send(client, article.pk, HTTP_ORIGIN="https://evil.example"),
        client.post("/luot-truy-cap/", data={"page": "1' OR 1=1"}),
    ]
    assert [response.status_code for response in cases] == [405, 405, 400, 400, 400, 400, 400, 400, 404, 413, 403, 400]
    assert total_views() == 0


def test_pages_citizens_cannot_see_are_not_counted(client, article):
    article.unpublish()
    assert send(client, article.pk).status_code == 404
    private = NewsArticlePage.objects.live().exclude(pk=article.pk).first()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert send(client, private.pk).status_code == 404
    assert send(client, Page.get_first_root_node().pk).status_code == 404
    assert total_views() == 0


def test_same_site_origin_and_forms_are_accepted(client, article):
    assert send(client, article.pk, HTTP_ORIGIN="http://testserver").status_code == 200
    response = client.post(
        "/luot-truy-cap/", data={"page": str(article.pk)}, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="192.0.2.1"
    )
    assert response.json()["counted"] is True


def test_no_address_or_browser_string_is_stored(client, article):
    secret_ip, secret_agent = "203.0.113.77", BROWSER + " UniqueMarker/9.9"
    send(client, article.pk, user_agent=secret_agent, ip=secret_ip)
    current = counting.store()
    if current.name == "redis":
        keys = current.redis.keys("*")
        assert keys, "the view is held in Redis"
        dump = repr([(key, current.redis.dump(key)) for key in keys])
        assert secret_ip not in dump and "UniqueMarker" not in dump
        current.flush()
    else:
        assert VisitorSighting.objects.count() == 1
    tables = [table for table in connection.introspection.table_names() if table.startswith("visitors_")]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            dump = repr(cursor.fetchall())
            assert secret_ip not in dump and "UniqueMarker" not in dump, table


def test_the_visitor_hash_changes_every_day():
    from visitors.counting import visitor_hash

    monday, tuesday = datetime.date(2026, 11, 23), datetime.date(2026, 11, 24)
    assert visitor_hash("203.0.113.7", BROWSER, monday) == visitor_hash("203.0.113.7", BROWSER, monday)
    assert visitor_hash("203.0.113.7", BROWSER, monday) != visitor_hash("203.0.113.7", BROWSER, tuesday)
    assert len(visitor_hash("203.0.113.7", BROWSER, monday)) == 32


def test_days_and_months_turn_over_at_midnight_in_vietnam(client, article, fresh_counters):
    with time_machine.travel(datetime.datetime(2026, 11, 30, 23, 59, tzinfo=VN), tick=False):
        send(client, article.pk)
    with time_machine.travel(datetime.datetime(2026, 12, 1, 0, 1, tzinfo=VN), tick=False):
        data = send(client, article.pk, ip="198.51.100.1").json()
    assert sorted(stored().values_list("day", "views")) == [
        (datetime.date(2026, 11, 30), 1),
        (datetime.date(2026, 12, 1), 1),
    ]
    assert data["today"] == 1
    assert data["month"] == 1
    assert data["total"] == 4_843_358 + 2


def test_the_answer_includes_the_view_just_counted_when_the_numbers_are_kept(client, article):
    client.get(article.url)  # the footer's counters are now kept for a few seconds
    data = send(client, article.pk).json()
    assert (data["today"], data["month"], data["total"], data["online"]) == (1, 1, 4_843_358 + 1, 1)


def test_a_page_served_from_a_cache_is_counted_by_its_beacon(client, article, settings, django_assert_num_queries):
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    first = client.get(article.url)
    with django_assert_num_queries(0):
        second = client.get(article.url)  # from the cache: the page's code does not run
    assert second.content == first.content
    assert 'data-counter="today">0<' in second.content.decode()
    assert send(client, article.pk).json()["today"] == 1
    third = client.get(article.url)
    assert third.content == first.content, "the cached copy is unchanged…"
    stored()
    assert PageDailyCount.objects.get(page=article).views == 1, "…and the view it showed is counted"


def test_old_visitor_hashes_are_dropped(client, article):
    with time_machine.travel(datetime.datetime(2026, 11, 20, 10, 0, tzinfo=VN), tick=False):
        send(client, article.pk)
    cache.clear()
    with time_machine.travel(datetime.datetime(2026, 11, 25, 10, 0, tzinfo=VN), tick=False):
        send(client, article.pk, ip="198.51.100.30")
    if counting.store().name == "database":
        assert list(VisitorSighting.objects.values_list("day", flat=True)) == [datetime.date(2026, 11, 25)]
        assert [minute.date() for minute in MinuteCount.objects.values_list("minute", flat=True)] == [
            datetime.date(2026, 11, 25)
        ], "the flood counts of minutes gone by are dropped too"
    assert sorted(stored().values_list("day", "views")) == [
        (datetime.date(2026, 11, 20), 1),
        (datetime.date(2026, 11, 25), 1),
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_deleted_after_its_first_beacon_is_not_counted_and_nothing_fails(client, committed_pages):
    page = committed_pages[0]
    assert send(client, page.pk).json()["counted"] is True  # the page is now known as countable for a few minutes
    page.delete()
    response = send(client, page.pk, ip="198.51.100.40")
    assert response.status_code == 200
    in_redis = counting.store().name == "redis"
    assert response.json()["counted"] is in_redis  # Redis takes it and drops the page's part when writing
    assert stored().get().views == (2 if in_redis else 1)
    assert not PageDailyCount.objects.filter(page_id=page.pk).exists()
