"""Per-site identity of the portal: the unit's name, contacts, footer lines and menus."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Everything that names the unit and its contacts: nothing about one district is hard-wired."""

    unit_name = models.CharField(_("unit name"), max_length=255, blank=True, help_text=_("E.g. UBND huyện Gia Lộc"))
    portal_title = models.CharField(
        _("portal title"), max_length=255, blank=True, help_text=_("E.g. Cổng thông tin điện tử huyện Gia Lộc")
    )
    governing_body = models.CharField(
        _("governing body"), max_length=255, blank=True, help_text=_("E.g. Ủy ban nhân dân huyện Gia Lộc")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square image shown left of the unit's name. A default emblem is used when empty."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    hotline = models.CharField(_("hotline"), max_length=60, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    responsible_person = models.CharField(
        _("person responsible for content"),
        max_length=255,
        blank=True,
        help_text=_("E.g. Ông Nguyễn Văn A – Chánh Văn phòng HĐND và UBND huyện"),
    )
    licence = models.CharField(
        _("licence"), max_length=255, blank=True, help_text=_("E.g. Giấy phép số 12/GP-STTTT ngày 01/03/2021")
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    zalo_url = models.URLField(_("Zalo official account"), blank=True)
    main_menu = models.ForeignKey(
        "portal.Menu",
        verbose_name=_("main navigation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_menu = models.ForeignKey(
        "portal.Menu",
        verbose_name=_("footer links"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    archived_since = models.DateField(
        _("archived since"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Set when the portal is closed: its pages stay readable at their addresses, and nobody edits them."
        ),
    )
    visitor_count_baseline = models.PositiveBigIntegerField(
        _("visits carried over"),
        default=0,
        help_text=_('Total visits counted by the previous portal; added to the "total" counter.'),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("unit_name"),
                    FieldPanel("portal_title"),
                    FieldPanel("governing_body"),
                    FieldPanel("logo"),
                    FieldPanel("responsible_person"),
                    FieldPanel("licence"),
                ],
                heading=_("Unit"),
            ),
            ObjectList(
                [
                    FieldPanel("address"),
                    FieldPanel("phone"),
                    FieldPanel("hotline"),
                    FieldPanel("fax"),
                    FieldPanel("email"),
                    MultiFieldPanel(
                        [FieldPanel("facebook_url"), FieldPanel("youtube_url"), FieldPanel("zalo_url")],
                        heading=_("Social networks"),
                    ),
                ],
                heading=_("Contacts"),
            ),
            ObjectList([FieldPanel("main_menu"), FieldPanel("footer_menu")], heading=_("Navigation")),
            ObjectList([FieldPanel("visitor_count_baseline")], heading=_("Counters")),
        ]
    )

    class Meta:
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")

    def __str__(self):
        return self.portal_title or self.unit_name or str(_("portal settings"))
