"""Who may fetch a file, and counting downloads.

A file attached to legal documents is served to the public only if at least one of those documents is live and
public (a private collection hides its documents' files); editors who can see the admin may always fetch it. Files
used elsewhere (notice attachments, links in text) keep Wagtail's own rules (collection privacy).

A download is counted once per request for the whole file or its first bytes (a PDF viewer then asks for more parts,
which are not counted again), and not for bots."""

from django.db import connection

from documents.models import LegalDocumentFile, LegalDocumentPage
from visitors.views import is_bot


def may_serve(document, request) -> bool:
    pages = LegalDocumentPage.objects.filter(files__document=document)
    if not pages.exists():
        return True
    if request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin"):
        return True
    return pages.live().public().exists()


def count_download(document, request):
    byte_range = request.headers.get("Range", "")
    if byte_range and not byte_range.replace(" ", "").startswith("bytes=0-"):
        return
    if request.method != "GET" or is_bot(request.headers.get("User-Agent", "")[:1000]):
        return
    if not LegalDocumentFile.objects.filter(document=document).exists():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO documents_filedownload (document_id, count) VALUES (%s, 1) "
            "ON CONFLICT (document_id) DO UPDATE SET count = documents_filedownload.count + 1",
            [document.pk],
        )
