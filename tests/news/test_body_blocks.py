"""Every body block an editor can use renders on the article page, and a video loads nothing from YouTube by itself."""

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def article_with_every_block():
    image = get_image_model().objects.first()
    document = Document(title="Kế hoạch cải cách hành chính 2023")
    document.file.save("ke-hoach-cchc-2023.pdf", ContentFile(b"%PDF-1.4\n%demo\n"), save=True)
    category = NewsCategory.objects.get(slug="cai-cach-hanh-chinh")
    article = NewsArticlePage(
        title="Bài có đủ loại khối nội dung",
        slug="bai-du-loai-khoi",
        lead="Kiểm tra hiển thị.",
        primary_category=category,
        body=[
            {
                "type": "paragraph",
                "value": "<p>Đoạn <b>đậm</b> và <a href='https://dichvucong.gov.vn/'>liên kết</a>.</p>",
            },
            {"type": "heading", "value": {"text": "Tiêu đề cấp ba", "level": "h3"}},
            {"type": "image", "value": {"image": image.pk, "caption": "Chú thích ảnh", "credit": "Ảnh: Văn phòng"}},
            {"type": "quote", "value": {"text": "Lời trích dẫn.", "attribution": "Ông A"}},
            {
                "type": "table",
                "value": {"data": [["Xã", "Số hồ sơ"], ["Gia Tân", "120"]], "first_row_is_table_header": True},
            },
            {"type": "video", "value": {"url": "https://youtu.be/JmTMQg7YjuY", "title": "Hát về Gia Lộc"}},
            {"type": "document", "value": {"document": document.pk, "title": ""}},
            {
                "type": "gallery",
                "value": {
                    "images": [
                        {"image": image.pk, "caption": "Một", "credit": ""},
                        {"image": image.pk, "caption": "Hai", "credit": ""},
                    ]
                },
            },
            {
                "type": "people",
                "value": {
                    "heading": "Lãnh đạo",
                    "people": [
                        {
                            "name": "Nguyễn Văn A",
                            "position": "Chủ tịch",
                            "phone": "0220 1",
                            "email": "a@example.vn",
                            "photo": None,
                        }
                    ],
                },
            },
        ],
    )
    article.categories = [category]
    NewsIndexPage.objects.get().add_child(instance=article)
    article.save_revision().publish()
    return article


def test_every_body_block_renders(client, article_with_every_block):
    response = client.get(article_with_every_block.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    body = soup.select_one(".article__body")
    assert body.select_one(".rich-text b").get_text() == "đậm"
    assert body.select_one("h3.body-heading").get_text() == "Tiêu đề cấp ba"
    assert "Ảnh: Văn phòng" in body.select_one(".body-figure figcaption").get_text()
    assert body.select_one(".body-quote footer").get_text(strip=True) == "— Ông A"
    assert [th.get_text(strip=True) for th in body.select(".table-wrap th")] == ["Xã", "Số hồ sơ"]
    video = body.select_one(".video-facade a")
    assert video["href"] == "https://www.youtube.com/watch?v=JmTMQg7YjuY"
    assert video["data-youtube-embed"] == "https://www.youtube-nocookie.com/embed/JmTMQg7YjuY?autoplay=1"
    assert body.select_one("iframe") is None, "no YouTube request before the visitor clicks"
    attachment = body.select_one(".attachment")
    assert "Kế hoạch cải cách hành chính 2023" in attachment.get_text()
    assert "(PDF" in attachment.get_text()
    assert len(body.select(".gallery-strip figure")) == 2
    assert body.select_one(".person__name").get_text() == "Nguyễn Văn A"


def test_video_block_refuses_addresses_that_are_not_youtube_videos():
    from wagtail.blocks import StructBlockValidationError

    from portal.blocks import VideoBlock

    block = VideoBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"url": "https://vimeo.com/123", "title": "Khác"}))
