"""Menus and quick links that editors keep up to date without a deploy."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

ALLOWED_LINK_PREFIXES = ("https://", "http://", "mailto:", "tel:", "/")


@dataclass(frozen=True)
class MenuLink:
    """A menu link as templates show it: plain values, so that a menu can be kept in a cache between renders."""

    title: str
    url: str
    page_id: int | None = None
    new_window: bool = False
    children: list["MenuLink"] = field(default_factory=list)


class Menu(ClusterableModel):
    """An ordered list of links: the main navigation, online public services, the document system, e-mail …"""

    title = models.CharField(
        _("title"), max_length=120, help_text=_('Shown as the heading of the box, e.g. "Dịch vụ công trực tuyến".')
    )

    panels = [FieldPanel("title"), InlinePanel("items", label=_("Links"), min_num=0)]

    class Meta:
        verbose_name = _("menu")
        verbose_name_plural = _("menus and quick links")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_items(self):
        """The menu's links with their pages, and for items that open a dropdown, the pages below them."""
        items = list(self.items.select_related("link_page").order_by("sort_order"))
        parents = [item.link_page for item in items if item.show_children and item.link_page_id]
        children_by_parent = {}
        if parents:
            condition = Q()
            for parent in parents:  # children as treebeard asks for them: a path range an index on (depth, path) serves
                first, last = Page.alphabet[0] * Page.steplen, Page.alphabet[-1] * Page.steplen
                condition |= Q(depth=parent.depth + 1, path__range=(parent.path + first, parent.path + last))
            children = Page.objects.live().public().in_menu().filter(condition).order_by("path")
            for child in children.only("id", "title", "url_path", "path", "depth"):
                children_by_parent.setdefault(child.path[: -Page.steplen], []).append(child)
        for item in items:
            item.children = (
                children_by_parent.get(item.link_page.path, []) if item.show_children and item.link_page_id else []
            )
        return items

    def get_links(self, request=None) -> list[MenuLink]:
        """``get_items`` as plain links, their addresses as seen from ``request``'s site."""
        return [
            MenuLink(
                title=item.title,
                url=item.get_url(request),
                page_id=item.link_page_id,
                new_window=item.new_window,
                children=[MenuLink(title=child.title, url=child.get_url(request)) for child in item.children],
            )
            for item in self.get_items()
        ]


class MenuItem(Orderable):
    """One link of a menu: to a page of the portal or to an address elsewhere."""

    menu = ParentalKey(Menu, related_name="items", on_delete=models.CASCADE)
    label = models.CharField(
        _("label"), max_length=255, blank=True, help_text=_("Leave empty to use the page's title.")
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.CharField(
        _("address"),
        max_length=500,
        blank=True,
        help_text=_("An address outside the portal (https://…, mailto:…) or a path such as /tin-tuc/."),
    )
    new_window = models.BooleanField(_("open in a new tab"), default=False)
    show_children = models.BooleanField(
        _("show sub-pages"),
        default=False,
        help_text=_("In the main navigation, list the page's sub-pages under this link."),
    )

    panels = [
        FieldPanel("label"),
        MultiFieldPanel([FieldPanel("link_page"), FieldPanel("link_url")], heading=_("Link to")),
        FieldRowPanel([FieldPanel("new_window"), FieldPanel("show_children")]),
    ]

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError({"link_url": _("Choose a page or enter an address, not both.")})
        if self.link_url and not self.link_url.startswith(ALLOWED_LINK_PREFIXES):
            raise ValidationError({"link_url": _("The address must start with https://, http://, mailto:, tel: or /.")})
        if self.link_url and not self.label:
            raise ValidationError({"label": _("A link to an address needs a label.")})

    @property
    def title(self) -> str:
        return self.label or (self.link_page.title if self.link_page_id else self.link_url)

    def get_url(self, request=None) -> str:
        return self.link_page.get_url(request) if self.link_page_id else self.link_url

    @property
    def is_external(self) -> bool:
        return self.link_url.startswith(("http://", "https://"))
