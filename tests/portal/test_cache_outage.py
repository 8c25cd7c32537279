"""A Redis outage is two lines in the log and no failed request: pages, search and beacons go on (beacons counted in
the database), and when Redis is back the caches and counting use it again, without the pages it kept from before.

The test brings its own redis-server, killed and started again on the same port, whatever REDIS_URL says, and points
the portal's three caches (as production configures them) and the counting store at it."""

import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import time

from django.core.cache import caches
from django.db.models import Sum
from django.test import override_settings

import pytest
import redis

from config.settings.base import redis_caches
from news.models import NewsArticlePage
from portal import cache as portal_cache
from visitors import counting
from visitors.models import DailyCount

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("redis-outage")]  # it runs a redis-server of its own
REDIS_SERVER = os.environ.get("REDIS_SERVER", shutil.which("redis-server") or "/usr/bin/redis-server")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
SEARCH = "/tim-kiem/?q=c%E1%BA%A3i+c%C3%A1ch"
RETRY_SECONDS = 0.5  # instead of 10 s, so that the test sees probes fail during the outage and one succeed after


class OwnRedis:
    """A redis-server on a free port, keeping nothing on disk, that the test kills and starts again."""

    def __init__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        direct = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + 20
        while True:
            try:
                direct.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                time.sleep(0.05)

    def kill(self):
        self.process.kill()  # SIGKILL: gone at once, as in a crash
        self.process.wait(timeout=10)

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)  # keeps its memory and its port, answers nothing: a network cut

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def keys(self, pattern: str) -> list:
        return redis.Redis(port=self.port).keys(pattern)


@pytest.fixture
def own_redis():
    if not os.path.exists(REDIS_SERVER):
        message = f"redis-server is needed at {REDIS_SERVER}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = OwnRedis()
    server.start()
    yield server
    if server.process.poll() is None:
        server.kill()


@pytest.fixture
def portal_on_own_redis(own_redis, monkeypatch):
    """The production cache configuration on the test's Redis, the page cache and the layout's fragments on; the
    cache handlers are made again for it, and again for the suite's own caches afterwards."""
    monkeypatch.setattr(portal_cache, "RETRY_SECONDS", RETRY_SECONDS)
    caches_of_the_suite = {alias: getattr(caches[alias], "_server", None) for alias in ("default", "pages")}
    with override_settings(
        REDIS_URL=own_redis.url,
        CACHES=redis_caches(own_redis.url, "outage-test"),
        PAGE_CACHE_SECONDS=600,
        FRAGMENT_CACHE_SECONDS=600,
    ):
        assert all(getattr(caches[alias], "_server", None) == own_redis.url for alias in caches_of_the_suite)
        assert counting.store().name == "redis"
        yield own_redis
    assert {alias: getattr(caches[alias], "_server", None) for alias in caches_of_the_suite} == caches_of_the_suite


@pytest.fixture
def article():
    return NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")


def beacon(client, page_id, visitor: int):
    return client.post(
        "/luot-truy-cap/",
        data=json.dumps({"page": page_id}),
        content_type="application/json",
        HTTP_USER_AGENT=BROWSER,
        REMOTE_ADDR=f"198.51.100.{visitor}",
    )


def views_in_the_database() -> int:
    return DailyCount.objects.aggregate(views=Sum("views"))["views"] or 0


def lines(caplog) -> list[tuple[str, int, bool]]:
    """What the portal logged at WARNING and above, and whether any of it carried a traceback."""
    return [(record.name, record.levelno, bool(record.exc_info)) for record in warnings(caplog)]


def warnings(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_an_outage_is_one_line_when_it_starts_and_one_when_it_ends(client, portal_on_own_redis, article, caplog):
    own_redis = portal_on_own_redis
    caplog.set_level(logging.INFO)
    pages = ["/", "/tin-tuc/", article.url]

    for path in [*pages, SEARCH]:
        assert client.get(path).status_code == 200
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    assert beacon(client, article.pk, 1).json()["counted"] is True
    assert own_redis.keys("outage-test:visitors:*"), "the view went to Redis"
    assert lines(caplog) == []

    own_redis.kill()
    before, sent = views_in_the_database(), 0
    for round_number in range(3):
        for path in pages:
            response = client.get(path)
            assert response.status_code == 200, path
            assert response["X-Page-Cache"] == "miss", "rendered, since the cache cannot be read"
        assert client.get(SEARCH).status_code == 200
        for visitor in range(10, 14):
            response = beacon(client, article.pk, visitor + 10 * round_number)
            assert response.status_code == 200
            assert response.json()["counted"] is True
            sent += 1
        time.sleep(RETRY_SECONDS * 1.2)  # the next round starts with a probe, which fails again
    assert views_in_the_database() - before == sent, "every beacon counted in the database"
    assert lines(caplog) == [("portal.cache", logging.WARNING, False)], "one line, no traceback"
    assert f"Redis at 127.0.0.1:{own_redis.port} does not answer" in warnings(caplog)[0].getMessage()

    caplog.clear()
    own_redis.start()
    time.sleep(RETRY_SECONDS * 1.2)
    assert client.get(article.url).status_code == 200  # its first cache call is the probe, which Redis answers
    assert client.get(article.url)["X-Page-Cache"] == "hit", "the page cache is used again"
    assert beacon(client, article.pk, 99).json()["counted"] is True
    assert own_redis.keys("outage-test:visitors:*"), "counting uses Redis again"
    assert lines(caplog) == [("portal.cache", logging.WARNING, False)]
    assert f"Redis at 127.0.0.1:{own_redis.port} answers again" in warnings(caplog)[0].getMessage()


def test_a_page_changed_while_redis_was_away_is_shown_changed_when_it_is_back(
    client, portal_on_own_redis, article, caplog
):
    own_redis = portal_on_own_redis
    caplog.set_level(logging.INFO)
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    own_redis.pause()
    assert client.get("/tin-tuc/").status_code == 200  # waits out one socket timeout, then goes on without Redis
    article.title = "Gia Lộc đột phá trong cải cách hành chính năm 2023"
    article.save_revision().publish()  # would empty the page cache, which cannot be reached
    assert article.title in client.get(article.url).content.decode()

    own_redis.resume()  # with the page as it was cached before the change
    time.sleep(RETRY_SECONDS * 1.2)
    response = client.get(article.url)
    assert article.title in response.content.decode(), "not the copy kept from before the change"
    assert client.get(article.url)["X-Page-Cache"] == "hit", "the page cache is used again"
    assert lines(caplog) == [("portal.cache", logging.WARNING, False)] * 2
    assert "does not answer (Timeout" in warnings(caplog)[0].getMessage()
    assert "answers again" in warnings(caplog)[1].getMessage()


def test_a_full_redis_is_one_line_a_minute_and_no_outage(client, portal_on_own_redis, article, caplog):
    own_redis = portal_on_own_redis
    caplog.set_level(logging.INFO)
    direct = redis.Redis(port=own_redis.port)
    direct.config_set("maxmemory", 1)  # every write refused ("OOM command not allowed"), reads answered
    assert client.get(article.url).status_code == 200
    assert client.get(article.url)["X-Page-Cache"] == "miss", "it could not be kept"
    assert lines(caplog) == [("portal.cache", logging.ERROR, False)], "one line for every refused write, no traceback"
    assert "maxmemory" in warnings(caplog)[0].getMessage()

    direct.config_set("maxmemory", 0)
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit", "Redis was not taken for gone"
