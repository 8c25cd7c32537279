"""How the open-data API writes values every section has: vocabularies as name and slug, files with their download
address, related pages, renditions that never fail a response.

Models name these in their ``api_fields`` (`opendata` serves them); a section's own values have their fields in its
``api_fields`` module (`notices.api_fields`, `documents.api_fields`). Nothing here imports a model."""

import logging

from wagtail.api.utils import get_full_url
from wagtail.images.api.fields import ImageRenditionField

from rest_framework import serializers
from rest_framework.fields import Field

from portal.sites import unit_of

logger = logging.getLogger(__name__)


class NameSlugSerializer(serializers.Serializer):
    """A vocabulary entry (news category, keyword, document type, issuing body, policy area)."""

    name = serializers.CharField()
    slug = serializers.CharField()


class NameSlugListField(Field):
    """A many-to-many relation or tag manager as ``[{"name", "slug"}]``, read from what the view prefetched (no
    ordering in the database, which would bypass the prefetch)."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        items = sorted(value.all(), key=lambda item: (getattr(item, "sort_order", 0), item.name))
        return [{"name": item.name, "slug": item.slug} for item in items]


class TagNamesField(Field):
    """Wagtail's tag list (names, sorted), read from what the view prefetched instead of one query per item."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class LabelField(serializers.CharField):
    """The translated label of a choice, e.g. ``source="get_kind_display"``."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)


class SafeImageRenditionField(ImageRenditionField):
    """Wagtail's rendition field, but an image whose file cannot be read (missing, truncated, not an image) gives
    ``{"error": "SourceImageIOError"}`` and a log line instead of failing the whole response."""

    def to_representation(self, image):
        try:
            return super().to_representation(image)
        except Exception:  # Pillow and Willow raise many kinds of errors for a damaged file
            logger.warning("Image %s could not be rendered for the API", image.pk, exc_info=True)
            return {"error": "SourceImageIOError"}


def download_url(context, document) -> str:
    return get_full_url(context["request"], document.url)


class AttachmentListField(Field):
    """Files attached to a page (notice attachments, a legal document's files): id, title, download address and
    type of each, in the editor's order."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        return [
            {
                "id": attachment.document_id,
                "title": attachment.display_title,
                "download_url": download_url(self.context, attachment.document),
                "file_extension": attachment.document.file_extension.lower(),
            }
            for attachment in value.all()
        ]


class MediaURLField(Field):
    """The full address of a video or audio file of the media library."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, media):
        return get_full_url(self.context["request"], media.url)


def page_reference(context, page, **extra) -> dict:
    """A short reference to another page: id, title, its API and public addresses."""
    from wagtail.api.v2.utils import get_object_detail_url  # it loads the page model when imported

    router = context["router"]
    return {
        "id": page.pk,
        "title": page.title,
        **extra,
        "detail_url": get_object_detail_url(router, context["request"], type(page), page.pk),
        "html_url": page.full_url,
    }


class RelatedPageListField(Field):
    """Hand-picked related pages (``related_links`` of an article) that a citizen may see; the view prefetches only
    the visible ones."""

    def __init__(self, link_attribute, *args, **kwargs):
        self.link_attribute = link_attribute
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        return [page_reference(self.context, getattr(link, self.link_attribute)) for link in value.all()]


class UnitField(Field):
    """The unit a page belongs to (``source="path"``): its slug, name and host, from the units the view answers for."""

    def to_representation(self, path):
        unit = unit_of(path, self.context["view"].get_units())
        return {"slug": unit.slug, "name": unit.name, "host": unit.hostname} if unit else None
