"""What is read: the most-read pages of a period and a page's read count, from the per-page daily counts."""

import datetime

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from wagtail.models import Page

from pagecache import store
from visitors.models import PageDailyCount

MOST_READ_CACHE_SECONDS = 600


def most_read(site, days: int, count: int, model=None) -> list:
    """The ``count`` pages of ``site`` (of ``model`` if given) read most in the last ``days`` days, with their views."""
    label = model._meta.label_lower if model else "page"
    # The page cache's generation moves on with every change to what citizens may see (a page unpublished, moved,
    # made private), so a list kept from before such a change is never shown after it.
    day = timezone.localdate().isoformat()
    key = f"visitors:most-read:{site.pk}:{label}:{days}:{count}:{day}:{store.generation()}"
    found = cache.get(key)
    if found is None:
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        pages = (model or Page).objects.live().public().in_site(site)
        rows = (
            PageDailyCount.objects.filter(day__gte=since, page__in=pages.values("pk"))
            .values("page")
            .annotate(views=Sum("views"))
            .order_by("-views", "page")[:count]
        )
        found = [(row["page"], row["views"]) for row in rows]
        cache.set(key, found, MOST_READ_CACHE_SECONDS)
    titles = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[pk for pk, _views in found]).only(
            "id", "title", "url_path", "path", "depth"
        )
    }
    return [(titles[pk], views) for pk, views in found if pk in titles]


def read_count(page) -> int:
    return PageDailyCount.objects.filter(page=page).aggregate(total=Sum("views"))["total"] or 0
