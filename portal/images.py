"""Renditions that never fail a page: an image whose file is missing or cannot be read gives None and a log line on
public pages, which go on without it, and Wagtail's "not found" placeholder in the admin (uploads are checked, but a
file can be damaged on disk or imported)."""

import functools
import logging

logger = logging.getLogger(__name__)


def renditions_or_none(image, *specs) -> dict | None:
    """``image.get_renditions(*specs)``, or None when the image is None or its file cannot be rendered."""
    if image is None:
        return None
    try:
        return image.get_renditions(*specs)
    except Exception as error:  # a missing, truncated or unreadable file: Pillow and Willow raise many kinds
        logger.warning("Image %s (%s) could not be rendered: %r", image.pk, image.file.name, error)
        return None


def rendition_or_none(image, spec: str):
    found = renditions_or_none(image, spec)
    return found[spec] if found else None


def treat_undecodable_files_as_missing():
    """Wagtail's admin shows a placeholder for an image whose file is missing (``SourceImageIOError``), but a file
    that is there and cannot be decoded (truncated, not an image) raises Pillow's errors out of every view that shows
    it: the page editor, the image's own page. Such a file is reported as missing instead, so the editor opens and
    the image can be replaced. Applied once, when the portal app is ready (Wagtail offers no hook for it)."""
    from wagtail.images.models import AbstractImage, SourceImageIOError

    generate = AbstractImage.generate_rendition_file
    if getattr(generate, "portal_guarded", False):
        return

    @functools.wraps(generate)
    def generate_rendition_file(self, filter, *args, **kwargs):
        try:
            return generate(self, filter, *args, **kwargs)
        except SourceImageIOError:
            raise
        except (OSError, ValueError, SyntaxError) as error:  # what Pillow raises for damaged or foreign files
            logger.warning("Image %s (%s) could not be decoded: %s", self.pk, self.file.name, error)
            raise SourceImageIOError(str(error)) from error

    generate_rendition_file.portal_guarded = True
    AbstractImage.generate_rendition_file = generate_rendition_file
