"""What the content import (``manage.py import_content``) has brought in, so that importing again changes only what
changed: one row per record of the old portal, by its stable key, with the object it became and a checksum."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedRecord(models.Model):
    """One imported record: ``news:https://old.example/tin/123`` became news article 4567."""

    key = models.CharField(_("key"), max_length=1000, unique=True)
    record_type = models.CharField(_("record type"), max_length=20, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    source_url = models.CharField(
        _("address on the old portal"), max_length=1000, blank=True, help_text=_("Kept to find the record by it too.")
    )
    checksum = models.CharField(_("checksum"), max_length=64)
    created_at = models.DateTimeField(_("first imported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        indexes = [models.Index(fields=["content_type", "object_id"], name="importer_record_object")]

    def __str__(self):
        return self.key


class ImportedMediaFile(models.Model):
    """A video file brought in by the import, by the SHA-1 of its content: the media library keeps no hash of its
    own (images and documents do: ``file_hash``), and a file imported twice must be stored once."""

    file_hash = models.CharField(max_length=40, unique=True)
    media = models.ForeignKey("wagtailmedia.Media", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("imported media file")
        verbose_name_plural = _("imported media files")

    def __str__(self):
        return self.file_hash
