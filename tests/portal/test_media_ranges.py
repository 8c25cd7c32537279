"""Uploaded media served by the portal itself (SERVE_MEDIA: make run, make serve) answer byte ranges, so that a
video or a song plays from the middle; the same ranges as document files (portal/ranges.py, tested in full in
tests/documents/test_ranges.py)."""

import os
from pathlib import Path

from django.conf import settings

import pytest

from config import urls as config_urls

pytestmark = [pytest.mark.urls(__name__)]

urlpatterns = [config_urls.MEDIA_FILES, *config_urls.urlpatterns]
CONTENT = os.urandom(100_000)


@pytest.fixture
def clip():
    path = Path(settings.MEDIA_ROOT) / "media" / "range-test.mp4"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(CONTENT)
    yield "/media/media/range-test.mp4"
    path.unlink()


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_range_of_a_video_is_a_206_with_those_bytes(client, clip):
    whole = client.get(clip)
    assert (whole.status_code, whole["Accept-Ranges"], body(whole)) == (200, "bytes", CONTENT)
    part = client.get(clip, HTTP_RANGE="bytes=50000-50999")
    assert part.status_code == 206
    assert part["Content-Range"] == "bytes 50000-50999/100000"
    assert body(part) == CONTENT[50000:51000]
    tail = client.get(clip, HTTP_RANGE="bytes=-10")
    assert body(tail) == CONTENT[-10:]


def test_a_range_past_the_end_is_a_416_and_head_reads_nothing(client, clip):
    refused = client.get(clip, HTTP_RANGE="bytes=100000-")
    assert (refused.status_code, refused["Content-Range"]) == (416, "bytes */100000")
    head = client.head(clip)
    assert (head.status_code, head["Content-Length"], body(head)) == (200, "100000", b"")


def test_if_range_with_another_date_gives_the_whole_file(client, clip):
    response = client.get(clip, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE="Wed, 21 Oct 2015 07:28:00 GMT")
    assert (response.status_code, len(body(response))) == (200, len(CONTENT))
