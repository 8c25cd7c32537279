"""The units of one installation: the province portal (the default site) and its component portals, each a Wagtail
``Site``, read in one query and told apart by the path of their home page.

Searches across the province, shared content and the open-data API need to know which unit a page belongs to and
which site is the province's; ``units()`` answers both without a query per site.
"""

import logging
from dataclasses import dataclass

from django.core.signals import request_started
from django.db.models import F

from wagtail.models import Site

from pagecache import fragments, store

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Unit:
    """One site as citizens know it: "Xã Gia Lộc" at gialoc.haiphong.gov.vn, its home page at ``root_path``."""

    site_id: int
    hostname: str
    root_path: str
    slug: str  # the home page's slug, unique among the sites: what addresses use to name the unit (?don_vi=)
    name: str
    is_province: bool

    def holds(self, path: str) -> bool:
        """Whether the page at tree path ``path`` is on this unit's site."""
        return path.startswith(self.root_path)


def read_units() -> list[Unit]:
    rows = Site.objects.order_by("-is_default_site", "root_page__path").values(
        "pk",
        "hostname",
        "site_name",
        "is_default_site",
        path=F("root_page__path"),
        slug=F("root_page__slug"),
        unit_name=F("portalsettings__unit_name"),
    )
    return [
        Unit(
            site_id=row["pk"],
            hostname=row["hostname"],
            root_path=row["path"],
            slug=row["slug"],
            name=row["unit_name"] or row["site_name"] or row["hostname"],
            is_province=row["is_default_site"],
        )
        for row in rows
    ]


# Read at most once per request (and kept with the page cache's fragments between requests): listings, boxes and
# the search all ask, and a change to any site or its settings empties the fragments.
_read: dict = {}


def units() -> list[Unit]:
    """Every site of the installation, the province's first."""
    generation = store.generation()
    if _read.get("generation") != generation:
        _read.update(generation=generation, units=fragments.cached("units", read_units))
    return _read["units"]


_seen: dict = {}


def start_request(**kwargs):
    """Read the units again in this request; and when anything changed since this process last looked (the page
    cache's generation moved on), forget Wagtail's site root paths too. Without Redis each worker keeps those in a
    cache of its own, which a site made or changed in another worker would leave stale: addresses of a new component
    portal's pages would not be found until the cache expired."""
    _read.clear()
    try:
        generation = store.generation()
    except Exception:  # a page cache that cannot be read must not fail a request; the addresses are kept as they are
        logger.warning("The page cache's generation could not be read.", exc_info=True)
        return
    if _seen.get("generation") not in (None, generation):
        Site.clear_site_root_paths_cache()
    _seen["generation"] = generation


request_started.connect(start_request, dispatch_uid="portal-sites-start-request")


def province() -> Unit | None:
    """The province portal: the default site, which also answers hosts no other site has."""
    found = units()
    return found[0] if found and found[0].is_province else None


def unit_of(path: str, among: list[Unit] | None = None) -> Unit | None:
    """The unit whose site holds the page at tree path ``path`` (the deepest home page above it)."""
    holding = [unit for unit in (among if among is not None else units()) if unit.holds(path)]
    return max(holding, key=lambda unit: len(unit.root_path), default=None)


def is_province(site) -> bool:
    return site is not None and site.is_default_site


def several_sites() -> bool:
    """Whether the installation has more than one site, from Wagtail's cached site root paths (no query once warm):
    a portal alone on its installation never needs ``units()``."""
    return len(Site.get_site_root_paths()) > 1
