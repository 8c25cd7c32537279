"""RSS 2.0 feeds of notices: all of them and one per kind."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Site

FEED_LENGTH = 20


class NoticeFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request, index, kind=None):
        self.request = request
        return index, kind

    def title(self, obj):
        index, kind = obj
        return f"{index.title} – {kind.label}" if kind else index.title

    def link(self, obj):
        index, _kind = obj
        return index.get_url(self.request)

    def description(self, obj):
        index, kind = obj
        return _("Newest notices: %(kind)s") % {"kind": kind.label} if kind else (index.intro or _("Newest notices"))

    def items(self, obj):
        index, kind = obj
        notices = index.get_notices(Site.find_for_request(self.request))
        if kind is not None:
            notices = notices.filter(kind=kind)
        return notices[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_kind_display()]
