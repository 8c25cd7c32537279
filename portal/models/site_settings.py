"""Per-site identity of the portal: the unit's name, contacts, footer lines and menus."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .citizen_input import ContactChoice


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
    citizen_contact = models.CharField(
        _("how citizens give a contact"),
        max_length=10,
        choices=ContactChoice.choices,
        default=ContactChoice.EITHER,
        help_text=_("What the question form asks for, so that the answer can reach the citizen."),
    )
    citizen_input_email = models.EmailField(
        _("mailbox for citizens' input"),
        blank=True,
        help_text=_("New questions and comments are announced here. Defaults to the portal's e-mail."),
    )
    personal_data_retention_days = models.PositiveSmallIntegerField(
        _("keep citizens' contact details for (days)"),
        default=365,
        validators=[MinValueValidator(30), MaxValueValidator(3650)],
        help_text=_(
            "After a question is closed or a comment is sent, names, contacts and attachments are erased after this "
            "many days (Law 91/2025/QH15 on personal data protection). The question, answer and comment stay."
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
            ObjectList(
                [
                    FieldPanel("citizen_contact"),
                    FieldPanel("citizen_input_email"),
                    FieldPanel("personal_data_retention_days"),
                ],
                heading=_("Citizens' input"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")

    @property
    def citizen_input_recipient(self) -> str:
        return self.citizen_input_email or self.email

    def __str__(self):
        return self.portal_title or self.unit_name or str(_("portal settings"))
