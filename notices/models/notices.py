"""Notices: recruitment, exam summons, results, tenders, meeting invitations and decisions, and the exam sessions of
recruitment notices."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet, Site
from wagtail.search import index

from notices import ical
from notices.api_fields import ExamSessionListField
from notices.enums import EXAM_KINDS, KIND_BY_SLUG, KIND_SLUGS, ExamFormat, NoticeKind, NoticeStatus
from portal.api_fields import AttachmentListField, LabelField
from portal.blocks import BodyBlock
from portal.models import Attachment, BasePage, RoutableSectionPage, SharedWithComponents, share_panel
from portal.pagination import MAX_PAGES, paginate
from portal.sharing import own_or_shared, site_pages
from search.enums import SearchKind


class NoticeQuerySet(PageQuerySet):
    def for_listing(self, site=None):
        """Notices a citizen may see, newest first, without their bodies: of ``site`` if given, with those the
        province shares with it."""
        notices = self.live().public().defer_streamfields()
        if site is not None:
            notices = site_pages(notices, site)
        return notices.order_by("-issued_on", "-pk")

    def open(self):
        """Notices whose deadline has not passed (in the portal's time zone)."""
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=timezone.localdate()))

    def expired(self):
        return self.filter(valid_until__lt=timezone.localdate())


NoticeManager = PageManager.from_queryset(NoticeQuerySet)


class NoticeIndexPage(RoutableSectionPage):
    """The notices section ("Thông báo"): every notice, newest first, filtered by kind, year and open/expired;
    feeds per kind; the schedule of exam sessions with calendar files."""

    subpage_types = ["notices.NoticePage"]

    class Meta:
        verbose_name = _("notices section")
        verbose_name_plural = _("notices sections")

    def get_notices(self, site=None):
        """The section's notices, and those the province shares with ``site`` (the site the section is asked on)."""
        return own_or_shared(NoticePage.objects.for_listing(), self, site)

    @path("", name="all")
    def all_notices(self, request):
        from notices.forms import NoticeFilterForm

        form = NoticeFilterForm(request.GET)
        notices = form.filter(self.get_notices(Site.find_for_request(request)))
        return self.render(
            request,
            context_overrides={
                "notices": paginate(request, notices, 20, max_pages=MAX_PAGES),
                "filter_form": form,
                "filter_message": form.problem_message(),
                "feed_url": self.subpage_url("feed", request=request),
                "exam_schedule_url": self.subpage_url("exams", request=request),
                "kind_feeds": [
                    (label, self.subpage_url("kind_feed", KIND_SLUGS[kind], request=request))
                    for kind, label in NoticeKind.choices
                ],
            },
        )

    @path("rss/", name="feed")
    def feed(self, request):
        from notices.feeds import NoticeFeed

        return NoticeFeed()(request, index=self, kind=None)

    @path("rss/<slug:kind_slug>/", name="kind_feed")
    def kind_feed(self, request, kind_slug):
        from notices.feeds import NoticeFeed

        if kind_slug not in KIND_BY_SLUG:
            raise Http404
        return NoticeFeed()(request, index=self, kind=KIND_BY_SLUG[kind_slug])

    @path("lich-thi/", name="exams")
    def exam_schedule(self, request):
        """Upcoming exam sessions of live notices, by day, filterable by position and unit."""
        upcoming = self.get_exam_sessions(Site.find_for_request(request)).filter(date__gte=timezone.localdate())
        choices = upcoming.values_list("position", "unit")
        positions = sorted({position for position, _unit in choices if position})
        units = sorted({unit for _position, unit in choices if unit})
        position, unit = request.GET.get("chuc_danh", ""), request.GET.get("don_vi", "")
        message = ""
        if (position and position not in positions) or (unit and unit not in units):
            message = gettext("No upcoming exam matches that job title or unit; showing all upcoming exams.")
            position = unit = ""
        sessions = upcoming
        if position:
            sessions = sessions.filter(position=position)
        if unit:
            sessions = sessions.filter(unit=unit)
        return self.render(
            request,
            template="notices/exam_schedule.html",
            context_overrides={
                "sessions": self.with_calendar_links(sessions, request),
                "positions": positions,
                "units": units,
                "position": position,
                "unit": unit,
                "filter_message": message,
                "breadcrumb_trail": [(gettext("Exam schedule"), self.subpage_url("exams", request=request))],
            },
        )

    @path("lich-thi/<id:session_id>/ical/", name="exam_ics")
    def exam_session_ics(self, request, session_id):
        session = get_object_or_404(self.get_exam_sessions(Site.find_for_request(request)), pk=session_id)
        calendar = ical.new_calendar(session.page.title)
        session.add_to_calendar(calendar, request)
        return ical.calendar_response(calendar, f"lich-thi-{session.pk}.ics")

    @path("lich-thi/thong-bao-<id:notice_id>/ical/", name="notice_exams_ics")
    def notice_exams_ics(self, request, notice_id):
        site = Site.find_for_request(request)
        notice = get_object_or_404(self.get_notices(site), pk=notice_id)
        calendar = ical.new_calendar(notice.title)
        for session in self.get_exam_sessions(site).filter(page=notice):
            session.add_to_calendar(calendar, request)
        return ical.calendar_response(calendar, f"lich-thi-thong-bao-{notice.pk}.ics")

    def with_calendar_links(self, sessions, request) -> list:
        """The sessions, each with the address of its calendar file."""
        sessions = list(sessions)
        for session in sessions:
            session.ics_url = self.subpage_url("exam_ics", session.pk, request=request)
        return sessions

    def get_exam_sessions(self, site=None):
        """Exam sessions of the notices a citizen may see (with those the province shares with ``site``), in time
        order."""
        return (
            ExamSession.objects.filter(page__in=own_or_shared(NoticePage.objects.live().public(), self, site))
            .select_related("page")
            .order_by("date", "start_time", "pk")
        )


