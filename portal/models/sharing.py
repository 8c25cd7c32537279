"""What the province shares with its component portals: a mark on its news, notices and documents, and the pages a
component portal chose not to show.

A shared page stays one page at one address on the province's portal; the component portals list it among their own
(the "Tin từ tỉnh" box, their notices, the province shelf of their document library) and link to it there. Nothing is
copied, so nothing drifts, and only the province's editors can change it. Wagtail's page aliases were the other way:
an alias is a copy in every component's tree (150 copies of each story), keeps the original's slug, and cannot have a
go-live or expiry of its own (wagtail/wagtail#6919, #6920), so hiding one from one portal would mean deleting a page.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from portal.sites import province


class SharedWithComponents(models.Model):
    """The mark a province editor sets on a page to show it on every component portal too."""

    share_with_components = models.BooleanField(
        _("show on the component portals"),
        default=False,
        help_text=_(
            "Also list this on the portal of every commune and ward of the province, linking here. "
            "A commune can hide it from its own portal."
        ),
    )

    class Meta:
        abstract = True


class ProvinceOnlyFieldPanel(FieldPanel):
    """A field shown only on pages of the province's own portal (a component portal shares nothing: the field is left
    out of its form and stays off)."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            path = self.instance.path or getattr(getattr(self.form, "parent_page", None), "path", "")
            unit = province()
            return bool(unit and path and unit.holds(path)) and super().is_shown()


share_panel = ProvinceOnlyFieldPanel("share_with_components")


class HiddenSharedPage(models.Model):
    """A page the province shares that one component portal does not show."""

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("portal"), on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    hidden_at = models.DateTimeField(_("hidden at"), auto_now_add=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("hidden by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("hidden province page")
        verbose_name_plural = _("hidden province pages")
        constraints = [models.UniqueConstraint(fields=["site", "page"], name="hidden_shared_page_once_per_site")]

    def __str__(self):
        return f"{self.page_id} @ {self.site_id}"
