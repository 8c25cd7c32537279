"""Counting views: who counts, how a visitor is recognised without storing who they are, and where counts go.

Counts go straight to the database by default: one transaction of upserts (`INSERT … ON CONFLICT … DO UPDATE SET
views = views + 1`), which stays atomic under concurrent beacons on SQLite (WAL, immediate transactions, busy
timeout) and PostgreSQL. With REDIS_URL they go to Redis (HINCRBY, SADD, ZADD) and are moved to the database at most
a minute later by whichever request first finds the minute's lock free, by `manage.py flush_visitor_counts`, and
when a gunicorn worker exits. Redis here keeps nothing on disk, so a Redis restart loses at most the counts of the
last minute.
"""

import datetime
import hashlib
import hmac
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from wagtail.models import Site

from visitors.models import DailyCount, VisitorSighting

logger = logging.getLogger(__name__)

ONLINE_WINDOW = datetime.timedelta(minutes=5)
FLOOD_LIMIT_PER_MINUTE = 30
FLUSH_INTERVAL_SECONDS = 60
COUNTERS_CACHE_SECONDS = 5
SIGHTINGS_KEPT_DAYS = 2


@dataclass(frozen=True)
class Counters:
    online: int
    today: int
    month: int
    total: int

    def as_dict(self) -> dict:
        return {"online": self.online, "today": self.today, "month": self.month, "total": self.total}


def visitor_hash(ip: str, user_agent: str, day: datetime.date) -> str:
    """The same visitor gets the same hash all day and a different one tomorrow; neither IP nor browser is kept."""
    salt = hmac.new(settings.SECRET_KEY.encode(), f"visitors:{day.isoformat()}".encode(), hashlib.sha256).digest()
    return hashlib.sha256(salt + f"{ip}|{user_agent}".encode()).hexdigest()[:32]


def is_flood(visitor: str, now: datetime.datetime) -> bool:
    """True once a visitor has been counted FLOOD_LIMIT_PER_MINUTE times this minute."""
    key = f"visitors:flood:{visitor}:{now:%Y%m%d%H%M}"
    cache.add(key, 0, timeout=120)
    try:
        seen = cache.incr(key)
    except ValueError:  # the cache lost the key between add and incr
        return False
    return seen is not None and seen > FLOOD_LIMIT_PER_MINUTE  # None: the cache is down and ignored


class DatabaseStore:
    """Counts written to the database at once."""

    name = "database"

    def record(self, site_id: int, page_id: int, visitor: str, now: datetime.datetime):
        day = timezone.localtime(now).date()
        with transaction.atomic(), connection.cursor() as cursor:
            add_views(cursor, site_id, day, views=1, visitors=0)
            add_page_views(cursor, page_id, day, 1)
            cursor.execute(
                "INSERT INTO visitors_visitorsighting (site_id, day, visitor, last_seen) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (site_id, day, visitor) DO NOTHING",
                [site_id, day, visitor, now],
            )
            if cursor.rowcount == 1:
                add_views(cursor, site_id, day, views=0, visitors=1)
            else:
                cursor.execute(
                    "UPDATE visitors_visitorsighting SET last_seen = %s "
                    "WHERE site_id = %s AND day = %s AND visitor = %s",
                    [now, site_id, day, visitor],
                )
        if cache.add("visitors:sightings-cleaned", 1, timeout=3600):  # once an hour per cache
            self.flush()

    def pending(self, site_id: int, today: datetime.date) -> dict:
        return {}

    def online(self, site_id: int, now: datetime.datetime) -> int:
        return VisitorSighting.objects.filter(site_id=site_id, last_seen__gte=now - ONLINE_WINDOW).count()

    def flush(self) -> int:
        """Nothing waits to be written; drop sightings too old to matter (a day's hashes are useless after it)."""
        cutoff = timezone.localdate() - datetime.timedelta(days=SIGHTINGS_KEPT_DAYS)
        VisitorSighting.objects.filter(day__lt=cutoff).delete()
        return 0


def add_views(cursor, site_id, day, views, visitors):
    cursor.execute(
        "INSERT INTO visitors_dailycount (site_id, day, views, visitors) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (site_id, day) DO UPDATE SET views = visitors_dailycount.views + excluded.views, "
        "visitors = visitors_dailycount.visitors + excluded.visitors",
        [site_id, day, views, visitors],
    )


def add_page_views(cursor, page_id, day, views):
    cursor.execute(
        "INSERT INTO visitors_pagedailycount (page_id, day, views) VALUES (%s, %s, %s) "
        "ON CONFLICT (page_id, day) DO UPDATE SET views = visitors_pagedailycount.views + excluded.views",
        [page_id, day, views],
    )


