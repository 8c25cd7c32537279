"""Counting views: who counts, how a visitor is recognised without storing who they are, and where counts go.

Counts go straight to the database by default: one transaction of upserts (`INSERT … ON CONFLICT … DO UPDATE SET
views = views + 1`), which stays atomic under concurrent beacons on SQLite (WAL, immediate transactions, busy
timeout) and PostgreSQL; the flood limit is one more upsert in it, so every worker sees the same count. With
REDIS_URL they go to Redis (HINCRBY, SADD, ZADD) and are moved to the database at most a minute later by whichever
request first finds the minute's lock free, by `manage.py flush_visitor_counts`, and when a gunicorn worker exits.
Redis here keeps nothing on disk, so a Redis restart loses at most the counts of the last minute; while Redis is
down the beacon counts in the database (the outage is logged once, by portal.cache).
"""

import contextlib
import datetime
import hashlib
import hmac
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from wagtail.models import Page, Site

from portal.cache import OUTAGE_ERRORS
from visitors.models import DailyCount, MinuteCount, VisitorSighting

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


class DatabaseStore:
    """Counts written to the database at once."""

    name = "database"

    # The flood limit: the visitor's views this minute, counted up in the same transaction as the view, so that
    # concurrent beacons, in any worker, each see their own number and exactly FLOOD_LIMIT_PER_MINUTE are counted.
    COUNT_MINUTE = """
        INSERT INTO visitors_minutecount (visitor, minute, views) VALUES (%(visitor)s, %(minute)s, 1)
        ON CONFLICT (visitor, minute) DO UPDATE SET views = visitors_minutecount.views + 1
        RETURNING views
    """

    # PostgreSQL: one statement, so one round trip and atomic by itself, the minute's count first. Each step feeds
    # the next, which fixes the order rows are locked in (minute, sighting, day, page) and so rules out deadlocks
    # between concurrent beacons; a flood stops after the first. The last writes one row if the view counts.
    POSTGRES_COUNT = """
        WITH minute AS (
            INSERT INTO visitors_minutecount (visitor, minute, views) VALUES (%(visitor)s, %(minute)s, 1)
            ON CONFLICT (visitor, minute) DO UPDATE SET views = visitors_minutecount.views + 1
            RETURNING views
        ), sighting AS (
            INSERT INTO visitors_visitorsighting (site_id, day, visitor, last_seen)
            SELECT %(site)s, %(day)s, %(visitor)s, %(now)s FROM minute WHERE views <= %(limit)s
            ON CONFLICT (site_id, day, visitor) DO UPDATE SET last_seen = excluded.last_seen
            RETURNING (xmax = 0) AS is_new
        ), site_day AS (
            INSERT INTO visitors_dailycount (site_id, day, views, visitors)
            SELECT %(site)s, %(day)s, 1, CASE WHEN is_new THEN 1 ELSE 0 END FROM sighting
            ON CONFLICT (site_id, day) DO UPDATE SET views = visitors_dailycount.views + 1,
                visitors = visitors_dailycount.visitors + excluded.visitors
            RETURNING 1
        )
        INSERT INTO visitors_pagedailycount (page_id, day, views)
        SELECT %(page)s, %(day)s, 1 FROM site_day
        ON CONFLICT (page_id, day) DO UPDATE SET views = visitors_pagedailycount.views + 1
    """

    def record(self, site_id: int, page_id: int, visitor: str, now: datetime.datetime) -> bool:
        """Count one view; False for a flood, or if the page or site was deleted since the beacon checked it."""
        values = {
            "site": site_id,
            "page": page_id,
            "day": timezone.localtime(now).date(),
            "visitor": visitor,
            "now": now,
            "minute": connection.ops.adapt_datetimefield_value(now.replace(second=0, microsecond=0)),
            "limit": FLOOD_LIMIT_PER_MINUTE,
        }
        try:
            if connection.vendor == "postgresql":
                # Alone the statement needs no transaction (two more round trips); inside one, a savepoint keeps a
                # failure from spoiling the rest of it.
                inside = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
                with inside, connection.cursor() as cursor:
                    cursor.execute(self.POSTGRES_COUNT, values)
                    counted = cursor.rowcount == 1
            else:
                counted = self._record_portably(values)
        except IntegrityError:
            return False
        if counted and cache.add("visitors:sightings-cleaned", 1, timeout=3600):  # once an hour per cache
            self.flush()
        return counted

    @classmethod
    def _record_portably(cls, values) -> bool:
        """SQLite: the same upserts in one transaction (immediate, so concurrent beacons queue for the lock)."""
        site_id, page_id, day, visitor, now = (values[name] for name in ("site", "page", "day", "visitor", "now"))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(cls.COUNT_MINUTE, values)
            if cursor.fetchall()[0][0] > FLOOD_LIMIT_PER_MINUTE:
                return False
            cursor.execute(
                "INSERT INTO visitors_visitorsighting (site_id, day, visitor, last_seen) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (site_id, day, visitor) DO NOTHING",
                [site_id, day, visitor, now],
            )
            is_new = cursor.rowcount == 1
            if not is_new:
                cursor.execute(
                    "UPDATE visitors_visitorsighting SET last_seen = %s "
                    "WHERE site_id = %s AND day = %s AND visitor = %s",
                    [now, site_id, day, visitor],
                )
            add_views(cursor, site_id, day, views=1, visitors=int(is_new))
            add_page_views(cursor, page_id, day, 1)
        return True

    def pending(self, site_id: int, today: datetime.date) -> dict:
        return {}

    def online(self, site_id: int, now: datetime.datetime) -> int:
        return VisitorSighting.objects.filter(site_id=site_id, last_seen__gte=now - ONLINE_WINDOW).count()

    def flush(self) -> int:
        """Nothing waits to be written; drop what is too old to matter."""
        forget_old()
        return 0


