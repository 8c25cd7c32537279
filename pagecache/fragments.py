"""Parts of a page that are the same on every page of a site (the side column, the footer, the menus), kept between
renders so that a page the full-page cache cannot answer (an editor's visit, the first visit after a change, a
search) renders only what is its own.

A fragment lives in the ``pages`` cache under the same generation and day as whole pages (``store.generation``), so
the change that empties the page cache empties the fragments too, and no signal is needed for them. Templates cache
markup with Django's ``{% cache %}`` tag (``using="pages"``), varied on ``fragments.version`` and the site; code
caches data with ``cached``.
"""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject

from pagecache import store


def version() -> str:
    """What every fragment key holds: the page cache's generation, the day in Vietnam, the language, and the
    lifetime (``{% cache 0 %}`` stores nothing but would still read what an earlier setting stored)."""
    day = timezone.localdate().isoformat()
    return f"{store.generation()}:{day}:{translation.get_language()}:{settings.FRAGMENT_CACHE_SECONDS}"


def cached(name: str, build, *vary):
    """``build()``, kept for FRAGMENT_CACHE_SECONDS under ``name``, ``vary`` and the current version."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds:
        return build()
    cache = store.page_cache()
    key = ":".join(["fragment", name, *map(str, vary), version()])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value


def context(request):
    """Template context processor: ``fragments.seconds`` and ``fragments.version`` for ``{% cache %}`` (the version
    is read from the cache only when a template asks for it)."""
    return {"fragments": {"seconds": settings.FRAGMENT_CACHE_SECONDS, "version": SimpleLazyObject(version)}}
