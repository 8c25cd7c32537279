"""The leaders' weekly work schedule ("Lịch làm việc"): one page per week with its rows, shown a week at a time
together with the meeting invitations of that week, and as an iCal feed."""

import datetime
from collections import defaultdict

from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable

from notices import ical
from notices.enums import NoticeKind, Weekday
from notices.forms import WorkWeekForm
from notices.models.notices import NoticePage
from notices.weeks import Week
from portal.models import BasePage, RoutableSectionPage
from search.enums import SearchKind

FEED_DAYS_BEFORE, FEED_DAYS_AFTER = 30, 120


class WorkSchedulePage(RoutableSectionPage):
    """The work schedule of the unit's leaders, a week at a time (?tuan=2023-W06), with an iCal feed."""

    subpage_types = ["notices.WorkWeekPage"]

    class Meta:
        verbose_name = _("work schedule")
        verbose_name_plural = _("work schedules")

    @path("", name="week")
    def week_view(self, request):
        week, message = Week.parse(request.GET.get("tuan"))
        today = timezone.localdate()
        items = self.get_items(week.start, week.end)
        days = [{"date": day, "is_today": day == today, "items": items.get(day, [])} for day in week.days]
        base = self.get_url(request)
        return self.render(
            request,
            context_overrides={
                "week": week,
                "days": days,
                "week_message": message,
                "is_this_week": week == Week.current(),
                "previous_url": f"{base}?tuan={week.previous.iso}",
                "next_url": f"{base}?tuan={week.next.iso}",
                "this_week_url": base,
                "ics_url": self.subpage_url("ics", request=request),
            },
        )

    @path("ical/", name="ics")
    def ics_feed(self, request):
        today = timezone.localdate()
        start, end = today - datetime.timedelta(days=FEED_DAYS_BEFORE), today + datetime.timedelta(days=FEED_DAYS_AFTER)
        calendar = ical.new_calendar(self.title)
        host = request.get_host()
        for day, items in sorted(self.get_items(start, end).items()):
            for item in items:
                ical.add_event(
                    calendar,
                    uid=f"{item['uid']}@{host}",
                    summary=item["content"],
                    day=day,
                    start=item["time"],
                    location=item["place"],
                    description=describe_item(item),
                    url=request.build_absolute_uri(item["url"]) if item["url"] else "",
                )
        return ical.calendar_response(calendar, "lich-lam-viec.ics")

    def get_items(self, first: datetime.date, last: datetime.date) -> dict:
        """Schedule rows and meeting invitations between two days, by day, in time order (all-day rows first)."""
        by_day = defaultdict(list)
        weeks = WorkWeekPage.objects.live().public().child_of(self)
        entries = ScheduleEntry.objects.filter(
            page__in=weeks,
            page__week_start__gte=first - datetime.timedelta(days=6),
            page__week_start__lte=last,
        ).select_related("page")
        for entry in entries:
            day = entry.date
            if first <= day <= last:
                by_day[day].append(entry.as_item())
        zone = timezone.get_current_timezone()
        meetings = (
            NoticePage.objects.live()
            .public()
            .in_site(self.get_site())
            .filter(
                kind=NoticeKind.MEETING,
                meeting_start__gte=datetime.datetime.combine(first, datetime.time.min, tzinfo=zone),
                meeting_start__lt=datetime.datetime.combine(
                    last + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
                ),
            )
            .defer_streamfields()
        )
        for meeting in meetings:
            start = timezone.localtime(meeting.meeting_start)
            by_day[start.date()].append(
                {
                    "uid": f"meeting-{meeting.pk}",
                    "time": start.time(),
                    "content": meeting.title,
                    "chair": "",
                    "participants": "",
                    "place": meeting.meeting_place,
                    "preparing_unit": meeting.issuer,
                    "url": meeting.url,
                    "is_meeting": True,
                }
            )
        for items in by_day.values():
            items.sort(key=lambda item: (item["time"] is not None, item["time"] or datetime.time.min))
        return by_day


