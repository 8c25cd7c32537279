"""Videos and audio: a YouTube video loads nothing from YouTube before the click; files play in the browser's own
players; the admin refuses bad links and files with a reason."""

from django.core.exceptions import ValidationError

import pytest
from bs4 import BeautifulSoup

from gallery.models import AudioPage, VideoPage
from tests.gallery.conftest import make_image, make_media, publish

pytestmark = pytest.mark.django_db
VIDEO = "JmTMQg7YjuY"
THIRD_PARTY_LOADS = ("src", "srcset", "poster", "data")  # attributes that make a browser fetch on load


def fetched_on_load(html: bytes) -> list[str]:
    """Every address the page makes the browser fetch before any click (iframes, images, scripts, media, links to
    styles), by its attributes."""
    page = BeautifulSoup(html, "html.parser")
    found = []
    for tag in page.find_all(True):
        for attribute in THIRD_PARTY_LOADS:
            if tag.has_attr(attribute):
                found.extend(part.split()[0] for part in str(tag[attribute]).split(","))
        if tag.name == "link" and tag.has_attr("href") and "stylesheet" in tag.get("rel", []):
            found.append(tag["href"])
    return found


def test_a_youtube_video_is_a_facade_until_the_click(client, video_index):
    video = publish(
        video_index, VideoPage(title="Hát về Gia Lộc", slug="hat", youtube_url=f"https://youtu.be/{VIDEO}?t=5")
    )
    response = client.get(video.url)
    assert response.status_code == 200
    loads = fetched_on_load(response.content)
    assert loads and not [url for url in loads if "youtube" in url or "ytimg" in url or url.startswith("http")]
    page = BeautifulSoup(response.content, "html.parser")
    assert not page.find("iframe")
    link = page.select_one(".video-facade__link")
    assert link["href"] == f"https://www.youtube.com/watch?v={VIDEO}&t=5s"  # without JavaScript: YouTube itself
    assert link["data-youtube-embed"] == f"https://www.youtube-nocookie.com/embed/{VIDEO}?autoplay=1&start=5"


def test_a_poster_is_shown_from_the_site(client, video_index):
    poster = make_image("Áp phích")
    video = publish(
        video_index, VideoPage(title="Có áp phích", slug="ap-phich", youtube_url=f"youtu.be/{VIDEO}", poster=poster)
    )
    page = BeautifulSoup(client.get(video.url).content, "html.parser")
    assert page.select_one(".video-facade__poster")["src"].startswith("/")


def test_an_uploaded_video_plays_in_the_browsers_player(client, video_index):
    video = publish(video_index, VideoPage(title="Khuyến cáo", slug="khuyen-cao", media=make_media()))
    page = BeautifulSoup(client.get(video.url).content, "html.parser")
    player = page.select_one("video[controls]")
    assert player["preload"] == "none"
    assert player.source["type"] == "video/mp4" and player.source["src"].endswith(".mp4")


def test_the_video_box_shows_the_newest_video_and_links_the_next(client, video_index, site):
    import datetime

    from home.models import SideColumn

    publish(
        video_index,
        VideoPage(title="Cũ", slug="cu", youtube_url=f"https://youtu.be/{VIDEO}", date=datetime.date(2029, 1, 1)),
    )
    publish(video_index, VideoPage(title="Mới", slug="moi", media=make_media(), date=datetime.date(2030, 1, 1)))
    column = SideColumn.for_site(site)
    column.boxes = [("videos", {"heading": "Video hoạt động", "count": 2})]
    column.save()
    page = BeautifulSoup(client.get("/").content, "html.parser")
    box = page.select_one(".box--videos")
    assert box.select_one("video source")["src"].endswith(".mp4")
    assert [link.get_text() for link in box.select(".box__links a")] == ["Cũ"]


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"youtube_url": "https://vimeo.com/1"}, "youtube_url", "YouTube"),
        ({"youtube_url": "https://www.youtube.com/watch?v=short"}, "youtube_url", "mã video"),
        ({}, "youtube_url", "địa chỉ YouTube"),
    ],
)
def test_bad_video_links_are_refused_with_a_reason(video_index, fields, field, words):
    from django.utils import translation

    video = VideoPage(title="Sai", slug="sai", **fields)
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        video.clean()
    assert words in " ".join(error.value.message_dict[field])


def test_a_link_and_a_file_together_are_refused(video_index):
    video = VideoPage(title="Cả hai", slug="ca-hai", youtube_url=f"https://youtu.be/{VIDEO}", media=make_media())
    with pytest.raises(ValidationError) as error:
        video.clean()
    assert "media" in error.value.message_dict


def test_an_audio_file_is_not_a_video(video_index):
    video = VideoPage(title="Nhầm", slug="nham", media=make_media("audio", "bai.mp3", b"ID3" + bytes(64)))
    with pytest.raises(ValidationError) as error:
        video.clean()
    assert "media" in error.value.message_dict


def test_saving_a_link_stores_its_code_without_any_network(video_index, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("saving a video must not reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    video = VideoPage(title="Ngoại tuyến", slug="ngoai-tuyen", youtube_url=f"https://www.youtube.com/shorts/{VIDEO}")
    video.clean()
    publish(video_index, video)
    assert VideoPage.objects.get(pk=video.pk).youtube_id == VIDEO


def test_a_song_plays_in_the_browsers_player_with_its_lyrics(client, audio_index):
    song = publish(
        audio_index,
        AudioPage(
            title="Quê hương",
            slug="que-huong",
            performer="Ca sĩ A",
            lyrics="Câu một\nCâu hai",
            media=make_media("audio", "que-huong.mp3", b"ID3" + bytes(64)),
        ),
    )
    page = BeautifulSoup(client.get(song.url).content, "html.parser")
    assert page.select_one("audio[controls] source")["type"] == "audio/mpeg"
    assert "Câu một" in page.select_one(".lyrics").get_text()
    assert "Ca sĩ A" in page.get_text()
    listing = BeautifulSoup(client.get(audio_index.url).content, "html.parser")
    assert listing.select_one(".audio-item audio source")["src"].endswith(".mp3")
