"""Uploads through the admin: damaged images and image bombs are refused with a reason; video and audio files must
be of an allowed type, under the size limit, and hold what their name says."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model

import pytest
from wagtailmedia.models import Media

from tests.gallery.conftest import png_bytes

pytestmark = pytest.mark.django_db
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(256)
WEBM = b"\x1a\x45\xdf\xa3" + bytes(256)
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(256)
MP3_FRAME = b"\xff\xfb\x90\x64" + bytes(256)
OGG = b"OggS\x00\x02" + bytes(256)


def upload_image(admin_client, name, content):
    return admin_client.post(
        "/admin/images/add/", {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1}
    )


def upload_media(admin_client, kind, name, content):
    return admin_client.post(
        f"/admin/media/{kind}/add/", {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1}
    )


def errors(response) -> str:
    assert response.status_code == 200, "a refused upload shows the form again with the reason"
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


def test_a_real_image_is_accepted(admin_client):
    response = upload_image(admin_client, "that.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="that.png").exists()


def test_a_truncated_image_is_refused_with_a_reason(admin_client):
    content = png_bytes(400, 300, (200, 40, 40))
    response = upload_image(admin_client, "hong.png", content[: len(content) // 2])
    assert "hỏng" in errors(response)
    assert not get_image_model().objects.filter(title="hong.png").exists()


def test_text_named_as_an_image_is_refused(admin_client):
    assert errors(upload_image(admin_client, "gia.jpg", b"<html><script>alert(1)</script></html>"))


def test_an_image_bomb_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    assert errors(upload_image(admin_client, "bom.png", png_bytes(400, 400)))


def test_an_svg_is_not_an_allowed_image(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert errors(upload_image(admin_client, "bieu-tuong.svg", svg))


@pytest.mark.parametrize(
    ("kind", "name", "content"),
    [
        ("video", "a.mp4", MP4),
        ("video", "a.webm", WEBM),
        ("audio", "a.mp3", MP3),
        ("audio", "b.mp3", MP3_FRAME),
        ("audio", "a.ogg", OGG),
    ],
)
def test_real_media_files_are_accepted(admin_client, kind, name, content):
    response = upload_media(admin_client, kind, name, content)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert Media.objects.filter(title=name, type=kind).exists()


@pytest.mark.parametrize(
    ("kind", "name", "content", "words"),
    [
        ("video", "virus.mp4", b"MZ\x90\x00" + bytes(256), "không phải tệp"),
        ("video", "trang.webm", b"<html></html>", "không phải tệp"),
        ("audio", "bai.mp3", MP4, "không phải tệp"),
        ("audio", "bai.ogg", MP3, "không phải tệp"),
        ("video", "phim.avi", b"RIFF" + bytes(256), "mp4, webm"),
        ("audio", "bai.wav", b"RIFF" + bytes(256), "mp3, ogg"),
        ("video", "bai.mp3", MP3, "mp4, webm"),
    ],
)
def test_disguised_and_disallowed_media_files_are_refused(admin_client, kind, name, content, words):
    assert words in errors(upload_media(admin_client, kind, name, content))
    assert not Media.objects.filter(title=name).exists()


def test_media_over_the_size_limit_is_refused(admin_client, settings):
    settings.MEDIA_MAX_UPLOAD_SIZE = 100
    assert "quá lớn" in errors(upload_media(admin_client, "video", "lon.mp4", MP4))
