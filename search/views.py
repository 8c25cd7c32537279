"""The public search page (/tim-kiem/)."""

import unicodedata

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from home.pagination import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    raw = "".join(char for char in request.GET.get("q", "") if unicodedata.category(char) != "Cc" or char.isspace())
    query = " ".join(raw.split())
    message = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        message = _("The search words are too long; the first %(count)d characters were used.") % {
            "count": MAX_QUERY_LENGTH
        }
        query = query[:MAX_QUERY_LENGTH]
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().specific()
        if site is not None:
            pages = pages.in_site(site)
        results = paginate(request, pages.search(query), 20)
    context = {
        "search_query": query,
        "results": results,
        "message": message,
        "search_crumbs": [(_("Search"), request.path)],
    }
    return TemplateResponse(request, "search/search.html", context)
