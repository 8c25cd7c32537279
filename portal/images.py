"""Renditions that never fail a public page: an image whose file is missing or cannot be read gives None and a log
line, and the page goes on without it (uploads are checked, but a file can be damaged on disk or imported)."""

import logging

logger = logging.getLogger(__name__)


def renditions_or_none(image, *specs) -> dict | None:
    """``image.get_renditions(*specs)``, or None when the image is None or its file cannot be rendered."""
    if image is None:
        return None
    try:
        return image.get_renditions(*specs)
    except Exception:  # a missing, truncated or unreadable file: Pillow and Willow raise many kinds
        logger.warning("Image %s (%s) could not be rendered", image.pk, image.file.name, exc_info=True)
        return None


def rendition_or_none(image, spec: str):
    found = renditions_or_none(image, spec)
    return found[spec] if found else None
