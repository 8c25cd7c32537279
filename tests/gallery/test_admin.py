"""Editors in the admin: every gallery page's form opens, a bad YouTube address is refused on its field in
Vietnamese, a good one is saved with its code, and an album saved with an upload collection takes its photos."""

from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from gallery.models import AlbumPage, VideoPage
from tests.gallery.conftest import make_image

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "index"), [("albumpage", "photo_index"), ("videopage", "video_index"), ("audiopage", "audio_index")]
)
def test_the_add_forms_open(admin_client, request, model, index):
    parent = request.getfixturevalue(index)
    response = admin_client.get(f"/admin/pages/add/gallery/{model}/{parent.pk}/")
    assert response.status_code == 200


def test_a_video_link_is_checked_on_its_field_and_saved_with_its_code(admin_client, video_index):
    url = f"/admin/pages/add/gallery/videopage/{video_index.pk}/"
    data = nested_form_data(
        {"title": "Hát về Gia Lộc", "slug": "hat-thu", "date": "2024-01-01", "youtube_url": "https://vimeo.com/1"}
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Chỉ dùng được địa chỉ YouTube" in response.content.decode()
    data["youtube_url"] = "https://youtu.be/JmTMQg7YjuY?t=42"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    video = VideoPage.objects.get(slug="hat-thu")
    assert (video.youtube_id, video.youtube_start) == ("JmTMQg7YjuY", 42)


def test_an_album_saved_in_the_admin_takes_the_photos_of_its_collection(admin_client, photo_index):
    collection = Collection.get_first_root_node().add_child(name="Ảnh hội nghị (thử)")
    photos = [make_image(f"Ảnh {n}", collection=collection) for n in range(3)]
    data = nested_form_data(
        {
            "title": "Hội nghị thử",
            "slug": "hoi-nghi-admin",
            "date": "2024-05-01",
            "collection": collection.pk,
            "photos": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/gallery/albumpage/{photo_index.pk}/", data)
    assert response.status_code == 302
    album = AlbumPage.objects.get(slug="hoi-nghi-admin")
    assert [photo.image for photo in album.photos.order_by("sort_order")] == photos
    assert album.cover == photos[0]
