"""The "THÔNG BÁO" box of the home page and side column."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from notices.models import NoticeIndexPage, NoticePage
from portal.blocks import site_for


class NoticesBoxBlock(blocks.StructBlock):
    """The newest notices that are still open; expired notices leave the box but stay on the notices page."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Notices"))
    count = blocks.IntegerBlock(label=_("Number of notices"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "warning"
        label = _("Notices")
        template = "notices/blocks/notices_box.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        site = site_for(parent_context)
        context["notices"] = list(NoticePage.objects.for_listing(site).open()[: value["count"]])
        index = NoticeIndexPage.objects.live().in_site(site).first() if site else None
        context["more_url"] = index.get_url((parent_context or {}).get("request")) if index else ""
        return context
