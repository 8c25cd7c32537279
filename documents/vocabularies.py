"""The lists editors keep for the library: document types, issuing bodies and policy areas."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class Vocabulary(models.Model):
    """A list editors keep (types, issuers, fields): a name, its address slug and an order."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True, help_text=_("Used in addresses, e.g. quyet-dinh"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class DocumentType(Vocabulary):
    """Loại văn bản: Quyết định, Nghị quyết, Chỉ thị, Kế hoạch, Thông báo, Công văn, Báo cáo, Tờ trình …"""

    class Meta(Vocabulary.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class Issuer(Vocabulary):
    """Cơ quan ban hành, e.g. UBND huyện Gia Lộc."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")


class LegalField(Vocabulary):
    """Lĩnh vực, e.g. Đất đai, Giáo dục, Tổ chức – cán bộ."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")
