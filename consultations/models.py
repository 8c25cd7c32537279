"""Comments on drafts ("Lấy ý kiến dự thảo"): the drafts a unit puts out for comment, their sections and files, and
the comments citizens and organisations send, published once moderated."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from consultations.enums import (
    COMMENT_MAX_LENGTH,
    STATE_BADGES,
    STATE_BY_SLUG,
    STATE_ORDER,
    STATE_SLUGS,
    CommenterKind,
    CommentStatus,
    DraftState,
)
from pagecache import store
from portal.blocks import BodyBlock
from portal.models import Attachment, BasePage, PersonalData, RoutableSectionPage
from portal.pagination import paginate
from search.enums import SearchKind

# When the drafting office reports on the comments, unless the draft says otherwise.
REPORT_DAYS_AFTER_CLOSING = 30
DRAFTS_PER_PAGE = 20
COMMENTS_PER_PAGE = 30
# What the draft page shows of a published comment: never the name or contacts.
PUBLIC_COMMENT_FIELDS = (
    "draft",
    "created_at",
    "commenter_kind",
    "organisation",
    "text",
    "section__label",
    "section__title",
)


class DraftQuerySet(PageQuerySet):
    def with_state(self, today: datetime.date | None = None):
        """Each draft with ``state_code`` (a ``DraftState``) and ``state_rank`` (the listing's order) as of ``today``
        in Vietnam, computed in the query so that a listing can filter and order by them."""
        today = today or timezone.localdate()
        state = Case(
            When(opens_on__gt=today, then=Value(DraftState.UPCOMING.value)),
            When(closes_on__gte=today, then=Value(DraftState.OPEN.value)),
            When(Q(report__isnull=False) | ~Q(conclusion=""), then=Value(DraftState.CONCLUDED.value)),
            default=Value(DraftState.CLOSED.value),
            output_field=models.CharField(),
        )
        rank = Case(
            *(When(state_code=code.value, then=Value(number)) for number, code in enumerate(STATE_ORDER)),
            output_field=IntegerField(),
        )
        return self.annotate(state_code=state).annotate(state_rank=rank)

    def for_listing(self):
        """Drafts a citizen may see, without their bodies, with their state."""
        return self.live().public().defer_streamfields().with_state()


DraftManager = PageManager.from_queryset(DraftQuerySet)


class DraftIndexPage(RoutableSectionPage):
    """The section "Lấy ý kiến dự thảo": every draft put out for comment, open ones first, filtered by state."""

    subpage_types = ["consultations.DraftPage"]

    class Meta:
        verbose_name = _("drafts for comment section")
        verbose_name_plural = _("drafts for comment sections")

    def get_drafts(self):
        return DraftPage.objects.child_of(self).for_listing()

    @path("", name="all")
    def all_drafts(self, request):
        drafts = self.get_drafts()
        counts = dict(drafts.order_by().values_list("state_code").annotate(number=Count("pk")))
        chosen = request.GET.get("tinh_trang", "")
        message = ""
        state = STATE_BY_SLUG.get(chosen)
        if chosen and state is None:
            message = gettext("There is no such state; showing every draft.")
        if state is not None:
            drafts = drafts.filter(state_code=state.value)
        drafts = drafts.order_by("state_rank", "-opens_on", "-pk")
        return self.render(
            request,
            context_overrides={
                "drafts": paginate(request, drafts, DRAFTS_PER_PAGE),
                "state": state,
                "filter_message": message,
                "states": [
                    {
                        "label": code.label,
                        "slug": STATE_SLUGS[code],
                        "count": counts.get(code.value, 0),
                        "current": code == state,
                    }
                    for code in STATE_ORDER
                ],
                "total": sum(counts.values()),
            },
        )


class DraftPage(RoutablePageMixin, BasePage):
    """A draft (a resolution, decision, plan …) put out for comment: open from ``opens_on`` to ``closes_on``, then
    analysed, then concluded with the drafting office's report on the comments received."""

    parent_page_types = ["consultations.DraftIndexPage"]
    subpage_types = []

    drafting_office = models.CharField(
        _("drafting office"), max_length=255, help_text=_("The office that drafted it, e.g. Phòng Tài chính – Kế hoạch")
    )
    summary = models.TextField(
        _("summary"), blank=True, max_length=600, help_text=_("What the draft is about and why comments are sought.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    opens_on = models.DateField(_("comments open on"), default=timezone.localdate)
    closes_on = models.DateField(_("comments close on"), help_text=_("The last day comments are accepted."))
    report_due_on = models.DateField(
        _("report due on"),
        null=True,
        blank=True,
        help_text=_("When the report on the comments is due. Leave empty for 30 days after closing."),
    )
    report = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("report on the comments"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The drafting office's report on the comments received; the draft is then concluded."),
    )
    conclusion = models.TextField(
        _("conclusion"),
        blank=True,
        help_text=_("What was done with the comments, shown on the page; the draft is then concluded."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("drafting_office"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on"), FieldPanel("report_due_on")]),
            ],
            heading=_("Consultation"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", label=_("Files of the draft")),
        InlinePanel("sections", label=_("Sections citizens comment on"), heading=_("Sections of the draft")),
        MultiFieldPanel([FieldPanel("report"), FieldPanel("conclusion")], heading=_("Outcome")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("drafting_office"),
        index.SearchField("body"),
        index.FilterField("opens_on"),
        index.FilterField("closes_on"),
    ]

    objects = DraftManager()

    class Meta:
        verbose_name = _("draft for comment")
        verbose_name_plural = _("drafts for comment")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("Comments must close on or after the day they open.")
        if self.closes_on and self.report_due_on and self.report_due_on < self.closes_on:
            errors["report_due_on"] = _("The report cannot be due before comments close.")
        if errors:
            raise ValidationError(errors)

    def get_state(self, today: datetime.date | None = None) -> DraftState:
        today = today or timezone.localdate()
        if today < self.opens_on:
            return DraftState.UPCOMING
        if today <= self.closes_on:
            return DraftState.OPEN
        if self.report_id or self.conclusion.strip():
            return DraftState.CONCLUDED
        return DraftState.CLOSED

    @property
    def state(self) -> DraftState:
        code = getattr(self, "state_code", None)  # set by DraftQuerySet.with_state on listings
        return DraftState(code) if code else self.get_state()

    @property
    def state_badge(self) -> str:
        return STATE_BADGES[self.state]

    @property
    def is_open(self) -> bool:
        return self.get_state() == DraftState.OPEN

    @property
    def report_due(self) -> datetime.date:
        return self.report_due_on or self.closes_on + datetime.timedelta(days=REPORT_DAYS_AFTER_CLOSING)

    def get_summary(self) -> str:
        return self.social_text or self.search_description or self.summary

    def get_search_documents(self) -> list[dict]:
        (document,) = super().get_search_documents()
        files = [attachment.display_title for attachment in self.files.select_related("document")]
        sections = [f"{section.label} {section.title}" for section in self.sections.all()]
        document.update(
            kind=SearchKind.CONSULTATION,
            summary=self.summary,
            body=" ".join([document["body"], self.drafting_office, self.conclusion, *files, *sections]),
            date=self.opens_on,
            expires=self.closes_on,
        )
        return [document]

    def get_approved_comments(self):
        return (
            self.comments.filter(status=CommentStatus.APPROVED)
            .select_related("section")
            .only(
                "pk",
                "draft",
                "created_at",
                "commenter_kind",
                "organisation",
                "text",
                "section__label",
                "section__title",
            )
            .order_by("created_at", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "index_page": self.get_parent(),
                "file_list": list(self.files.select_related("document")),
                "section_list": list(self.sections.all()),
                "comments": paginate(request, self.get_approved_comments(), COMMENTS_PER_PAGE),
                "comment_url": self.comment_url(request),
            }
        )
        return context

    def comment_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("comment").lstrip("/")

    @path("gop-y/", name="comment")
    def comment(self, request):
        """The comment form; not on the draft page itself, which the page cache keeps for minutes."""
        from consultations.views import comment_form

        return comment_form(self, request)

    @path("gop-y/da-gui/", name="thanks")
    def thanks(self, request):
        from consultations.views import thanks

        return thanks(self, request)


class DraftFile(Attachment):
    """A file of the draft: the draft itself, its explanatory report, an assessment …"""

    page = ParentalKey(DraftPage, related_name="files", on_delete=models.CASCADE)


class DraftSection(Orderable):
    """A part of the draft (an article, a chapter) that commenters can pick; a comment on none is a general one."""

    page = ParentalKey(DraftPage, related_name="sections", on_delete=models.CASCADE)
    label = models.CharField(_("label"), max_length=60, help_text=_("E.g. Điều 3"))
    title = models.CharField(_("title"), max_length=255, blank=True, help_text=_("E.g. Mức thu phí"))

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return f"{self.label}. {self.title}" if self.title else self.label


class DraftComment(PersonalData):
    """A comment sent on a draft. Stored as typed (shown escaped), published only once moderated; the commenter's
    name and contacts are for the drafting office, never shown, and erased after the site's retention period."""

    draft = models.ForeignKey(
        DraftPage, verbose_name=_("draft document"), on_delete=models.CASCADE, related_name="comments"
    )
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("portal"), on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(
        DraftSection,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        help_text=_("Empty for a comment on the whole draft."),
    )
    commenter_kind = models.CharField(
        _("comment from"), max_length=20, choices=CommenterKind.choices, default=CommenterKind.PERSON
    )
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    text = models.TextField(_("comment text"), max_length=COMMENT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    moderation_note = models.TextField(
        _("moderation note"), blank=True, help_text=_("For the office only, e.g. why the comment is not published.")
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)
    submission_key = models.CharField(_("submission key"), max_length=64, unique=True, editable=False)
    proven = models.BooleanField(_("sent with the browser check"), default=False, editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["draft", "status"], name="draft_comment_draft_status")]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._stored_status = None

    @classmethod
    def from_db(cls, db, field_names, values):
        comment = super().from_db(db, field_names, values)
        comment._stored_status = comment.__dict__.get("status")  # what moderation changes; unknown when deferred
        return comment

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else text[:79] + "…"

    @property
    def public_author(self) -> str:
        """Who the page says the comment is from: the organisation's name, never a person's."""
        if self.commenter_kind == CommenterKind.ORGANISATION and self.organisation:
            return self.organisation
        return gettext("Citizen")

    def save(self, *args, **kwargs):
        changed = self._stored_status is not None and self._stored_status != self.status
        if changed:
            self.moderated_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "moderated_at"}
        super().save(*args, **kwargs)
        if changed and CommentStatus.APPROVED in {self._stored_status, self.status}:
            # What the draft page shows changed; a new comment waiting for moderation changes nothing public.
            reason = f"comment {self.pk} {self.status}"
            transaction.on_commit(lambda: store.invalidate(reason))
        self._stored_status = self.status

    def delete(self, *args, **kwargs):
        shown = self.status == CommentStatus.APPROVED
        result = super().delete(*args, **kwargs)
        if shown:
            transaction.on_commit(lambda: store.invalidate("published comment deleted"))
        return result

    def moderate(self, status: str, note: str | None = None):
        self.status = status
        fields = ["status"]
        if note is not None:
            self.moderation_note = note
            fields.append("moderation_note")
        self.save(update_fields=fields)
