"""Home-page and side-column boxes of the gallery: the newest albums and the newest videos of the site."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from gallery.models import AlbumIndexPage, VideoIndexPage
from portal.blocks import site_for
from portal.sharing import in_sections_q


def newest(rows, parent_context, count):
    """The site's newest ``count`` items of ``rows`` a citizen may see, and the address of their index: the items'
    parent, whose address is an item's address without its last part (no query for it)."""
    site = site_for(parent_context)
    items = rows.live().public()
    if site:
        items = items.filter(in_sections_q(site))
    items = list(items.order_by("-date", "-pk")[:count])
    request = (parent_context or {}).get("request")
    index_url = items[0].get_url(request).rstrip("/").rsplit("/", 1)[0] + "/" if items else ""
    return items, index_url


class PhotosBoxBlock(blocks.StructBlock):
    """Thư viện ảnh: the covers of the newest albums."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Photo gallery"))
    count = blocks.IntegerBlock(label=_("Number of albums"), default=4, min_value=1, max_value=12)

    class Meta:
        icon = "image"
        label = _("Photo gallery box")
        template = "gallery/blocks/photos_box.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["albums"], context["index_url"] = newest(AlbumIndexPage.get_rows(), parent_context, value["count"])
        return context


class VideosBoxBlock(blocks.StructBlock):
    """Video hoạt động: the newest video ready to play (nothing loads from YouTube before a click), then links to
    the next ones."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Activity videos"))
    count = blocks.IntegerBlock(label=_("Number of videos"), default=4, min_value=1, max_value=12)

    class Meta:
        icon = "media"
        label = _("Videos box")
        template = "gallery/blocks/videos_box.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["videos"], context["index_url"] = newest(VideoIndexPage.get_rows(), parent_context, value["count"])
        return context
