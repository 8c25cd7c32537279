"""Which pages a site shows: its own, and what the province shares with it (portal.models.sharing).

Listings ask here instead of ``in_site``/``descendant_of`` alone, so a component portal's notices, document shelves
and boxes hold the province's shared pages too. The province's portal (or a portal alone on its installation) shows
just its own, and asking costs it no query.
"""

from django.db.models import Q

from portal.models import HiddenSharedPage
from portal.sites import province


def shared_with(site) -> Q | None:
    """The condition on pages that the province shares with ``site`` and ``site`` has not hidden; None for the
    province's own portal (it shares, it does not receive) or no site."""
    if site is None or site.is_default_site:
        return None
    sharing = province()
    if sharing is None:
        return None
    hidden = HiddenSharedPage.objects.filter(site_id=site.pk).values("page_id")
    return Q(share_with_components=True, path__startswith=sharing.root_path) & ~Q(pk__in=hidden)


def hidden_pages(site) -> tuple[int, ...]:
    """The ids of the shared pages ``site`` does not show."""
    return tuple(HiddenSharedPage.objects.filter(site_id=site.pk).values_list("page_id", flat=True))


def own_or_shared_q(queryset, below, site, shared=True) -> Q:
    """The condition on ``queryset``'s pages: under ``below`` (a section of ``site`` or its home page), or (if
    ``shared``) shared by the province with ``site``."""
    own = queryset.descendant_of_q(below, inclusive=True)
    condition = shared_with(site) if shared else None
    return own | condition if condition is not None else own


def own_or_shared(queryset, below, site):
    """``queryset`` narrowed to the pages under ``below`` and those the province shares with ``site``."""
    return queryset.filter(own_or_shared_q(queryset, below, site))


def in_sections_q(site) -> Q:
    """The condition on pages that ``site`` publishes now: the items of its own sections (news, notices, albums …),
    which sit two levels below its home page. A former unit's content kept in an archive section below it (province
    app) is deeper, and stays in the archive's own listings rather than the site's boxes."""
    home = site.root_page
    return Q(path__startswith=home.path, depth=home.depth + 2)


def site_pages(queryset, site):
    """``queryset`` narrowed to what ``site`` shows in its boxes and listings: the items of its own sections and
    those the province shares with it."""
    shared = shared_with(site)
    own = in_sections_q(site)
    return queryset.filter(own | shared if shared is not None else own)
