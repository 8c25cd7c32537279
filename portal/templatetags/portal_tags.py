"""Template tags for the shared layout: breadcrumbs, menus, canonical addresses."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from wagtail.models import Site

from pagecache import fragments
from portal.images import rendition_or_none
from portal.models import Menu
from portal.numbers import read_int
from portal.pagination import PAGE_PARAMETER

register = template.Library()

# Characters that could end a <script> element or start markup inside it, written as JSON escapes instead.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, trail=None):
    """The trail from the home page to ``page``, then ``trail``: (title, url) pairs such as a category or a month."""
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
    crumbs.extend(trail or [])
    return {"crumbs": crumbs, "request": request}


@register.simple_tag(takes_context=True)
def menu_items(context, menu):
    """The links of a menu snippet (or of the menu with that id) with dropdown children: three queries whatever the
    menu's size, and none while the menu is kept as a fragment (until the next change to the portal's content)."""
    if not menu:
        return []
    menu_id = menu.pk if isinstance(menu, Menu) else menu
    request = context.get("request")
    host = request.get_host() if request else ""

    def links():
        menu_object = menu if isinstance(menu, Menu) else Menu.objects.filter(pk=menu_id).first()
        return menu_object.get_links(request) if menu_object else []

    return fragments.cached("menu", links, menu_id, host)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address of this document; listings keep their page number so each page of a listing is its own."""
    request = context["request"]
    base = request.build_absolute_uri(request.path)
    number = read_int(request.GET.get(PAGE_PARAMETER, ""))
    if number and number > 1:
        return f"{base}?{urlencode({PAGE_PARAMETER: number})}"
    return base


@register.simple_tag(takes_context=True)
def page_url_with(context, **params):
    """The current address with some query parameters replaced, for paging links."""
    query = context["request"].GET.copy()
    for key, value in params.items():
        query[key] = value
    return "?" + query.urlencode()


@register.simple_tag
def safe_rendition(image, spec):
    """``image``'s rendition, or None (and a log line) when its file is missing or cannot be read: for the social
    card, which every page carries, a damaged image must not fail the page."""
    return rendition_or_none(image, spec)


@register.filter
def json_ld(data):
    """Structured data as a <script type="application/ld+json"> element, escaped so text cannot close the script."""
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above
