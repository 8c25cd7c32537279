"""The "Tin đọc nhiều" (most read) box for the home page and the side column."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from news.blocks import site_for


class MostReadBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Most read"))
    days = blocks.ChoiceBlock(label=_("Period"), choices=[("7", _("This week")), ("30", _("This month"))], default="7")
    count = blocks.IntegerBlock(label=_("Number of articles"), default=5, min_value=1, max_value=15)

    class Meta:
        icon = "pick"
        label = _("Most read")
        template = "visitors/blocks/most_read.html"

    def get_context(self, value, parent_context=None):
        from news.models import NewsArticlePage
        from visitors.reading import most_read

        context = super().get_context(value, parent_context)
        site = site_for(parent_context)
        context["pages"] = most_read(site, int(value["days"]), value["count"], NewsArticlePage) if site else []
        return context
