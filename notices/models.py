"""Notices: recruitment, exam summons, results, tenders, meeting invitations and decisions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage, SectionPage
from home.pagination import paginate
from notices.enums import NoticeKind


class NoticeQuerySet(PageQuerySet):
    def for_listing(self, site=None):
        """Notices a citizen may see, newest first, without their bodies."""
        notices = self.live().public().defer_streamfields()
        if site is not None:
            notices = notices.in_site(site)
        return notices.order_by("-issued_on", "-pk")

    def open(self):
        """Notices whose deadline has not passed (in the portal's time zone)."""
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=timezone.localdate()))


NoticeManager = PageManager.from_queryset(NoticeQuerySet)


class NoticeIndexPage(SectionPage):
    """The notices section ("Thông báo"): lists every notice, newest first, open or expired."""

    subpage_types = ["notices.NoticePage"]

    class Meta:
        verbose_name = _("notices section")
        verbose_name_plural = _("notices sections")

    def get_notices(self):
        return NoticePage.objects.for_listing().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["notices"] = paginate(request, self.get_notices(), 20)
        return context


class NoticePage(BasePage):
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

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("valid_until")]),
            ],
            heading=_("Notice details"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attached files")),
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

    objects = NoticeManager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def clean(self):
        super().clean()
        if self.issued_on and self.valid_until and self.valid_until < self.issued_on:
            raise ValidationError({"valid_until": _("The deadline must not be before the issue date.")})

    @property
    def is_open(self) -> bool:
        return self.valid_until is None or timezone.localdate() <= self.valid_until

    def get_summary(self) -> str:
        return self.social_text or self.search_description or self.summary


class NoticeAttachment(Orderable):
    page = ParentalKey(NoticePage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("link text"), max_length=255, blank=True, help_text=_("Leave empty to use the file's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
