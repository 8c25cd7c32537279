"""Template tags for the shared layout: breadcrumbs, menus, canonical addresses."""

from django import template
from django.utils.http import urlencode

from wagtail.models import Site

from home.pagination import PAGE_PARAMETER

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, *extra):
    """The trail from the home page to ``page``; ``extra`` adds (title, url) pairs after it, e.g. a category."""
    request = context.get("request")
    crumbs = []
    if page is not None:
        site = Site.find_for_request(request) if request else None
        root_depth = site.root_page.depth if site else 2
        ancestors = (
            page.get_ancestors(inclusive=True)
            .filter(depth__gt=root_depth)
            .only("id", "title", "url_path", "depth", "path")
        )
        crumbs = [(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors]
    crumbs.extend(extra_pairs(extra))
    return {"crumbs": crumbs, "request": request}


def extra_pairs(extra):
    items = list(extra)
    return [(items[i], items[i + 1]) for i in range(0, len(items) - 1, 2)]


@register.simple_tag
def menu_items(menu):
    """The links of a menu snippet with dropdown children, in two queries whatever the menu's size."""
    return menu.get_items() if menu else []


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address of this document; listings keep their page number so each page of a listing is its own."""
    request = context["request"]
    base = request.build_absolute_uri(request.path)
    number = request.GET.get(PAGE_PARAMETER, "")
    if number.isdigit() and int(number) > 1:
        return f"{base}?{urlencode({PAGE_PARAMETER: int(number)})}"
    return base


@register.simple_tag(takes_context=True)
def page_url_with(context, **params):
    """The current address with some query parameters replaced, for paging links."""
    query = context["request"].GET.copy()
    for key, value in params.items():
        query[key] = value
    return "?" + query.urlencode()
