"""A listing with every field runs the same number of queries for 2 items as for 20: categories, keywords, renditions,
related articles, files, exam sessions, relations and statuses are read once for all rows."""

import datetime
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model

import pytest

from documents.enums import RelationKind
from documents.models import DocumentRelation
from gallery.models import AlbumIndexPage, AlbumPage, VideoIndexPage, VideoPage
from news.models import NewsCategory
from notices.enums import NoticeKind
from notices.models import NoticePage
from tests.opendata.conftest import pdf_file

pytestmark = pytest.mark.django_db

MAX_QUERIES = 30


def measure(client, url, expected_items):
    cache.clear()
    client.get(url)  # renditions are made, content types and site roots cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:1000]
    assert len(response.json()["items"]) == expected_items
    return len(queries)


def assert_constant(client, url, add):
    """``add(n)`` adds n items that ``url`` lists; the query count is the same for 2 items and for 20."""
    add(2)
    two = measure(client, url, 2)
    add(18)
    twenty = measure(client, url, 20)
    assert twenty == two, (two, twenty)
    assert twenty <= MAX_QUERIES


def test_news(client, make_article, category):
    other = NewsCategory.objects.create(name="Thêm (thử)", slug="them-thu")
    target = make_article("Tin được liên kết", "tin-duoc-lien-ket", categories=[other])
    added = []

    def add(count):
        for _ in range(count):
            n = len(added)
            added.append(
                make_article(
                    f"Tin đếm truy vấn {n}",
                    f"tin-dem-truy-van-{n}",
                    categories=[category, other],
                    tags=[f"từ khóa {n}", "đếm truy vấn"],
                    image=n,
                    related=[target, *added[-1:]],
                    byline="Biên tập viên",
                )
            )

    assert_constant(client, f"/api/v2/pages/?type=news.NewsArticlePage&category={category.slug}&fields=*", add)


def test_news_search(client, make_article, category):
    def add(count):
        start = NewsCategory.objects.get(pk=category.pk).articles.count()
        for n in range(start, start + count):
            make_article(f"Tin tìm kiếm quaxwy {n}", f"tin-tim-kiem-{n}", image=n, tags=["quaxwy"])

    assert_constant(client, "/api/v2/pages/?type=news.NewsArticlePage&search=quaxwy&fields=*", add)


def test_notices(client, make_notice):
    document = pdf_file("Tệp đính kèm", "1/TB-UBND", "Nội dung.")
    issuer = "Phòng Nội vụ (đếm truy vấn)"

    def add(count):
        start = NoticePage.objects.filter(issuer=issuer).count()
        for n in range(start, start + count):
            make_notice(
                f"Thông báo đếm truy vấn {n}",
                f"thong-bao-dem-truy-van-{n}",
                kind=NoticeKind.EXAM_SUMMONS,
                issuer=issuer,
                files=[(document, f"Tệp {n}")],
                sessions=[
                    {
                        "date": datetime.date(2023, 6, day),
                        "start_time": datetime.time(8, 0),
                        "place": "Hội trường",
                        "position": f"Chức danh {n}",
                        "unit": "xã Gia Tân",
                    }
                    for day in (1, 2)
                ],
            )

    query = urlencode({"type": "notices.NoticePage", "issuer": issuer, "fields": "*"})
    assert_constant(client, f"/api/v2/pages/?{query}", add)


def test_legal_documents(client, add_document, vocab):
    anchor = add_document("1/NQ-HĐND", collection="cua-huyen")
    added = []

    def add(count):
        for _ in range(count):
            n = len(added) + 2
            relations = [DocumentRelation(kind=RelationKind.AMENDS, target=anchor)]
            if added:
                relations.append(DocumentRelation(kind=RelationKind.BASED_ON, target=added[-1]))
            added.append(
                add_document(
                    f"{n}/NQ-HĐND",
                    collection="hdnd",
                    kind="qd" if n % 2 else "kh",
                    fields=[vocab["land"]],
                    expires_on=datetime.date(2024, 1, 1) if n % 3 == 0 else None,
                    relations=relations,
                )
            )

    assert_constant(client, "/api/v2/pages/?type=documents.LegalDocumentPage&collection=hdnd&fields=*", add)


def test_albums_and_videos(client):
    images = list(get_image_model().objects.order_by("pk"))
    album_index, video_index = AlbumIndexPage.objects.get(), VideoIndexPage.objects.get()
    day = datetime.date(2031, 1, 1)

    def add_albums(count):
        start = AlbumPage.objects.filter(date=day).count()
        for n in range(start, start + count):
            album_index.add_child(
                instance=AlbumPage(title=f"Album {n}", slug=f"album-dem-{n}", date=day, cover=images[n % len(images)])
            )

    def add_videos(count):
        start = VideoPage.objects.filter(date=day).count()
        for n in range(start, start + count):
            video_index.add_child(
                instance=VideoPage(
                    title=f"Video {n}",
                    slug=f"video-dem-{n}",
                    date=day,
                    youtube_url="https://youtu.be/JmTMQg7YjuY",
                    poster=images[n % len(images)],
                )
            )

    assert_constant(client, f"/api/v2/pages/?type=gallery.AlbumPage&date_from={day}&fields=*", add_albums)
    assert_constant(client, f"/api/v2/pages/?type=gallery.VideoPage&date_from={day}&fields=*", add_videos)


def test_pages_of_every_type(client, make_article):
    """The plain page listing (no type) with its default fields."""
    news_index = make_article("Tin mồi", "tin-moi-dem").get_parent()

    def add(count):
        start = news_index.get_children().count()
        for n in range(start, start + count):
            make_article(f"Tin {n}", f"tin-trang-{n}")

    # Everything under the news section, newest first: 2, then 20, of the articles just added.
    url = f"/api/v2/pages/?child_of={news_index.pk}&order=-id&limit={{limit}}"
    add(2)
    two = measure(client, url.format(limit=2), 2)
    add(18)
    twenty = measure(client, url.format(limit=20), 20)
    assert twenty == two


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_images_and_documents(client, endpoint):
    """Their tags are read once for all rows (the demo has more than 20 of each)."""
    from wagtail.documents import get_document_model

    model = get_image_model() if endpoint == "images" else get_document_model()
    for n, item in enumerate(model.objects.order_by("pk")[:20]):
        item.tags.add(f"nhãn {n}", "dữ liệu mở")
    two = measure(client, f"/api/v2/{endpoint}/?fields=*&limit=2", 2)
    twenty = measure(client, f"/api/v2/{endpoint}/?fields=*&limit=20", 20)
    assert twenty == two
    response = client.get(f"/api/v2/{endpoint}/?limit=1")
    assert response.json()["items"][0]["meta"]["tags"] == ["dữ liệu mở", "nhãn 0"]
