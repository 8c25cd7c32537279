"""Alternative text of album photos: the image's description, else the photo's caption; an album with a photo that
has neither is refused in the admin with a Vietnamese message."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from bs4 import BeautifulSoup

from gallery.models import AlbumPage
from tests.gallery.conftest import make_image

pytestmark = pytest.mark.django_db


def album_form(slug, photos):
    return nested_form_data(
        {"title": "Album thử", "slug": slug, "date": "2024-05-01", "photos": inline_formset(photos)}
    )


def test_an_album_photo_without_description_or_caption_is_refused(admin_client, photo_index):
    image = make_image("DSC_0193")
    url = f"/admin/pages/add/gallery/albumpage/{photo_index.pk}/"
    response = admin_client.post(url, album_form("anh-thieu", [{"image": image.pk, "caption": "", "credit": ""}]))
    assert response.status_code == 200
    assert "Ảnh “DSC_0193” chưa có văn bản thay thế" in response.content.decode()
    assert not AlbumPage.objects.filter(slug="anh-thieu").exists()

    response = admin_client.post(
        url, album_form("anh-thieu", [{"image": image.pk, "caption": "Lễ ra quân", "credit": ""}])
    )
    assert response.status_code == 302


def test_a_photo_shows_its_image_description_as_alt_and_else_its_caption(client, make_album):
    album = make_album(photos=2)
    described = album.photos.order_by("sort_order").first().image
    described.description = "Nông dân xã Thống Nhất gặt lúa bằng máy"
    described.save()
    page = BeautifulSoup(client.get(album.url).content, "html.parser")
    alts = [image["alt"] for image in page.select(".photo-grid__item picture img")]
    assert alts == ["Nông dân xã Thống Nhất gặt lúa bằng máy", "Chú thích 1"]


def test_the_image_form_says_what_the_description_is_for(admin_client):
    response = admin_client.get(f"/admin/images/{make_image().pk}/")
    assert "Văn bản thay thế: nội dung của ảnh" in response.content.decode()
