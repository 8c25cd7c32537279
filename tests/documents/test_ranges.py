"""Document files answer byte ranges as PDF viewers and download managers ask for them, HEAD without the file, no
``Content-Encoding: None``; downloads are counted once (first bytes or the whole file) and a count that cannot be
written never fails a download."""

import contextlib
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import RequestFactory
from django.urls import resolve
from django.utils.http import http_date, parse_http_date

from wagtail.documents import get_document_model
from wagtail.rich_text import expand_db_html

import pytest
from bs4 import BeautifulSoup

from documents import serving
from documents.models import FileDownload
from notices.models import NoticeAttachment

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
CONTENT = b"%PDF-1.7\n" + bytes(range(256)) * 40
SIZE = len(CONTENT)
Document = get_document_model()


def new_document(name: str, content: bytes):
    document = Document(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    document.get_file_hash()  # as an upload through the admin sets it: Wagtail's ETag
    return document


@pytest.fixture
def document(db):
    return new_document("ke-hoach-thu.pdf", CONTENT)


def get(client, document, **headers):
    return client.get(document.url, HTTP_USER_AGENT=BROWSER, **headers)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def descriptors_open_on(path: str) -> int:
    """How many of this process's file descriptors are open on ``path``."""
    found = 0
    for descriptor in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            found += os.readlink(descriptor) == os.path.realpath(path)
    return found


def downloads(document) -> int:
    return FileDownload.objects.filter(document=document).values_list("count", flat=True).first() or 0


def test_the_whole_file_offers_ranges_and_names_no_encoding(client, document):
    response = get(client, document)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert "Content-Encoding" not in response, "no literal 'None' encoding for the browser to choke on"
    assert response["Content-Length"] == str(SIZE)
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body(response) == CONTENT


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=0-0", 0, 0),
        ("bytes=100-", 100, SIZE - 1),
        ("bytes=-50", SIZE - 50, SIZE - 1),
        ("bytes=10000-99999999", 10000, SIZE - 1),
        ("bytes=-99999", 0, SIZE - 1),
        ("BYTES=5-9", 5, 9),
    ],
)
def test_one_range_is_answered_with_exactly_those_bytes(client, document, header, first, last):
    response = get(client, document, HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{SIZE}"
    assert response["Content-Length"] == str(last - first + 1)
    assert body(response) == CONTENT[first : last + 1]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Encoding" not in response


@pytest.mark.parametrize("header", [f"bytes={SIZE}-", "bytes=-0", f"bytes={SIZE + 10}-{SIZE + 20}"])
def test_a_range_beyond_the_file_is_refused_with_the_files_size(client, document, header):
    response = get(client, document, HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{SIZE}"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert body(response) == b""


@pytest.mark.parametrize(
    "header",
    [
        "bytes=0-1,5-6",
        "bytes=5-1",
        "items=0-5",
        "bytes=abc",
        "bytes=-",
        "bytes=",
        pytest.param("bytes=" + "9" * 5000 + "-", id="more digits than Python reads"),
    ],
)
def test_a_malformed_or_multiple_range_gets_the_whole_file(client, document, header):
    response = get(client, document, HTTP_RANGE=header)
    assert response.status_code == 200
    assert "Content-Range" not in response
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == CONTENT


@pytest.mark.parametrize(
    ("validator", "status"),
    [
        ("the etag", 206),
        ("the date", 206),
        ("a weak etag", 200),
        ("another etag", 200),
        ("an earlier date", 200),
        ("not a date", 200),
    ],
)
def test_if_range_gets_the_range_only_of_the_same_file(client, document, validator, status):
    whole = get(client, document)
    body(whole)
    value = {
        "the etag": whole["ETag"],
        "the date": whole["Last-Modified"],
        "a weak etag": "W/" + whole["ETag"],
        "another etag": '"0123456789abcdef"',
        "an earlier date": http_date(parse_http_date(whole["Last-Modified"]) - 3600),
        "not a date": "yesterday",
    }[validator]
    assert whole["ETag"] == f'"{document.file_hash}"'
    response = get(client, document, HTTP_RANGE="bytes=100-199", HTTP_IF_RANGE=value)
    assert response.status_code == status
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == (CONTENT[100:200] if status == 206 else CONTENT)


def test_head_describes_the_file_as_get_does(client, document):
    whole, head = get(client, document), client.head(document.url, HTTP_USER_AGENT=BROWSER)
    body(whole)
    assert head.status_code == 200
    for name in ["Content-Type", "Content-Length", "Content-Disposition", "Accept-Ranges", "ETag", "Last-Modified"]:
        assert head[name] == whole[name], name
    assert head["Content-Security-Policy"] == "default-src 'none'"
    assert head["X-Content-Type-Options"] == "nosniff"
    assert "Content-Encoding" not in head
    ranged = client.head(document.url, HTTP_RANGE="bytes=0-9", HTTP_USER_AGENT=BROWSER)
    assert ranged.status_code == 200, "only GET has ranges (RFC 9110 §14.2)"
    assert ranged["Content-Length"] == str(SIZE)


def test_head_does_not_read_the_file(document):
    """Asked of the view itself: the test client, like a web server, would drop any body a HEAD answer carried."""
    request = RequestFactory().head(document.url, headers={"User-Agent": BROWSER})
    request.user = AnonymousUser()
    response = serving.serve(request, str(document.pk), document.filename)
    assert response.status_code == 200
    assert response["Content-Length"] == str(SIZE)
    assert descriptors_open_on(document.file.path) == 0
    assert list(response.streaming_content) == []


@pytest.mark.parametrize("ranged", [False, True])
def test_conditional_get_still_answers_not_modified(client, document, ranged):
    whole = get(client, document)
    body(whole)
    extra = {"HTTP_RANGE": "bytes=0-9"} if ranged else {}
    by_tag = get(client, document, HTTP_IF_NONE_MATCH=whole["ETag"], **extra)
    by_date = get(client, document, HTTP_IF_MODIFIED_SINCE=whole["Last-Modified"], **extra)
    assert by_tag.status_code == by_date.status_code == 304
    assert "Content-Encoding" not in by_tag and "Content-Encoding" not in by_date


def test_a_big_file_is_streamed_in_small_parts_and_closed(client):
    content = bytes(range(256)) * 4096 * 30  # 30 MiB
    document = new_document("tai-lieu-lon.pdf", b"%PDF-1.7\n" + content)
    path = document.file.path
    response = get(client, document, HTTP_RANGE="bytes=10000000-19999999")
    assert response.status_code == 206
    assert response.streaming
    chunks = list(response.streaming_content)
    assert max(len(chunk) for chunk in chunks) <= 64 * 1024
    assert b"".join(chunks) == (b"%PDF-1.7\n" + content)[10_000_000:20_000_000]
    assert descriptors_open_on(path) == 0, "the file is closed once its part is sent"
    refused = get(client, document, HTTP_RANGE="bytes=99999999-")
    assert refused.status_code == 416
    assert descriptors_open_on(path) == 0, "and when no part of it is"


def test_a_download_is_counted_once_for_its_first_bytes_not_for_its_later_parts(client, add_document):
    file = add_document("56/2023/QĐ-UBND").files.first().document
    body(get(client, file, HTTP_RANGE="bytes=0-1023"))
    assert downloads(file) == 1
    whole = get(client, file)
    body(whole)
    assert downloads(file) == 2
    body(get(client, file, HTTP_RANGE="bytes=1024-2047"))
    body(get(client, file, HTTP_RANGE="bytes=-100"))
    get(client, file, HTTP_RANGE="bytes=99999999-")
    get(client, file, HTTP_IF_NONE_MATCH=whole["ETag"])
    client.head(file.url, HTTP_USER_AGENT=BROWSER)
    assert downloads(file) == 2, "later parts, refusals, 'not modified' and HEAD are not downloads"
    body(get(client, file, HTTP_RANGE="bytes=1024-2047", HTTP_IF_RANGE='"changed"'))
    assert downloads(file) == 3, "a later part asked of a changed file gets, and counts, the whole file"


@contextlib.contextmanager
def database_refusing_writes():
    """Every write fails, as on a read-only replica or a database file mounted read-only: PostgreSQL's read-only
    transaction, SQLite's query-only connection ("attempt to write a readonly database"). Undone on leaving (the
    savepoint's rollback ends PostgreSQL's), so that the test's own teardown may check constraints."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION READ ONLY" if connection.vendor == "postgresql" else "PRAGMA query_only = ON")
        try:
            yield
        finally:
            if connection.vendor != "postgresql":
                cursor.execute("PRAGMA query_only = OFF")
            transaction.set_rollback(True)


@pytest.mark.parametrize("headers", [{}, {"HTTP_RANGE": "bytes=0-1023"}])
def test_a_download_is_served_when_its_count_cannot_be_written(client, add_document, caplog, headers):
    file = add_document("57/2023/QĐ-UBND").files.first().document
    expected = file.file.open("rb").read()
    file.file.close()
    with caplog.at_level(logging.WARNING, logger="documents.downloads"), database_refusing_writes():
        response = get(client, file, **headers)
        content = body(response)
        counted = downloads(file)  # the request's transaction is still usable after the failed write
    assert response.status_code == (206 if headers else 200)
    assert content == (expected[:1024] if headers else expected)
    assert counted == 0
    [record] = [record for record in caplog.records if record.name == "documents.downloads"]
    assert record.levelno == logging.WARNING
    assert "not counted" in record.getMessage()
    assert record.exc_info is None, "one line per failure, not a traceback"


def test_wagtails_own_document_links_still_download(client):
    attachment = NoticeAttachment.objects.select_related("document").first()
    linked = BeautifulSoup(
        expand_db_html(f'<a linktype="document" id="{attachment.document.pk}">Tệp</a>'), "html.parser"
    ).a["href"]
    for url in [attachment.document.url, linked]:
        assert resolve(urlsplit(url).path).func is serving.serve, url
        response = client.get(url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200, url
        assert response["Accept-Ranges"] == "bytes"
        assert body(response)
