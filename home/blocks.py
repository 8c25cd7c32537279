"""The boxes an editor stacks on the home page and in the side column: each section's own boxes, in one stream.

A section adds a box by writing its block in its own ``blocks`` module and naming it here; the names are what the
stored pages and settings hold, so they stay as they are when a box moves."""

from wagtail import blocks

from gallery.blocks import PhotosBoxBlock, VideosBoxBlock
from news.blocks import FeaturedNewsBlock, LatestNewsBlock, MostReadBlock, ProvinceNewsBlock
from notices.blocks import NoticesBoxBlock
from portal.blocks import LinkListBoxBlock, TextBoxBlock


class BoxesBlock(blocks.StreamBlock):
    """Boxes an editor stacks on the home page or in the side column."""

    featured_news = FeaturedNewsBlock()
    latest_news = LatestNewsBlock()
    province_news = ProvinceNewsBlock()
    notices = NoticesBoxBlock()
    most_read = MostReadBlock()
    links = LinkListBoxBlock()
    videos = VideosBoxBlock()
    photos = PhotosBoxBlock()
    text = TextBoxBlock()
