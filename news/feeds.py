"""RSS 2.0 feeds of the news section, for all news and per category, built with Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Site

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request, index, category=None):
        self.request = request
        site = Site.find_for_request(request)
        self.portal_name = site.site_name if site and site.site_name else index.title
        return index, category

    def title(self, obj):
        index, category = obj
        return f"{category.name if category else index.title} – {self.portal_name}"

    def link(self, obj):
        index, category = obj
        return index.url_for_category(category, self.request)

    def description(self, obj):
        index, category = obj
        if category is not None:
            return category.description or _("Newest articles of %(category)s") % {"category": category.name}
        return index.intro or _("Newest articles")

    def items(self, obj):
        index, category = obj
        articles = index.get_articles().prefetch_related("categories")
        if category is not None:
            articles = articles.filter(categories=category)
        return articles[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.display_date

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]
