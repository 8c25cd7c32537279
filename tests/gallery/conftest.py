"""Gallery fixtures: a photo gallery with an album whose photos are small generated images, a video gallery and an
audio gallery, and helpers that make images and media files."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import pytest
from PIL import Image as PillowImage
from wagtailmedia.models import Media

from gallery.models import AlbumIndexPage, AlbumPage, AlbumPhoto, AudioIndexPage, VideoIndexPage

Image = get_image_model()


def png_bytes(width=64, height=48, colour=(30, 90, 160)) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(title="Ảnh thử", content=None, name="thu.png", collection=None):
    image = Image(title=title, **({"collection": collection} if collection else {}))
    image.file = ImageFile(ContentFile(content or png_bytes()), name=name)
    image.save()
    return image


def make_media(kind="video", name="thu.mp4", content=b"\x00\x00\x00\x18ftypmp42" + bytes(64)):
    media = Media(title=name, type=kind)
    media.file.save(name, ContentFile(content), save=False)
    media.save()
    return media


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def photo_index(home):
    return publish(home, AlbumIndexPage(title="Ảnh thử", slug="anh-thu"))


@pytest.fixture
def video_index(home):
    return publish(home, VideoIndexPage(title="Video thử", slug="video-thu"))


@pytest.fixture
def audio_index(home):
    return publish(home, AudioIndexPage(title="Âm thanh thử", slug="am-thanh-thu"))


@pytest.fixture
def make_album(photo_index):
    def make(photos=3, slug="album-thu", **fields):
        album = AlbumPage(title=fields.pop("title", "Album thử"), slug=slug, **fields)
        album.photos = [
            AlbumPhoto(image=make_image(f"Ảnh {n}"), caption=f"Chú thích {n}", credit="Ảnh: Phóng viên", sort_order=n)
            for n in range(photos)
        ]
        return publish(photo_index, album)

    return make
