"""The top of each site: the home page, the information pages under it, and the side column beside every page.

The home page's main column and the side column are the same stream of boxes (`home.blocks.BoxesBlock`), composed
here from the boxes each section owns."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index

from home.blocks import BoxesBlock
from portal.blocks import BodyBlock
from portal.models import BasePage


class HomePage(BasePage):
    """The portal's front page: an editor arranges its boxes (news, notices, links, videos)."""

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "notices.NoticeIndexPage",
        "notices.WorkSchedulePage",
        "documents.DocumentLibraryPage",
        "gallery.AlbumIndexPage",
        "gallery.VideoIndexPage",
        "gallery.AudioIndexPage",
        "questions.QuestionIndexPage",
        "consultations.DraftIndexPage",
        "province.ArchiveSectionPage",
    ]

    body = StreamField(
        BoxesBlock(),
        verbose_name=_("main column"),
        blank=True,
        help_text=_("The boxes of the home page's main column, top to bottom."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_search_documents(self) -> list[dict]:
        return []  # its boxes repeat what the search finds on the pages themselves


class StandardPage(BasePage):
    """An information page such as "Giới thiệu" (functions, organisation, leaders) or "Liên hệ"."""

    parent_page_types = ["home.HomePage", "home.StandardPage", "province.ArchiveSectionPage"]
    subpage_types = ["home.StandardPage", "province.ArchiveSectionPage"]

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_summary(self) -> str:
        return super().get_summary() or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section_pages"] = self.get_section_pages(request)
        return context

    def get_section_pages(self, request):
        """The section this page belongs to (the top-level page under the home page) and its live children."""
        site = Site.find_for_request(request)
        section_depth = (site.root_page.depth if site else 2) + 1
        if self.depth < section_depth:
            return None, []
        section = self if self.depth == section_depth else self.get_ancestors().filter(depth=section_depth).first()
        if section is None:
            return None, []
        return section, list(section.get_children().live().public().only("id", "title", "url_path", "path", "depth"))


@register_setting(icon="list-ul")
class SideColumn(BaseSiteSetting):
    """The boxes beside the content of every page of a site (the reference portal shows the same column everywhere;
    each site of an installation has its own)."""

    boxes = StreamField(
        BoxesBlock(),
        verbose_name=_("side column"),
        blank=True,
        help_text=_("Boxes shown beside the content on every page, top to bottom."),
    )

    panels = [FieldPanel("boxes")]

    class Meta:
        verbose_name = _("side column")
        verbose_name_plural = _("side column")

    def __str__(self):
        return str(_("side column"))
