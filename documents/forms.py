"""The upload form every Wagtail document goes through: allow-listed types whose content matches their extension."""

from wagtail.documents.forms import BaseDocumentForm

from portal.uploads import check_content


class PortalDocumentForm(BaseDocumentForm):
    """Every document upload in the admin (single and multiple): Wagtail checks the type list and the size; this
    also checks that the content matches the extension, so an executable renamed to .pdf is refused."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "read") and getattr(upload, "name", ""):
            check_content(upload, upload.name.rsplit(".", 1)[-1].lower())
        return upload
