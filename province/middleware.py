"""Old addresses of moved sections answer 301 with the new ones (province/sections.py, ``MovedSection``)."""

from django.http import HttpResponsePermanentRedirect

from wagtail.models import Site

from province.models import MovedSection


class MovedSectionMiddleware:
    """A GET or HEAD that would be a 404 on a site a section moved away from answers 301 with the same place below the
    section's page: ``/tin-tuc/chuyen-muc/kinh-te/rss/`` on the old host goes to
    ``http://new-host/luu-tru-huyen-gia-loc/tin-tuc/chuyen-muc/kinh-te/rss/``, the query string kept.

    Placed before Wagtail's ``RedirectMiddleware``, so it sees a 404 after it: a redirect someone made in Settings →
    Redirects (or Wagtail made for a page renamed or moved within its site) wins. Only 404s cost a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = moved_address(request)
        return HttpResponsePermanentRedirect(target) if target else response


def prefixes(path: str) -> list[str]:
    """``/a/b/c`` → ``/``, ``/a/``, ``/a/b/``, ``/a/b/c/``: the addresses of the pages a path may be at or below."""
    segments = [segment for segment in path.split("/") if segment]
    return ["/" + "".join(f"{segment}/" for segment in segments[:end]) for end in range(len(segments) + 1)]


def moved_address(request) -> str | None:
    """The new full address for a request below a moved section's old address, or None."""
    path = request.path_info
    if "\0" in path:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    candidates = prefixes(path)
    moved = (
        MovedSection.objects.filter(site=site, old_path__in=candidates[1:])
        .select_related("page")
        .order_by("-old_path")  # of prefixes of one path, the longest sorts last in ascending order
        .first()
    )
    if moved is None or not moved.page.live:
        return None
    page_url = moved.page.get_full_url(request)
    if page_url is None:
        return None
    rest = path[len(moved.old_path) :] if path.startswith(moved.old_path) else ""
    query = request.META.get("QUERY_STRING", "")
    target = page_url + rest + (f"?{query}" if query else "")
    if target.split("://", 1)[-1].split("?")[0] == request.get_host() + request.path:
        return None  # the section is back at this address: never send a visitor round in a circle
    return target
