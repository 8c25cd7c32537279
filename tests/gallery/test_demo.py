"""The demo's gallery: three albums of generated photos, the reference portal's YouTube video and a video file made
locally, a song made locally, linked from the documents menu as on the reference portal."""

import pytest
from bs4 import BeautifulSoup

from gallery.models import AlbumPage, AudioPage, VideoPage
from portal.models import Menu

pytestmark = pytest.mark.django_db


def test_three_albums_of_real_photos():
    albums = AlbumPage.objects.live()
    assert albums.count() == 3
    for album in albums:
        assert album.photos.count() >= 5
        assert album.cover is not None
        assert all(photo.image.width == 1200 for photo in album.photos.select_related("image"))


def test_the_reference_video_and_a_local_file():
    videos = {video.slug: video for video in VideoPage.objects.live().select_related("media")}
    assert videos["hat-ve-gia-loc"].youtube_id == "JmTMQg7YjuY"
    local = videos["khuyen-cao-phong-chay-chua-chay-tai-gia-dinh"].media
    with local.file.open("rb") as file:
        assert file.read(8)[4:8] == b"ftyp"


def test_a_local_song_linked_from_the_documents_menu(client):
    song = AudioPage.objects.live().select_related("media").get()
    with song.media.file.open("rb") as file:
        assert file.read(3) == b"ID3"
    menu = Menu.objects.get(title="Hệ thống văn bản")
    assert menu.items.filter(link_page=song.get_parent()).exists()
    page = BeautifulSoup(client.get("/").content, "html.parser")
    assert page.find("a", string="Các ca khúc về Gia Lộc")


def test_the_side_column_shows_videos_and_photos(client):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    assert page.select_one(".box--videos .video-facade__link, .box--videos video")
    assert len(page.select(".box--photos .photo-box__item")) == 3


def test_the_search_finds_albums_videos_and_songs_typed_without_marks(client):
    for query, slug in [
        ("mua lua chin", "mua-lua-chin-tren-canh-dong-gia-loc"),
        ("khuyen cao phong chay", "khuyen-cao-phong-chay-chua-chay-tai-gia-dinh"),
        ("giai dieu que huong", "giai-dieu-que-huong-gia-loc"),
    ]:
        page = BeautifulSoup(client.get("/tim-kiem/", {"q": query, "loai": "media"}).content, "html.parser")
        found = [link["href"].rstrip("/").rsplit("/", 1)[-1] for link in page.select(".search-result__title a")]
        assert slug in found[:3], (query, found)
