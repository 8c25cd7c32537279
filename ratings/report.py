"""What the report "Page usefulness" shows for one portal and period: the least useful pages, the latest comments
and the answers week by week. A fixed number of queries, whatever the number of pages, votes or comments."""

import datetime
from dataclasses import dataclass

from django.db.models import F, FloatField, Sum
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import Page

from ratings.models import PageRating, RatingComment

PERIODS = (30, 90, 365)
MIN_VOTES = 5  # a page answered fewer times in the period says too little to be ranked
LEAST_USEFUL_SHOWN = 20
COMMENTS_SHOWN = 50


@dataclass(frozen=True)
class PageScore:
    page: Page
    useful: int
    not_useful: int

    @property
    def votes(self) -> int:
        return self.useful + self.not_useful

    @property
    def not_useful_share(self) -> float:
        return self.not_useful / self.votes if self.votes else 0.0


@dataclass(frozen=True)
class Week:
    start: datetime.date
    useful: int
    not_useful: int

    @property
    def votes(self) -> int:
        return self.useful + self.not_useful

    @property
    def useful_share(self) -> float:
        return self.useful / self.votes if self.votes else 0.0


def first_day(days: int, today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()) - datetime.timedelta(days=days - 1)


def least_useful(site, since: datetime.date, limit: int | None = LEAST_USEFUL_SHOWN) -> list[PageScore]:
    """Pages answered at least MIN_VOTES times since ``since``, the largest share of "not useful" first."""
    rows = (
        PageRating.objects.filter(site=site, day__gte=since)
        .values("page_id")
        .annotate(yes=Sum("useful"), no=Sum("not_useful"))
        .annotate(votes=F("yes") + F("no"))
        .filter(votes__gte=MIN_VOTES)
        .annotate(share=Cast("no", FloatField()) / Cast("votes", FloatField()))
        .order_by("-share", "-no", "page_id")
        .values_list("page_id", "yes", "no")
    )
    rows = list(rows if limit is None else rows[:limit])
    pages = Page.objects.filter(pk__in=[page_id for page_id, _yes, _no in rows]).only(
        "id", "title", "url_path", "depth", "path", "live", "content_type_id"
    )
    by_id = pages.in_bulk()
    return [PageScore(by_id[page_id], yes, no) for page_id, yes, no in rows if page_id in by_id]


def totals(site, since: datetime.date) -> tuple[int, int]:
    sums = PageRating.objects.filter(site=site, day__gte=since).aggregate(yes=Sum("useful"), no=Sum("not_useful"))
    return sums["yes"] or 0, sums["no"] or 0


def weeks(site, since: datetime.date, today: datetime.date | None = None) -> list[Week]:
    """Every week (Monday first) from the one holding ``since`` to this one, the empty ones too."""
    today = today or timezone.localdate()
    days = PageRating.objects.filter(site=site, day__gte=since).values("day").annotate(yes=Sum("useful"))
    counts = {}
    for day, yes, no in days.annotate(no=Sum("not_useful")).values_list("day", "yes", "no").order_by("day"):
        start = day - datetime.timedelta(days=day.weekday())
        before = counts.get(start, (0, 0))
        counts[start] = (before[0] + yes, before[1] + no)
    start = since - datetime.timedelta(days=since.weekday())
    result = []
    while start <= today:
        result.append(Week(start, *counts.get(start, (0, 0))))
        start += datetime.timedelta(days=7)
    return result


def latest_comments(site, since: datetime.date, limit: int = COMMENTS_SHOWN):
    starts = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    comments = RatingComment.objects.filter(site=site, created_at__gte=starts).select_related("page")
    return list(comments.order_by("-created_at", "-pk")[:limit])
