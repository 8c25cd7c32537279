"""The abstract pages every page type is built on: the shared base page and the sections under the home page."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal.text import value_text

PRINT_PARAMETER = "print"
PRINT_TEMPLATE = "base_print.html"


class BasePage(Page):
    """Fields and behaviour shared by every public page: the social card, the meta description and the print view
    (``?print=1`` renders the page in the print layout, for printing without scripts)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on Facebook or Zalo. Defaults to the page's main image."),
    )
    social_text = models.TextField(
        _("social text"),
        blank=True,
        max_length=300,
        help_text=_("Shown under the title when the page is shared. Defaults to the page's summary."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Social sharing")),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if request.GET.get(PRINT_PARAMETER) == "1":
            context["base_template"] = PRINT_TEMPLATE
        return context

    def get_summary(self) -> str:
        """Plain text describing the page for listings, search results and meta tags."""
        return self.search_description or self.social_text

    def get_social_image(self):
        return self.social_image

    def get_search_documents(self) -> list[dict]:
        """What the public search finds for this page (search.indexer): an information page unless a page type says
        which kind it is; page types add kinds, dates, numbers, rows."""
        published = self.last_published_at or self.first_published_at
        return [
            {
                "key": f"page:{self.pk}",
                "title": self.title,
                "summary": self.get_summary(),
                "body": value_text(getattr(self, "body", None)),
                "date": timezone.localtime(published).date() if published else None,
            }
        ]


class SectionPage(BasePage):
    """A section under the home page (news, notices …): an introduction above the section's listing."""

    parent_page_types = ["home.HomePage", "province.ArchiveSectionPage"]  # an archive holds a former portal's sections
    max_count_per_parent = 1

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_summary(self) -> str:
        return super().get_summary() or self.intro


class RoutableSectionPage(RoutablePageMixin, SectionPage):
    """A section whose listings, feeds and calendar files are routes of its one page."""

    class Meta:
        abstract = True

    def subpage_url(self, name, *args, request=None) -> str:
        """The address of one of the section's routes, e.g. ``subpage_url("category", "kinh-te")``."""
        return self.get_url(request) + self.reverse_subpage(name, args=args).lstrip("/")