def describe_item(item: dict) -> str:
    """Who chairs, who attends and who prepares a schedule row, one per line, for calendar apps."""
    lines = [
        item["chair"] and gettext("Chaired by: %(name)s") % {"name": item["chair"]},
        item["participants"] and gettext("Participants: %(names)s") % {"names": item["participants"]},
        item["preparing_unit"] and gettext("Prepared by: %(unit)s") % {"unit": item["preparing_unit"]},
    ]
    return "\n".join(line for line in lines if line)


class WorkWeekPage(BasePage):
    """One week of the work schedule: editors add its rows in one form. Its title and address come from the week."""

    parent_page_types = ["notices.WorkSchedulePage"]
    subpage_types = []
    base_form_class = WorkWeekForm

    week_start = models.DateField(_("week"), help_text=_("Any day of the week; the week starts on Monday."))

    content_panels = [
        FieldPanel("week_start"),
        InlinePanel("entries", label=_("schedule row"), heading=_("Rows"), min_num=1),
    ]
    promote_panels = []

    class Meta:
        verbose_name = _("work schedule week")
        verbose_name_plural = _("work schedule weeks")

    @property
    def week(self) -> Week:
        return Week.containing(self.week_start)

    def full_clean(self, *args, **kwargs):
        self.set_title_from_week()
        super().full_clean(*args, **kwargs)

    def set_title_from_week(self):
        """Move the date to the week's Monday and name the page after the week: editors only pick a day."""
        if not self.week_start:
            return
        week = Week.containing(self.week_start)
        self.week_start = week.start
        self.title = self.draft_title = gettext("Work schedule, week %(number)d (%(start)s – %(end)s)") % {
            "number": week.number,
            "start": date_format(week.start, "d/m"),
            "end": date_format(week.end, "SHORT_DATE_FORMAT"),
        }
        self.slug = week.iso.lower()

    def get_search_documents(self) -> list[dict]:
        rows = [
            " ".join([entry.get_weekday_display(), entry.content, entry.chair, entry.participants, entry.place])
            for entry in self.entries.all()
        ]
        return [
            {
                "key": f"page:{self.pk}",
                "kind": SearchKind.SCHEDULE,
                "title": self.title,
                "summary": "",
                "body": " ".join(rows),
                "date": self.week_start,
            }
        ]

    def serve(self, request, *args, **kwargs):
        # A week is read on the schedule page, where the visitor can move between weeks.
        return redirect(f"{self.get_parent().get_url(request)}?tuan={self.week.iso}")


class ScheduleEntry(Orderable):
    """One row of the week: day, time, what, who chairs, who attends, where, which unit prepares."""

    page = ParentalKey(WorkWeekPage, related_name="entries", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices, default=Weekday.MONDAY)
    start_time = models.TimeField(_("time"), null=True, blank=True, help_text=_("Leave empty for the whole day."))
    content = models.TextField(_("content"), max_length=1000)
    chair = models.CharField(_("chaired by"), max_length=255, blank=True)
    participants = models.TextField(_("participants"), blank=True, max_length=1000)
    place = models.CharField(_("place"), max_length=255, blank=True)
    preparing_unit = models.CharField(_("prepared by"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("start_time")]),
        FieldPanel("content"),
        FieldRowPanel([FieldPanel("chair"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("participants"), FieldPanel("preparing_unit")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("schedule row")
        verbose_name_plural = _("schedule rows")

    @property
    def date(self) -> datetime.date:
        return self.page.week_start + datetime.timedelta(days=self.weekday)

    def as_item(self) -> dict:
        return {
            "uid": f"schedule-entry-{self.pk}",
            "time": self.start_time,
            "content": self.content,
            "chair": self.chair,
            "participants": self.participants,
            "place": self.place,
            "preparing_unit": self.preparing_unit,
            "url": "",
            "is_meeting": False,
        }
