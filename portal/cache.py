"""Redis for the caches and the visitor counts, without letting an outage of it slow the portal or flood its log.

Each process keeps a circuit breaker per Redis server. The first call that cannot reach the server opens it and logs
one warning; while it is open every call fails at once without touching the network, so the caches answer "not
found" (pages render) and visitor counts go to the database. After ``RETRY_SECONDS`` the next call first sends the
server a PING; when one is answered the breaker closes, one more line says that Redis is back, and the page cache is
emptied (what was published meanwhile could not empty it).

django-redis builds its connections with the ``REDIS_CLIENT_CLASS`` its cache backend names: ``RedisCache`` below
sets ``GuardedRedis``, so the caches and every direct connection (``django_redis.get_redis_connection``) go through
the same breaker. django-redis itself would log a traceback for every cache call it ignores; ``RedisCache`` leaves
outages to the breaker and logs other ignored errors in one line, each at most once a minute.
"""

import logging
import sys
import threading
import time

from django_redis.cache import RedisCache as DjangoRedisCache
from redis import Redis
from redis.client import Pipeline
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 10.0
IGNORED_ERRORS_SECONDS = 60.0
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)


class RedisUnavailable(RedisConnectionError):
    """Raised without trying while the breaker of a Redis server is open."""


class Breaker:
    """The state of one Redis server as this process sees it: answering, or down since a moment and not to be asked
    again before ``retry_at``, and then by one call only, which first sends it a PING (the probe)."""

    def __init__(self, address: str):
        self.address = address
        self.down_since: float | None = None
        self.retry_at = 0.0
        self.probing = False
        self.refused = 0
        self._lock = threading.Lock()

    def admit(self, connection_pool):
        """Let a call go to the server, or raise ``RedisUnavailable`` at once while it is down. Past ``retry_at``
        the first call probes it; if the server answers, the breaker closes before that call goes on."""
        if self.down_since is None:
            return
        with self._lock:
            if self.down_since is None:
                return
            if self.probing or time.monotonic() < self.retry_at:
                self.refused += 1
                raise RedisUnavailable(f"Redis at {self.address} is not answering; it is asked again shortly")
            self.probing = True
        try:
            Redis(connection_pool=connection_pool).ping()
        except OUTAGE_ERRORS as error:
            self.failed(error)
            raise RedisUnavailable(f"Redis at {self.address} is not answering: {error}") from error
        except RedisError:
            pass  # an error the server sent back (a command it refuses while full): it is there
        except BaseException:
            with self._lock:
                self.probing = False
            raise
        self._close()

    def failed(self, error: Exception):
        """A call could not reach the server: open (or keep open) the breaker, warning only when it opens."""
        with self._lock:
            opens = self.down_since is None
            now = time.monotonic()
            if opens:
                self.down_since, self.refused = now, 0
            self.retry_at = now + RETRY_SECONDS
            self.probing = False
        if opens:
            logger.warning(
                "Redis at %s does not answer (%s): pages are served without the cache and visitor counts go to "
                "the database; it is asked again every %g s.",
                self.address,
                error,
                RETRY_SECONDS,
            )

    def _close(self):
        with self._lock:
            if self.down_since is None:
                return
            seconds, refused = time.monotonic() - self.down_since, self.refused
            self.down_since, self.probing = None, False
        logger.warning(
            "Redis at %s answers again after %.0f s; the caches and visitor counting use it again "
            "(%d calls went without it).",
            self.address,
            seconds,
            refused,
        )
        forget_pages_of_before()


def forget_pages_of_before():
    """Empty the page cache once Redis is back: a change published while it was away could not move the cache's
    generation on, and a Redis that kept its memory (a network cut, a paused server) still holds the pages as they
    were before the change."""
    from django.core.cache import caches

    from pagecache import store

    try:
        if isinstance(caches["pages"], RedisCache):
            store.invalidate("Redis answered again after an outage")
    except Exception:  # the call that probed must go on; at worst pages cached before the outage age out
        logger.warning("The page cache could not be emptied after the Redis outage.", exc_info=True)


_breakers: dict[str, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(connection_pool) -> Breaker:
    """The breaker of the server a connection pool connects to (one per host and port, or socket, per process)."""
    options = connection_pool.connection_kwargs
    address = options.get("path") or f"{options.get('host', 'localhost')}:{options.get('port', 6379)}"
    with _breakers_lock:
        return _breakers.setdefault(address, Breaker(address))


def guarded(breaker: Breaker, connection_pool, call, *args, **kwargs):
    breaker.admit(connection_pool)
    try:
        return call(*args, **kwargs)
    except OUTAGE_ERRORS as error:
        breaker.failed(error)
        raise


class GuardedPipeline(Pipeline):
    """A pipeline whose round trips go through its server's breaker."""

    breaker: Breaker

    def execute(self, raise_on_error: bool = True):
        return guarded(self.breaker, self.connection_pool, super().execute, raise_on_error)

    def immediate_execute_command(self, *args, **options):
        return guarded(self.breaker, self.connection_pool, super().immediate_execute_command, *args, **options)


class GuardedRedis(Redis):
    """redis-py's client with every command (scripts and pipelines too) sent through its server's breaker."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.breaker = breaker_for(self.connection_pool)

    def execute_command(self, *args, **options):
        return guarded(self.breaker, self.connection_pool, super().execute_command, *args, **options)

    def pipeline(self, transaction=True, shard_hint=None) -> GuardedPipeline:
        pipeline = GuardedPipeline(self.connection_pool, self.response_callbacks, transaction, shard_hint)
        pipeline.breaker = self.breaker
        return pipeline


class IgnoredErrors:
    """What django-redis calls to report an error it ignores (``logger.exception``, inside the ``except``). Outages
    are left to the breaker; any other error (a full Redis refusing writes) is logged in one line, without a
    traceback, and each kind of error at most once a minute per process, with how often it came meanwhile."""

    def __init__(self):
        self.last_logged: dict[str, list] = {}
        self._lock = threading.Lock()

    def exception(self, message, *args, **kwargs):
        error = sys.exc_info()[1]
        cause = getattr(error, "__cause__", None) or error
        if isinstance(cause, OUTAGE_ERRORS):
            return  # the breaker has said so once
        kind, now = type(cause).__name__, time.monotonic()  # the message may name a key: one line per kind of error
        with self._lock:
            logged = self.last_logged.get(kind)
            if logged and now - logged[0] < IGNORED_ERRORS_SECONDS:
                logged[1] += 1
                return
            self.last_logged[kind] = [now, 0]
        again = f" ({logged[1]} more since it was last logged)" if logged and logged[1] else ""
        logger.error("A Redis cache call failed and was ignored: %s: %s%s", kind, cause, again)


ignored_errors = IgnoredErrors()


class RedisCache(DjangoRedisCache):
    """django-redis's cache with its connections guarded by the breaker and ignored errors logged without a
    traceback (outages not at all: the breaker reports them)."""

    def __init__(self, server, params):
        options = {"REDIS_CLIENT_CLASS": f"{__name__}.GuardedRedis", **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        if self._ignore_exceptions:
            self._log_ignored_exceptions = True
            self.logger = ignored_errors
