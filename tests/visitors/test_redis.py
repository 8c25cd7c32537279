"""Counting through Redis (the same local Redis the suite runs against in CI): counts show at once, move to the
database on flush, and a Redis outage falls back to the database."""

import datetime
import io

from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Site

import pytest
import redis

from news.models import NewsArticlePage
from visitors import counting
from visitors.models import DailyCount, PageDailyCount

pytestmark = pytest.mark.django_db
REDIS_TEST_URL = django_settings.REDIS_SCRATCH_URL  # a database of this test worker's own


@pytest.fixture
def redis_store(settings):
    connection = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        connection.ping()
    except redis.ConnectionError:
        pytest.fail("Redis is expected at 127.0.0.1:6379 on development and CI machines")
    settings.CACHES = {**settings.CACHES, "default": {**settings.CACHES["default"], "KEY_PREFIX": "visitors-test"}}
    connection.flushdb()
    cache.clear()
    yield counting.RedisStore(connection)
    connection.flushdb()


def test_redis_counts_show_before_and_after_they_move_to_the_database(redis_store):
    site = Site.objects.get(is_default_site=True)
    page = NewsArticlePage.objects.live().first()
    now = timezone.now()
    redis_store.redis.set(f"{redis_store.prefix}:flush-lock", "1", ex=60)  # keep the automatic flush out of the way
    for number in range(5):
        redis_store.record(site.pk, page.pk, f"visitor-{number % 2}", now)
    counters = counting.counters(site.pk, now, redis_store)
    assert (counters.today, counters.online) == (5, 2)
    assert DailyCount.objects.count() == 0
    assert redis_store.flush() == 5
    cache.clear()
    row = DailyCount.objects.get()
    assert (row.views, row.visitors) == (5, 2)
    assert PageDailyCount.objects.get(page=page).views == 5
    assert counting.counters(site.pk, now, redis_store).today == 5, "nothing counted twice after the move"


def test_the_first_beacon_of_a_minute_moves_waiting_counts(redis_store):
    site = Site.objects.get(is_default_site=True)
    page = NewsArticlePage.objects.live().first()
    now = timezone.now()
    redis_store.record(site.pk, page.pk, "visitor-a", now)
    assert DailyCount.objects.get().views == 1
    redis_store.record(site.pk, page.pk, "visitor-b", now + datetime.timedelta(seconds=5))
    assert DailyCount.objects.get().views == 1, "within the minute the count waits in Redis"


def test_redis_outage_counts_in_the_database(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:9/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1, "IGNORE_EXCEPTIONS": True},
        }
    }
    page = NewsArticlePage.objects.live().first()
    response = client.post(
        "/luot-truy-cap/",
        data={"page": page.pk},
        HTTP_USER_AGENT="Mozilla/5.0 Firefox/140.0",
        REMOTE_ADDR="192.0.2.50",
    )
    assert response.status_code == 200
    assert response.json()["counted"] is True
    assert DailyCount.objects.get().views == 1


def test_flush_command_moves_waiting_counts(redis_store, settings):
    settings.REDIS_URL = REDIS_TEST_URL
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": "visitors-test",
        },
    }
    site = Site.objects.get(is_default_site=True)
    page = NewsArticlePage.objects.live().first()
    redis_store.redis.set(f"{redis_store.prefix}:flush-lock", "1", ex=60)
    for number in range(3):
        redis_store.record(site.pk, page.pk, f"visitor-{number}", timezone.now())
    assert not DailyCount.objects.exists()
    output = io.StringIO()
    call_command("flush_visitor_counts", stdout=output)
    assert "3" in output.getvalue()
    assert DailyCount.objects.get().views == 3
    assert PageDailyCount.objects.get(page=page).views == 3
