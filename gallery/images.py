"""The renditions a photo is shown with, made once and prefetched, and never an error on a public page.

A grid cell is a WebP picture at two widths (1× and 2× screens) with a JPEG fallback, its width and height set so
the page does not shift while it loads; the link around it opens the full image (max 1600 px), which the lightbox
shows and which works without JavaScript. They are made when an album is published (``gallery.tasks``), and
otherwise on first view."""

from dataclasses import dataclass

from django.db.models import Prefetch

from wagtail.images import get_image_model

from portal.images import renditions_or_none

THUMBNAIL_WEBP = ("fill-320x240|format-webp", "fill-640x480|format-webp")
THUMBNAIL_JPEG = "fill-320x240|format-jpeg"
FULL = "max-1600x1600"
SPECS = (*THUMBNAIL_WEBP, THUMBNAIL_JPEG, FULL)


@dataclass(frozen=True)
class Picture:
    webp_srcset: str
    src: str
    width: int
    height: int
    full_url: str
    full_width: int
    full_height: int


def prefetch_renditions(lookup: str) -> Prefetch:
    """Prefetch, through ``lookup`` (e.g. ``"photos__image__renditions"``), the renditions a picture uses."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(lookup, queryset=rendition_model.objects.filter(filter_spec__in=SPECS))


def picture(image) -> Picture | None:
    """The picture of ``image``, its missing renditions made now; ``None`` (and a log line) when the file is missing
    or cannot be read, so that the page shows the rest."""
    renditions = renditions_or_none(image, *SPECS)
    if renditions is None:
        return None
    small, large = (renditions[spec] for spec in THUMBNAIL_WEBP)
    fallback, full = renditions[THUMBNAIL_JPEG], renditions[FULL]
    return Picture(
        webp_srcset=f"{small.url} {small.width}w, {large.url} {large.width}w",
        src=fallback.url,
        width=fallback.width,
        height=fallback.height,
        full_url=full.url,
        full_width=full.width,
        full_height=full.height,
    )
