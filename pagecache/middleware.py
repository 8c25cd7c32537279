"""Anonymous full-page cache for the pages Wagtail serves.

A page is stored when a visitor without a session asked for it with GET, Wagtail's page view answered 200, and the
answer sets no cookie, is not marked private or uncacheable, and used no CSRF token. It is served from the cache to
any later visitor without a session, before sessions, authentication or the database are touched. Signed-in editors
(anyone with a session cookie) never see or fill it, and get ``Cache-Control: private``; previews live under
/admin/ and are never cached. The beacon (``/luot-truy-cap/``) counts views of cached pages.

Anonymous pages carry ``Cache-Control: public, max-age=BROWSER_CACHE_SECONDS, s-maxage=CDN_CACHE_SECONDS`` so a CDN
in front may keep them too; see ``pagecache.signals`` for purging it.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from pagecache import store

# Django's own views and files that are not pages: never looked up (a quick prefix test).
SKIPPED_PREFIXES = (
    "/admin/",
    "/documents/",
    "/api/",
    "/luot-truy-cap/",
    "/danh-gia-trang/",
    "/media/",
    "/static/",
    "/tim-kiem/",
)
# Headers of the first answer not given again: the cookies it may not set, and our own marker.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache"}


def has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_candidate(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not has_session(request)
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def is_storable(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and match is not None
        and match.url_name == "wagtail_serve"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def public_headers(response):
    patch_cache_control(
        response, public=True, max_age=settings.BROWSER_CACHE_SECONDS, s_maxage=settings.CDN_CACHE_SECONDS
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_candidate(request):
            response = self.get_response(request)
            match = getattr(request, "resolver_match", None)
            if has_session(request) and match is not None and match.url_name == "wagtail_serve":
                patch_cache_control(response, private=True, no_cache=True)
            return response

        key = store.key(request)
        cached = store.page_cache().get(key)
        if cached is not None:
            return self.rebuild(cached)

        response = self.get_response(request)
        if is_storable(request, response):
            public_headers(response)
            headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
            store.page_cache().set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def rebuild(cached) -> HttpResponse:
        content, headers = cached
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
