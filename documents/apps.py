from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Legal documents")

    def ready(self):
        from django.db.models.signals import post_save

        from wagtail.documents import get_document_model

        from documents.extraction import schedule_extraction

        def file_saved(sender, instance, created, update_fields=None, **kwargs):
            if update_fields is None or "file" in update_fields:
                schedule_extraction(instance)

        post_save.connect(file_saved, sender=get_document_model(), weak=False, dispatch_uid="documents_extract_text")
