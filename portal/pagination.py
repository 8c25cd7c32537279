"""Paging for every listing: any ?page= value (text, negative, far too large) gives a normal page, never an error.

A queryset is paged by its ids first: the page's ids come from a narrow query (the offset of a deep page walks ids,
not whole rows joined to their type, issuer or image), then only those rows are read whole, with whatever the
queryset selects, annotates or prefetches. Page 2,500 of 50,000 documents costs what page 1 costs plus the walk over
narrow rows (docs/performance.md). Where the filters are costly, ``rows`` gives the queryset the page's rows are read
from instead (what a row shows, without the filters that chose it)."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from portal.numbers import MAX_ID, read_int

PAGE_PARAMETER = "page"
# News and notices listings page through their newest 50 pages (1,000 items); older ones are reached by narrowing
# (archive year or month, category, keyword, kind or year filter, search), so no listing costs more as the archive
# grows (docs/performance.md). The document library keeps exact counts and every page: citizens filter it by number.
MAX_PAGES = 50


class IdsFirstPaginator(Paginator):
    """``max_pages`` caps deep paging: only the newest ``max_pages`` pages are counted and offered, so neither the
    count nor the offset grows with the content (older items are reached by narrowing: an archive month, a year
    filter, the search). ``truncated`` says whether there were more."""

    def __init__(self, object_list, per_page, rows=None, max_pages=None):
        super().__init__(object_list, per_page)
        self.rows = object_list if rows is None else rows
        self.max_pages = max_pages
        self.truncated = False

    @cached_property
    def count(self):
        if not self.max_pages:
            return super().count
        limit = self.max_pages * self.per_page
        found = self.object_list.order_by()[: limit + 1].count()  # COUNT(*) over at most limit + 1 rows
        self.truncated = found > limit
        return min(found, limit)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.rows.filter(pk__in=ids)} if ids else {}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


def paginate(request, items, per_page: int, rows=None, max_pages=None):
    """The requested page of ``items``: text or no number gives the first page, out of range the nearest one."""
    raw = request.GET.get(PAGE_PARAMETER, "1")
    queryset = isinstance(items, QuerySet)
    paginator = IdsFirstPaginator(items, per_page, rows, max_pages) if queryset else Paginator(items, per_page)
    number = min(max(read_int(raw, minimum=-MAX_ID) or 1, 1), paginator.num_pages)
    return paginator.page(number)
