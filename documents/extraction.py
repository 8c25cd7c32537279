"""The text of uploaded files, for the search: PDF (pypdf) and DOCX (python-docx).

Each file version is read once, in a child process limited in time and memory, and only up to a size; a corrupt or
hostile file fails with a logged reason and a FileText row saying so, while the upload itself is kept and every page
that uses it still works. The documents that use the file are re-indexed with its text.
"""

import logging
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import transaction

from django_tasks import task

from documents.models import FileText, LegalDocumentPage

logger = logging.getLogger(__name__)
EXTRACTABLE = {"pdf", "docx"}
ROOT = Path(__file__).resolve().parents[1]


def limit_memory():  # runs in the child before it starts
    limit = settings.DOCUMENT_TEXT_MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def read_text(path: str, extension: str) -> tuple[str, str, str]:
    """(status, reason, text) of the file at ``path``."""
    try:
        finished = subprocess.run(  # noqa: S603 - our own interpreter and module; the path is ours
            [sys.executable, "-m", "documents.extract_worker", path, extension, str(settings.DOCUMENT_TEXT_MAX_CHARS)],
            cwd=ROOT,
            capture_output=True,
            timeout=settings.DOCUMENT_TEXT_TIMEOUT,
            preexec_fn=limit_memory,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return FileText.Status.FAILED, f"took longer than {settings.DOCUMENT_TEXT_TIMEOUT} s", ""
    if finished.returncode != 0:
        lines = finished.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"]
        reason = lines[-1] if finished.returncode > 0 else f"stopped by signal {-finished.returncode}"
        return FileText.Status.FAILED, reason[:255], ""
    return FileText.Status.DONE, "", finished.stdout.decode("utf-8", "replace")


def extract(document) -> FileText:
    """Read the text of a Wagtail document once per file version, store it, and re-index the pages using it."""
    file_hash = document.get_file_hash()
    current = FileText.objects.filter(document=document).first()
    if current and current.file_hash == file_hash:
        return current
    extension = document.file_extension.lower()
    if extension not in EXTRACTABLE:
        status, reason, text = FileText.Status.SKIPPED, f"no text is read from .{extension} files", ""
    elif document.get_file_size() and document.get_file_size() > settings.DOCUMENT_TEXT_MAX_BYTES:
        status, reason, text = FileText.Status.SKIPPED, "larger than the size limit for reading text", ""
    else:
        with tempfile.NamedTemporaryFile(suffix=f".{extension}") as copy:
            with document.open_file() as source:
                shutil.copyfileobj(source, copy)
            copy.flush()
            status, reason, text = read_text(copy.name, extension)
    if status == FileText.Status.FAILED:
        logger.warning("Could not read the text of document %s (%s): %s", document.pk, document.filename, reason)
    # NUL characters cannot be stored in PostgreSQL text.
    found, _created = FileText.objects.update_or_create(
        document=document,
        defaults={"status": status, "reason": reason, "text": text.replace("\x00", ""), "file_hash": file_hash},
    )
    reindex_pages_using(document)
    return found


def reindex_pages_using(document):
    from search.indexer import index_page

    for page in LegalDocumentPage.objects.filter(files__document=document).distinct():
        index_page(page)


@task()
def extract_text(document_id: int):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        extract(document)


def schedule_extraction(document):
    """After the upload is saved, read its text (through the task framework: at once by default)."""
    transaction.on_commit(lambda: extract_text.enqueue(document.pk))