class NoticePage(SharedWithComponents, BasePage):
    """A public notice: recruitment, exam summons, tender, meeting invitation or decision."""

    parent_page_types = ["notices.NoticeIndexPage"]
    subpage_types = []

    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices, default=NoticeKind.GENERAL)
    number = models.CharField(_("number"), max_length=60, blank=True, help_text=_("E.g. 15/TB-UBND"))
    issuer = models.CharField(_("issued by"), max_length=255, blank=True, help_text=_("E.g. UBND huyện Gia Lộc"))
    issued_on = models.DateField(_("issue date"), default=timezone.localdate)
    valid_until = models.DateField(
        _("deadline"), null=True, blank=True, help_text=_("After this day the notice leaves the home page.")
    )
    summary = models.TextField(_("summary"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    meeting_start = models.DateTimeField(
        _("meeting time"),
        null=True,
        blank=True,
        help_text=_("For meeting invitations: the meeting appears on the work schedule for its day."),
    )
    meeting_place = models.CharField(_("meeting place"), max_length=255, blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("valid_until")]),
                share_panel,
            ],
            heading=_("Notice details"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attached files")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("meeting_start"), FieldPanel("meeting_place")])],
            heading=_("Meeting (invitations only)"),
            classname="collapsed",
        ),
        InlinePanel("exam_sessions", label=_("Exam sessions"), heading=_("Exam schedule (recruitment notices)")),
        InlinePanel("related_notice_links", label=_("Related notices")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("issued_on"),
        index.FilterField("valid_until"),
    ]
    # The open-data API (/api/v2/pages/, docs/api.md); ``body`` is on the detail only.
    api_fields = [
        APIField("kind"),
        APIField("kind_label", serializer=LabelField(source="get_kind_display")),
        APIField("kind_slug"),
        APIField("number"),
        APIField("issuer"),
        APIField("issued_on"),
        APIField("valid_until"),
        APIField("is_open"),
        APIField("summary"),
        APIField("body"),
        APIField("attachments", serializer=AttachmentListField()),
        APIField("meeting_start"),
        APIField("meeting_place"),
        APIField("exam_sessions", serializer=ExamSessionListField()),
    ]

    objects = NoticeManager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def clean(self):
        super().clean()
        errors = {}
        if self.issued_on and self.valid_until and self.valid_until < self.issued_on:
            errors["valid_until"] = _("The deadline must not be before the issue date.")
        if self.kind == NoticeKind.MEETING and self.meeting_start is None:
            errors["meeting_start"] = _("A meeting invitation needs the meeting time.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.valid_until is None or timezone.localdate() <= self.valid_until

    @property
    def status(self) -> str:
        return NoticeStatus.OPEN if self.is_open else NoticeStatus.EXPIRED

    @property
    def kind_slug(self) -> str:
        return KIND_SLUGS[self.kind]

    def get_summary(self) -> str:
        return self.social_text or self.search_description or self.summary

    def get_search_documents(self) -> list[dict]:
        (document,) = super().get_search_documents()
        files = [attachment.display_title for attachment in self.attachments.select_related("document")]
        document.update(
            kind=SearchKind.NOTICE,
            number=self.number,
            summary=self.summary,
            body=" ".join([document["body"], self.issuer, self.meeting_place, *files]),
            date=self.issued_on,
            expires=self.valid_until,
        )
        return [document, *(session.search_document() for session in self.exam_sessions.all())]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        context.update(
            {
                "attachment_list": list(self.attachments.select_related("document")),
                "related_notices": self.get_related_notices(),
                "exam_sessions": index_page.with_calendar_links(
                    index_page.get_exam_sessions().filter(page=self), request
                )
                if self.kind in EXAM_KINDS
                else [],
                "exams_ics_url": index_page.subpage_url("notice_exams_ics", self.pk, request=request),
                "exam_schedule_url": index_page.subpage_url("exams", request=request),
                "index_page": index_page,
            }
        )
        return context

    def get_related_notices(self):
        """Notices linked from this one, then those that link to it, that a citizen may see."""
        outgoing = [link.notice_id for link in self.related_notice_links.all()]
        incoming = list(RelatedNotice.objects.filter(notice=self).values_list("page_id", flat=True))
        ordered = list(dict.fromkeys([*outgoing, *incoming]))
        if not ordered:
            return []
        visible = {notice.pk: notice for notice in NoticePage.objects.for_listing().filter(pk__in=ordered)}
        return [visible[pk] for pk in ordered if pk in visible]


class NoticeAttachment(Attachment):
    page = ParentalKey(NoticePage, related_name="attachments", on_delete=models.CASCADE)


class RelatedNotice(Orderable):
    """A link between notices, e.g. an exam summons to its recruitment notice; shown on both notices."""

    page = ParentalKey(NoticePage, related_name="related_notice_links", on_delete=models.CASCADE)
    notice = models.ForeignKey(NoticePage, verbose_name=_("notice"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("notice")]


class ExamSession(Orderable):
    """One sitting of a recruitment exam: when, where, for which position and unit, in which format."""

    page = ParentalKey(NoticePage, related_name="exam_sessions", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, help_text=_("Address, e.g. Hội trường UBND huyện Gia Lộc"))
    room = models.CharField(_("room"), max_length=120, blank=True)
    position = models.CharField(_("job title"), max_length=255, help_text=_("E.g. Tư pháp – Hộ tịch"))
    unit = models.CharField(_("unit"), max_length=255, help_text=_("Commune, town or office, e.g. xã Đức Xương"))
    exam_format = models.CharField(
        _("exam format"), max_length=20, choices=ExamFormat.choices, default=ExamFormat.INTERVIEW
    )
    notes = models.TextField(_("notes"), blank=True)
    changed_at = models.DateTimeField(_("rescheduled at"), null=True, blank=True, editable=False)
    previous_schedule = models.CharField(_("previous time and place"), max_length=500, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("room")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("unit")]),
        FieldPanel("exam_format"),
        FieldPanel("notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("exam session")
        verbose_name_plural = _("exam sessions")

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The end time must be after the start time.")})

    def save(self, *args, **kwargs):
        # A published change of time or place is shown to candidates with what it replaced.
        if self.pk is not None:
            before = ExamSession.objects.filter(pk=self.pk).first()
            if before is not None and before.schedule_key() != self.schedule_key():
                self.changed_at = timezone.now()
                self.previous_schedule = before.describe_schedule()
        super().save(*args, **kwargs)

    def schedule_key(self):
        return (self.date, self.start_time, self.end_time, self.place.strip(), self.room.strip())

    def describe_schedule(self) -> str:
        when = f"{self.start_time:%H:%M} {date_format(self.date, 'SHORT_DATE_FORMAT')}"
        where = ", ".join(part for part in [self.room, self.place] if part)
        return f"{when} – {where}"

    def search_document(self) -> dict:
        return {
            "key": f"exam:{self.pk}",
            "kind": SearchKind.EXAM,
            "anchor": "#exam-sessions-heading",
            "title": gettext("Exam: %(position)s – %(unit)s") % {"position": self.position, "unit": self.unit},
            "summary": f"{self.describe_schedule()} · {self.get_exam_format_display()}",
            "body": " ".join([self.notes, self.page.title]),
            "date": self.date,
        }

    @property
    def starts_at(self) -> datetime.datetime:
        return ical.local_datetime(self.date, self.start_time)

    def add_to_calendar(self, calendar, request):
        notice = self.page
        lines = [
            gettext("Job title: %(position)s – %(unit)s") % {"position": self.position, "unit": self.unit},
            gettext("Exam format: %(format)s") % {"format": self.get_exam_format_display()},
            self.notes,
            gettext("Notice: %(title)s") % {"title": notice.title},
        ]
        description = "\n".join(line for line in lines if line)
        ical.add_event(
            calendar,
            uid=f"exam-session-{self.pk}@{request.get_host()}",
            summary=f"{self.get_exam_format_display()}: {self.position} – {self.unit}",
            day=self.date,
            start=self.start_time,
            end=self.end_time,
            location=", ".join(part for part in [self.room, self.place] if part),
            description=description,
            url=notice.get_full_url(request),
            changed=self.changed_at,
        )
