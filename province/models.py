"""What a former unit leaves behind: the archive section that holds its portal's content on another site, and the
old addresses of every section that moved, which keep answering with a permanent redirect (province/sections.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, Site
from wagtail.search import index

from home.models import HomePage
from portal.models import BasePage


class ArchiveSectionPage(BasePage):
    """ "Lưu trữ huyện Gia Lộc": the sections of a former unit's portal (news, notices, documents, photos, information
    pages …) kept as they were below one page of another portal. Its page says whose content it is and since when,
    and lists the sections.

    It holds what a home page holds, so a whole site's content fits below it, and only ``manage.py move_section
    --archive`` and Settings → "Move a section" make one."""

    parent_page_types = ["home.HomePage", "home.StandardPage", "province.ArchiveSectionPage"]
    subpage_types = list(HomePage.subpage_types)
    is_creatable = False

    former_portal = models.CharField(
        _("former portal"),
        max_length=255,
        help_text=_("Whose content this is, e.g. Cổng thông tin điện tử huyện Gia Lộc."),
    )
    former_host = models.CharField(
        _("former host name"),
        max_length=255,
        blank=True,
        help_text=_("Where it was published, e.g. gialoc.haiduong.gov.vn."),
    )
    archived_since = models.DateField(_("kept here since"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("former_portal"), FieldPanel("former_host"), FieldPanel("archived_since")],
            heading=_("Former portal"),
        ),
        FieldPanel("intro"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("former_portal")]

    class Meta:
        verbose_name = _("archive section")
        verbose_name_plural = _("archive sections")

    def get_summary(self) -> str:
        return super().get_summary() or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific().defer_streamfields()
        return context


class MovedSection(models.Model):
    """A section that left ``old_path`` on ``site``: whatever would now be a 404 at that address or below it answers
    301 with the same place below ``page``, wherever the page is (province/middleware.py). One row covers the page,
    everything below it and every route of its pages (listings, feeds, archives, query strings)."""

    site = models.ForeignKey(Site, verbose_name=_("portal"), on_delete=models.CASCADE, related_name="+")
    old_path = models.TextField(_("old address"), help_text=_("Below the site's home, with both slashes: /tin-tuc/."))
    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    moved_at = models.DateTimeField(_("moved at"), default=timezone.now)

    class Meta:
        verbose_name = _("moved section")
        verbose_name_plural = _("moved sections")
        ordering = ["-moved_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["site", "old_path"], name="province_moved_section_unique_path")]

    def __str__(self):
        return f"{self.site.hostname}{self.old_path}"

    @property
    def old_url(self) -> str:
        return self.site.root_url + self.old_path