class RedisStore:
    """Counts kept in Redis and moved to the database in batches."""

    name = "redis"

    def __init__(self, redis):
        self.redis = redis
        self.prefix = f"{settings.CACHES['default'].get('KEY_PREFIX', 'portal')}:visitors"

    def _day_key(self, site_id, day):
        return f"{self.prefix}:{site_id}:{day.isoformat()}"

    def record(self, site_id: int, page_id: int, visitor: str, now: datetime.datetime):
        day = timezone.localtime(now).date()
        day_key = self._day_key(site_id, day)
        is_new = self.redis.sadd(f"{day_key}:seen", visitor)
        pipe = self.redis.pipeline()
        pipe.expire(f"{day_key}:seen", 3 * 86400)
        pipe.hincrby(day_key, "views", 1)
        if is_new:
            pipe.hincrby(day_key, "visitors", 1)
        pipe.hincrby(f"{day_key}:pages", str(page_id), 1)
        pipe.sadd(f"{self.prefix}:dirty", f"{site_id}:{day.isoformat()}")
        pipe.zadd(f"{self.prefix}:{site_id}:online", {visitor: now.timestamp()})
        pipe.execute()
        if self.redis.set(f"{self.prefix}:flush-lock", "1", nx=True, ex=FLUSH_INTERVAL_SECONDS):
            self.flush()

    def pending(self, site_id: int, today: datetime.date) -> dict:
        """Counts waiting in Redis: today's, this month's and all."""
        totals = {"today": 0, "month": 0, "total": 0}
        for member in self.redis.smembers(f"{self.prefix}:dirty"):
            member = member.decode() if isinstance(member, bytes) else member
            member_site, day_text = member.split(":", 1)
            if int(member_site) != site_id:
                continue
            views = int(self.redis.hget(self._day_key(site_id, datetime.date.fromisoformat(day_text)), "views") or 0)
            day = datetime.date.fromisoformat(day_text)
            totals["total"] += views
            totals["month"] += views if (day.year, day.month) == (today.year, today.month) else 0
            totals["today"] += views if day == today else 0
        return totals

    def online(self, site_id: int, now: datetime.datetime) -> int:
        key = f"{self.prefix}:{site_id}:online"
        self.redis.zremrangebyscore(key, "-inf", (now - ONLINE_WINDOW).timestamp())
        return self.redis.zcard(key)

    TAKE = "local values = redis.call('HGETALL', KEYS[1]) redis.call('DEL', KEYS[1]) return values"

    def _take(self, key) -> dict:
        values = self.redis.eval(self.TAKE, 1, key)
        pairs = [value.decode() if isinstance(value, bytes) else value for value in values]
        return {pairs[index]: int(pairs[index + 1]) for index in range(0, len(pairs), 2)}

    def flush(self) -> int:
        """Move every waiting count to the database; returns how many views moved."""
        moved = 0
        for member in self.redis.smembers(f"{self.prefix}:dirty"):
            member = member.decode() if isinstance(member, bytes) else member
            site_id, day_text = member.split(":", 1)
            day = datetime.date.fromisoformat(day_text)
            day_key = self._day_key(site_id, day)
            self.redis.srem(f"{self.prefix}:dirty", member)
            counts, pages = self._take(day_key), self._take(f"{day_key}:pages")
            with transaction.atomic(), connection.cursor() as cursor:
                if counts:
                    add_views(cursor, int(site_id), day, counts.get("views", 0), counts.get("visitors", 0))
                for page_id, views in pages.items():
                    add_page_views(cursor, int(page_id), day, views)
            moved += counts.get("views", 0)
        return moved


def store():
    if settings.REDIS_URL:
        from django_redis import get_redis_connection

        return RedisStore(get_redis_connection("default"))
    return DatabaseStore()


def counters(site_id: int, now: datetime.datetime | None = None, current=None, just_counted: bool = False) -> Counters:
    """Online now, today, this month and the total (the baseline carried over plus every counted view).

    Kept for a few seconds in the cache: every page's footer and every beacon answer with them. A beacon that has
    just been counted and gets the kept numbers sees its own view added to them.
    """
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    key = f"visitors:counters:{site_id}:{today.isoformat()}"
    cached = cache.get(key)
    if cached is not None:
        if just_counted:
            cached = {
                "online": max(cached["online"], 1),
                "today": cached["today"] + 1,
                "month": cached["month"] + 1,
                "total": cached["total"] + 1,
            }
        return Counters(**cached)
    current = current or store()
    try:
        pending, online = current.pending(site_id, today), current.online(site_id, now)
    except Exception:
        if current.name == "database":
            raise
        logger.warning("Reading counters from Redis failed; showing the database's.", exc_info=True)
        pending, online = {}, DatabaseStore().online(site_id, now)
    sums = DailyCount.objects.filter(site_id=site_id).aggregate(
        total=Sum("views"),
        month=Sum("views", filter=Q(day__gte=today.replace(day=1), day__lte=today)),
        today=Sum("views", filter=Q(day=today)),
    )
    result = Counters(
        online=online,
        today=(sums["today"] or 0) + pending.get("today", 0),
        month=(sums["month"] or 0) + pending.get("month", 0),
        total=baseline(site_id) + (sums["total"] or 0) + pending.get("total", 0),
    )
    cache.set(key, result.as_dict(), COUNTERS_CACHE_SECONDS)
    return result


def baseline(site_id: int) -> int:
    """The total carried over from before counting began, as set in the site's settings."""
    from home.models import PortalSettings

    return PortalSettings.for_site(Site.objects.get(pk=site_id)).visitor_count_baseline
