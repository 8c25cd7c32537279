"""Paging for every listing: any ?page= value (text, negative, far too large) gives a normal page, never an error."""

from django.core.paginator import Paginator

PAGE_PARAMETER = "page"


def paginate(request, items, per_page: int):
    """The requested page of ``items``: text or no number gives the first page, out of range the nearest one."""
    raw = request.GET.get(PAGE_PARAMETER, "1")
    paginator = Paginator(items, per_page)
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)
