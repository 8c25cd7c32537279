"""Files answered the way PDF viewers, video players and download managers ask for them: one byte range at a time
(RFC 9110 §14), ``If-Range``, and HEAD without reading the file. Used for document files (``documents.serving``) and
for uploaded media when the portal serves them itself (``portal.views.media_file``): a view answers with the whole
file (a ``FileResponse``), and ``byte_range`` narrows that answer to what was asked."""

import re

from django.http import FileResponse, HttpResponse
from django.utils.http import parse_http_date_safe

# One range of bytes (the unit is case-insensitive): "first-last", "first-" or "-suffix length". A list of ranges
# does not match and gets the whole file, which RFC 9110 §14.2 allows; so does anything else not understood.
SINGLE_RANGE = re.compile(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*", re.IGNORECASE)
# What a refused range (416) keeps of the file's answer.
KEPT_ON_REFUSAL = ("Accept-Ranges", "Content-Security-Policy", "X-Content-Type-Options", "ETag", "Last-Modified")


def byte_range(request, response):
    """``response`` narrowed to the range the request asks for: a 206, a 416 if none of its bytes exists, or the
    whole file (200) when there is no range, it is not understood, or ``If-Range`` names another version. Anything
    but a whole file (a 304, a redirect, a page) is returned as it is. Also whether the answer starts at the file's
    first byte (a download begun, for counting)."""
    if not is_whole_file(response):
        return response, False
    response["Accept-Ranges"] = "bytes"
    size = int(response["Content-Length"])
    wanted = None
    # Only GET has ranges (RFC 9110 §14.2): HEAD describes the whole file, as the GET without Range would.
    if request.method == "GET" and "Range" in request.headers and if_range_holds(request, response):
        wanted = requested_bytes(request.headers["Range"], size)
    if wanted is not None and not wanted:
        return refusal(response, size), False
    if wanted is not None:
        narrow(response, wanted, size)
    if request.method == "HEAD":
        response.file_to_stream.close()
        response.streaming_content = []
    return response, wanted is None or wanted.start == 0


def is_whole_file(response) -> bool:
    """Whether the view answered with the file itself (not a 304, a redirect, a password form)."""
    return (
        isinstance(response, FileResponse)
        and response.status_code == 200
        and response.file_to_stream is not None
        and "Content-Length" in response
    )


def requested_bytes(header: str, size: int) -> range | None:
    """The offsets a Range header asks for, empty if none of them is in the file; None if the header is not a single
    valid range of bytes (then it is ignored)."""
    match = SINGLE_RANGE.fullmatch(header)
    if match is None or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    try:
        if not first:
            return range(max(size - int(last), 0), size)
        start = int(first)
        stop = int(last) + 1 if last else size
    except ValueError:  # more digits than Python turns into a number
        return None
    if stop <= start and last:
        return None  # "5-1" is no range at all
    return range(start, min(stop, size))


def if_range_holds(request, response) -> bool:
    """RFC 9110 §13.1.5: a range only of the version of the file the client holds part of, named by its strong ETag
    or by its exact Last-Modified date; otherwise the whole file."""
    validator = request.headers.get("If-Range")
    if validator is None:
        return True
    validator = validator.strip()
    if validator.startswith(("W/", '"')):
        # A weak tag never matches (strong comparison); Wagtail's ETag for a document is the quoted file hash.
        return validator == response.get("ETag")
    date = parse_http_date_safe(validator)
    return date is not None and date == parse_http_date_safe(response.get("Last-Modified", ""))


def narrow(response, wanted: range, size: int) -> None:
    """Turns the file's answer into a 206 that streams only ``wanted``; the file is still closed with the answer."""
    file = response.file_to_stream
    file.seek(wanted.start)
    # Replacing the content keeps the file's close among the answer's closers and stops the server's sendfile,
    # which would send the file to its end.
    response.streaming_content = read_part(file, len(wanted), response.block_size)
    response.status_code = 206
    response["Content-Range"] = f"bytes {wanted.start}-{wanted.stop - 1}/{size}"
    response["Content-Length"] = len(wanted)


def read_part(file, length: int, block_size: int):
    while length > 0:
        chunk = file.read(min(block_size, length))
        if not chunk:
            return
        length -= len(chunk)
        yield chunk


def refusal(response, size: int) -> HttpResponse:
    """416: none of the bytes asked for exists; says how many there are."""
    response.file_to_stream.close()
    refused = HttpResponse(status=416, content_type="text/plain; charset=utf-8")
    for name in KEPT_ON_REFUSAL:
        if name in response:
            refused[name] = response[name]
    refused["Content-Range"] = f"bytes */{size}"
    return refused
