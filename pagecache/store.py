"""Where cached pages live, and the generation number that invalidates them all at once.

Every key holds the current generation; publishing (or any other change citizens would see) adds one to it, so
every page cached before is no longer found and ages out of the cache on its own. One counter instead of a list of
the pages a change touches: a new article shows on its page, its section's listings, the home page, the side column
of every page, the search results and the sitemap, and a district portal publishes a few times a day, so emptying
the whole cache costs little and can never miss a page.

The ``pages`` cache is Redis when REDIS_URL is set, else a folder on disk (PAGE_CACHE_DIR), so that every gunicorn
worker of the machine shares the cache and its generation (a per-process memory cache would let the other workers
serve a page after it was unpublished).
"""

import hashlib
import logging

from django.core.cache import caches
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches["pages"]


def generation() -> int:
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def invalidate(reason: str = ""):
    """Forget every cached page (they expire by themselves; nothing is deleted one by one)."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (an empty or flushed cache)
        cache.set(GENERATION_KEY, 2, timeout=None)
    logger.debug("Page cache emptied: %s", reason)


def key(request) -> str:
    """The cache key of a request: generation, the day in Vietnam (pages change at midnight: notices close,
    schedules move on), scheme, host and the full path with its query string."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:40]
    return f"pagecache:{generation()}:{timezone.localdate().isoformat()}:{digest}"
