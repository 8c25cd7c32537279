"""The counting beacon: a small POST sent by the page after it loads, answered with the current counters.

It is not counted when it comes from a bot, an editor who is signed in, a prefetch, a flood, or for a page that is
not live and public in this site; junk (wrong method, wrong fields, a large body, another site's origin) gets a 4xx
and changes nothing. Either way a valid beacon gets the counters, so the footer fills on cached pages too.
"""

import functools
import json
import logging

from django.core.cache import cache
from django.db import DatabaseError
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Page, Site

import crawleruseragents

from portal.cache import OUTAGE_ERRORS
from portal.guard import client_ip
from portal.numbers import read_id, read_int
from visitors import counting

logger = logging.getLogger(__name__)
MAX_BODY_BYTES = 512
PAGE_CACHE_SECONDS = 300


def reject(status: int, reason: str) -> JsonResponse:
    return JsonResponse({"error": reason}, status=status)


def counted_site(request, page_id: int) -> int | None:
    """The id of the site the request is for, if ``page_id`` is one of its live, public pages.

    Remembered for a few minutes per host name: a beacon then costs no query to find its site and page, and a page
    unpublished in that time is counted for at most that long.
    """
    key = f"visitors:countable:{request.get_host()}:{page_id}"
    site_id = cache.get(key)
    if site_id is None:
        site = Site.find_for_request(request)
        found = site and Page.objects.live().public().in_site(site).filter(pk=page_id).exists()
        site_id = site.pk if found else 0
        cache.set(key, site_id, PAGE_CACHE_SECONDS)
    return site_id or None


@functools.lru_cache(maxsize=4096)
def is_bot(user_agent: str) -> bool:
    """Known crawlers, and any client that sends no browser string. Browser strings repeat, so answers are kept."""
    return not user_agent or crawleruseragents.is_crawler(user_agent)


def is_prefetch(request) -> bool:
    purpose = request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")
    return "prefetch" in purpose.lower() or "prerender" in purpose.lower()


def record(store, site_id: int, page_id: int, visitor: str, now) -> tuple[bool, object]:
    """Count one view in ``store``; with Redis down, in the database this time rather than lose it. An outage is
    logged once, when it starts (portal.cache), not at every beacon. Returns whether it counted, and the store that
    holds it."""
    try:
        return store.record(site_id, page_id, visitor, now), store
    except Exception as error:
        if store.name == "database":
            raise
        if not isinstance(error, OUTAGE_ERRORS):
            logger.warning("Counting in Redis failed; counted in the database instead.", exc_info=True)
        store = counting.DatabaseStore()
        return store.record(site_id, page_id, visitor, now), store


@csrf_exempt  # sent from cached pages, which carry no token; the origin check below stands in for it
@require_POST
def beacon(request):
    declared = read_int(request.META.get("CONTENT_LENGTH") or "0")
    if declared is None:
        return reject(400, "unreadable Content-Length")
    if declared > MAX_BODY_BYTES or len(request.body) > MAX_BODY_BYTES:
        return reject(413, "body too large")
    origin = request.headers.get("Origin")
    if origin and origin.split("://", 1)[-1] != request.get_host():
        return reject(403, "foreign origin")
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in {"same-origin", "same-site", "none"}:
        return reject(403, "sent from another site")
    try:
        data = json.loads(request.body or b"{}") if request.content_type == "application/json" else request.POST
        page_id = read_id(data.get("page"))
    except (ValueError, TypeError, AttributeError):  # not JSON, or JSON that is not an object
        page_id = None
    if page_id is None:
        return reject(400, "expected a page number")
    site_id = counted_site(request, page_id)
    if site_id is None:
        return reject(404, "unknown page")

    now = timezone.now()
    user_agent = request.headers.get("User-Agent", "")
    store = counting.store()
    counted = False
    if not (is_bot(user_agent[:1000]) or request.user.is_authenticated or is_prefetch(request)):
        visitor = counting.visitor_hash(client_ip(request), user_agent, timezone.localtime(now).date())
        try:
            counted, store = record(store, site_id, page_id, visitor, now)
        except DatabaseError as error:
            # The database refuses writes (read-only, full): this view goes uncounted; the counters are still read.
            logger.warning("A view of page %s was not counted: the database refused it (%s)", page_id, error)
    shown = counting.counters(site_id, now, store, just_counted=counted)
    response = JsonResponse({"counted": counted, **shown.as_dict()})
    response["Cache-Control"] = "no-store"
    return response
