"""Home-page and side-column boxes that list news articles: featured, latest of a category, most read."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from news.models import NewsArticlePage, NewsIndexPage
from portal.blocks import site_for
from portal.sharing import shared_with
from portal.sites import province
from visitors.reading import most_read


class FeaturedNewsBlock(blocks.StructBlock):
    """The newest articles marked "featured": a lead story with a large image and a few more beside it."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    count = blocks.IntegerBlock(label=_("Number of articles"), default=5, min_value=1, max_value=12)

    class Meta:
        icon = "pick"
        label = _("Featured news")
        template = "news/blocks/featured_news.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        site = site_for(parent_context)
        articles = list(NewsArticlePage.objects.for_listing(site).filter(featured=True)[: value["count"]])
        context["lead_article"], context["articles"] = (articles[0], articles[1:]) if articles else (None, [])
        return context


class LatestNewsBlock(blocks.StructBlock):
    """The newest articles of one category, or of all news when no category is chosen."""

    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=120, help_text=_("Defaults to the category's name.")
    )
    category = SnippetChooserBlock("news.NewsCategory", label=_("Category"), required=False)
    count = blocks.IntegerBlock(label=_("Number of articles"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "list-ul"
        label = _("Latest news")
        template = "news/blocks/latest_news.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        site = site_for(parent_context)
        articles = NewsArticlePage.objects.for_listing(site)
        if value["category"]:
            articles = articles.filter(categories=value["category"])
        context["articles"] = list(articles[: value["count"]])
        index = NewsIndexPage.objects.live().in_site(site).first() if site else None
        request = (parent_context or {}).get("request")
        context["more_url"] = index.url_for_category(value["category"], request) if index else ""
        return context


class MostReadBlock(blocks.StructBlock):
    """Tin đọc nhiều: the site's articles read most this week or this month (counted by `visitors`)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Most read"))
    days = blocks.ChoiceBlock(label=_("Period"), choices=[("7", _("This week")), ("30", _("This month"))], default="7")
    count = blocks.IntegerBlock(label=_("Number of articles"), default=5, min_value=1, max_value=15)

    class Meta:
        icon = "pick"
        label = _("Most read")
        template = "news/blocks/most_read.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        site = site_for(parent_context)
        context["pages"] = most_read(site, int(value["days"]), value["count"], NewsArticlePage) if site else []
        return context


class ProvinceNewsBlock(blocks.StructBlock):
    """Tin từ tỉnh: the newest articles the province shares with its component portals, each linking to its one
    address on the province's portal. Shows nothing on the province's own portal."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("News from the province"))
    count = blocks.IntegerBlock(label=_("Number of articles"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "site"
        label = _("News from the province")
        template = "news/blocks/province_news.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        site = site_for(parent_context)
        shared = shared_with(site)
        context["receives"] = shared is not None
        articles = NewsArticlePage.objects.for_listing().filter(shared) if shared is not None else []
        context["articles"] = list(articles[: value["count"]])
        context["province"] = province() if context["articles"] else None
        return context
