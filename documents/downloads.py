"""Who may fetch a file, and counting downloads.

A file attached to legal documents is served to the public only if at least one of those documents is live and
public (a private collection hides its documents' files); editors who can see the admin may always fetch it. Files
used elsewhere (notice attachments, links in text) keep Wagtail's own rules (collection privacy).

A download is counted once per request for the whole file or its first bytes (a PDF viewer then asks for more parts,
which are not counted again; ``documents.serving`` decides which answer that is), and not for bots. Counting never
fails a download."""

import logging

from django.db import DatabaseError, connection, transaction

from documents.models import LegalDocumentFile, LegalDocumentPage
from visitors.views import is_bot

logger = logging.getLogger(__name__)


def may_serve(document, request) -> bool:
    pages = LegalDocumentPage.objects.filter(files__document=document)
    if not pages.exists():
        return True
    if request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin"):
        return True
    return pages.live().public().exists()


def count_download(document_id: int, request) -> None:
    """One more download of a legal document's file fetched with GET by a person. A write that fails (a read-only
    database, a lock held too long) is logged in a line and the file is served all the same; the savepoint keeps a
    failed write from aborting the rest of an enclosing transaction on PostgreSQL."""
    if request.method != "GET" or is_bot(request.headers.get("User-Agent", "")[:1000]):
        return
    try:
        with transaction.atomic():
            if not LegalDocumentFile.objects.filter(document_id=document_id).exists():
                return
            with connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO documents_filedownload (document_id, count) VALUES (%s, 1) "
                    "ON CONFLICT (document_id) DO UPDATE SET count = documents_filedownload.count + 1",
                    [document_id],
                )
    except DatabaseError as error:
        logger.warning("Download of document %s not counted: %s", document_id, error)