def forget_old():
    """Delete sightings of earlier days (a day's hashes are useless after it) and the flood counts of minutes gone
    by: the database store's, and those a Redis outage left (the beacon counts in the database meanwhile)."""
    cutoff = timezone.localdate() - datetime.timedelta(days=SIGHTINGS_KEPT_DAYS)
    VisitorSighting.objects.filter(day__lt=cutoff).delete()
    MinuteCount.objects.filter(minute__lt=timezone.now() - datetime.timedelta(minutes=2)).delete()


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
        self._record_script = redis.register_script(self.RECORD)

    def _day_key(self, site_id, day):
        return f"{self.prefix}:{site_id}:{day.isoformat()}"

    # One round trip: the flood check, the counts, the day's visitor set, "online now", and whether a minute has
    # passed since the last move to the database. Returns -1 (flood), 0 (counted) or 1 (counted, move due).
    RECORD = """
        local seen = redis.call('INCR', KEYS[1])
        if seen == 1 then redis.call('EXPIRE', KEYS[1], 120) end
        if seen > tonumber(ARGV[1]) then return -1 end
        local is_new = redis.call('SADD', KEYS[2], ARGV[2])
        redis.call('EXPIRE', KEYS[2], 259200)
        redis.call('HINCRBY', KEYS[3], 'views', 1)
        if is_new == 1 then redis.call('HINCRBY', KEYS[3], 'visitors', 1) end
        redis.call('HINCRBY', KEYS[4], ARGV[3], 1)
        redis.call('SADD', KEYS[5], ARGV[4])
        redis.call('ZADD', KEYS[6], ARGV[5], ARGV[2])
        if redis.call('SET', KEYS[7], '1', 'NX', 'EX', ARGV[6]) then return 1 end
        return 0
    """

    def record(self, site_id: int, page_id: int, visitor: str, now: datetime.datetime) -> bool:
        """Count one view in Redis; False for a flood."""
        day = timezone.localtime(now).date()
        day_key = self._day_key(site_id, day)
        keys = [
            f"{self.prefix}:flood:{visitor}:{now:%Y%m%d%H%M}",
            f"{day_key}:seen",
            day_key,
            f"{day_key}:pages",
            f"{self.prefix}:dirty",
            f"{self.prefix}:{site_id}:online",
            f"{self.prefix}:flush-lock",
        ]
        arguments = [FLOOD_LIMIT_PER_MINUTE, visitor, page_id, f"{site_id}:{day.isoformat()}", now.timestamp()]
        outcome = self._record_script(keys=keys, args=[*arguments, FLUSH_INTERVAL_SECONDS])
        if outcome == 1:
            with contextlib.suppress(*OUTAGE_ERRORS):  # the view is counted; what waits moves with the next minute's
                self.flush()
        return outcome >= 0

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
                # Pages and sites deleted since they were counted take their counts with them.
                if counts and Site.objects.filter(pk=site_id).exists():
                    add_views(cursor, int(site_id), day, counts.get("views", 0), counts.get("visitors", 0))
                    moved += counts.get("views", 0)
                existing = set(Page.objects.filter(pk__in=[int(pk) for pk in pages]).values_list("pk", flat=True))
                for page_id, views in pages.items():
                    if int(page_id) in existing:
                        add_page_views(cursor, int(page_id), day, views)
        forget_old()
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
    except Exception as error:
        if current.name == "database":
            raise
        if not isinstance(error, OUTAGE_ERRORS):  # an outage is logged once, when it starts (portal.cache)
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
    from portal.models import PortalSettings

    return PortalSettings.for_site(Site.objects.get(pk=site_id)).visitor_count_baseline
