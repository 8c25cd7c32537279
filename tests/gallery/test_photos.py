"""Albums: the grid's markup (WebP srcset with a JPEG fallback, sizes set, lazy loading, links to the full image),
the lightbox's labels, a fixed number of queries however many photos, and a broken file that never fails the page."""

import re

from django.core.cache import cache

import pytest
from bs4 import BeautifulSoup

from gallery.models import AlbumPage
from tests.gallery.conftest import make_image
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_grid_uses_webp_srcsets_sizes_and_links_to_the_full_image(client, make_album):
    album = make_album(photos=3)
    page = soup(client.get(album.url))
    items = page.select(".photo-grid__item")
    assert len(items) == 3
    for n, item in enumerate(items):
        source = item.select_one("picture source")
        assert source["type"] == "image/webp"
        assert re.fullmatch(r"\S+\.webp 64w, \S+\.webp 64w", source["srcset"]), source["srcset"]
        image = item.select_one("picture img")
        assert image["loading"] == "lazy"
        assert image["src"].endswith(".jpg")
        assert int(image["width"]) > 0 and int(image["height"]) > 0
        assert image["alt"] == f"Chú thích {n}"
        link = item.select_one("a.photo-grid__link")
        assert link["href"].endswith(".png") and "/images/" in link["href"]
        assert item.select_one("figcaption").get_text(" ", strip=True) == f"Chú thích {n} Ảnh: Phóng viên"
    grid = page.select_one("[data-lightbox]")
    assert grid["data-label-close"] == "Đóng" and grid["data-label-next"] == "Ảnh sau"
    assert page.find("script", src=re.compile(r"lightbox\.js$"))


def test_an_album_of_200_photos_takes_the_queries_of_an_album_of_3(client, make_album):
    small = make_album(photos=3, slug="nho")
    large = make_album(photos=200, slug="lon")
    assert count_queries(client, large.url) == count_queries(client, small.url)
    assert len(soup(client.get(large.url)).select(".photo-grid__item")) == 200


def test_a_photo_whose_file_is_broken_is_left_out_and_the_page_still_works(client, make_album, caplog):
    album = make_album(photos=3)
    broken = album.photos.first().image
    broken.renditions.all().delete()
    with broken.file.open("wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n" + b"not really an image" * 10)
    cache.clear()
    page = soup(client.get(album.url))
    assert len(page.select(".photo-grid__item")) == 2
    assert "could not be rendered" in caplog.text


def test_a_photo_whose_file_is_missing_is_left_out(client, make_album):
    album = make_album(photos=2)
    missing = album.photos.first().image
    missing.renditions.all().delete()
    missing.file.storage.delete(missing.file.name)
    assert len(soup(client.get(album.url)).select(".photo-grid__item")) == 1


def test_photos_uploaded_to_the_albums_collection_join_it_on_save(photo_index):
    from wagtail.models import Collection

    collection = Collection.get_first_root_node().add_child(name="Album hội nghị thử")
    first = make_image("Ảnh một", collection=collection)
    album = AlbumPage(title="Hội nghị", slug="hoi-nghi-thu", collection=collection)
    photo_index.add_child(instance=album)
    assert [photo.image for photo in album.photos.all()] == [first]
    assert album.cover == first, "the first photo is the cover when none is chosen"
    second = make_image("Ảnh hai", collection=collection)
    album.save_revision().publish()
    album = AlbumPage.objects.get(pk=album.pk)
    assert [photo.image for photo in album.photos.order_by("sort_order")] == [first, second]
    assert album.photos.get(image=second).caption == "Ảnh hai"


def test_the_gallery_lists_albums_newest_first_with_covers_and_counts(client, make_album, photo_index):
    import datetime

    older = make_album(photos=2, slug="cu", date=datetime.date(2023, 1, 1))
    newer = make_album(photos=4, slug="moi", date=datetime.date(2024, 1, 1))
    page = soup(client.get(photo_index.url))
    titles = [link.get_text(strip=True) for link in page.select(".gallery-card__title")]
    assert titles == [newer.title, older.title]
    assert "4 ảnh" in page.select(".gallery-card__meta")[0].get_text()
    assert page.select_one(".gallery-card picture source[type='image/webp']")


@pytest.mark.parametrize("value", ["abc", "-1", "0", "999999", "1.5", "%00"])
def test_any_page_number_gives_a_normal_gallery_page(client, photo_index, make_album, value):
    make_album(photos=1)
    assert client.get(f"{photo_index.url}?page={value}").status_code == 200


def test_the_gallery_pages_take_the_same_queries_with_2_and_14_albums(client, make_album, photo_index):
    for n in range(2):
        make_album(photos=2, slug=f"a{n}")
    before = count_queries(client, photo_index.url)
    for n in range(2, 14):
        make_album(photos=2, slug=f"a{n}")
    assert count_queries(client, photo_index.url) == before
    assert count_queries(client, f"{photo_index.url}?page=2") == before


def test_small_images_are_not_blown_up(client, make_album):
    album = make_album(photos=1)
    image = soup(client.get(album.url)).select_one(".photo-grid img")
    assert int(image["width"]) <= 64


@pytest.fixture
def damaged_feature_image():
    """A published article whose feature image file is damaged on disk (mended afterwards: files outlive the test's
    transaction, and the demo's image serves the tests after this one)."""
    from news.models import NewsArticlePage

    article = NewsArticlePage.objects.live().exclude(feature_image=None).select_related("feature_image").first()
    image = article.feature_image
    image.renditions.all().delete()
    with image.file.open("rb") as file:
        original = file.read()
    try:
        with image.file.open("wb") as file:
            file.write(b"\xff\xd8\xff\xe0" + b"damaged" * 50)
        cache.clear()
        yield article
    finally:
        with image.file.open("wb") as file:
            file.write(original)


def test_a_damaged_feature_image_never_fails_the_news_pages(client, caplog, damaged_feature_image):
    article = damaged_feature_image
    for url in [article.url, article.get_parent().url, "/"]:
        assert client.get(url).status_code == 200, url
    assert "could not be rendered" in caplog.text


def test_a_damaged_feature_image_never_fails_the_admin(client, caplog, damaged_feature_image):
    """The page editor and the image's own page open with Wagtail's placeholder, so the image can be replaced."""
    from django.contrib.auth import get_user_model

    article = damaged_feature_image
    client.force_login(get_user_model().objects.get(username="admin"))
    for url in [f"/admin/pages/{article.pk}/edit/", f"/admin/images/{article.feature_image_id}/", "/admin/images/"]:
        assert client.get(url).status_code == 200, url
    assert "could not be decoded" in caplog.text


def test_publishing_an_album_makes_its_pictures(make_album, django_capture_on_commit_callbacks):
    from gallery.images import SPECS

    with django_capture_on_commit_callbacks(execute=True):
        album = make_album(photos=3, slug="san-sang")
    for photo in album.photos.select_related("image"):
        assert set(photo.image.renditions.values_list("filter_spec", flat=True)) >= set(SPECS)
