"""Alternative text of an article's images: the feature image shows its description as alt, an article whose
feature image (or a body image) has none is refused in the admin with a Vietnamese message on the field, and
listing thumbnails beside their linked title stay decorative (alt="")."""

from wagtail import blocks

import pytest
from bs4 import BeautifulSoup

from news.models import NewsArticlePage
from portal.blocks import CaptionedImageBlock, PersonBlock
from tests.editorial.conftest import article_form
from tests.gallery.conftest import make_image

pytestmark = pytest.mark.django_db
REFUSED = "chưa có văn bản thay thế"


@pytest.fixture
def news_index():
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.get()


def add(admin_client, news_index, slug, **extra):
    return admin_client.post(
        f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/", article_form(f"Bài {slug}", slug, "publish", **extra)
    )


def test_an_article_with_a_feature_image_without_alt_text_is_refused(admin_client, news_index):
    image = make_image("IMG_2041")
    response = add(admin_client, news_index, "anh-khong-mo-ta", feature_image=image.pk)
    assert response.status_code == 200
    form = response.context["form"]
    assert "feature_image" in form.errors
    message = " ".join(form.errors["feature_image"])
    assert REFUSED in message and "“IMG_2041”" in message and "Mô tả" in message
    assert not NewsArticlePage.objects.filter(slug="anh-khong-mo-ta").exists()

    image.description = "Lãnh đạo huyện trao giấy khen cho tập thể xã Gia Tân"
    image.save()
    response = add(admin_client, news_index, "anh-khong-mo-ta", feature_image=image.pk)
    assert response.status_code == 302
    assert NewsArticlePage.objects.get(slug="anh-khong-mo-ta").feature_image == image


def test_an_article_without_a_feature_image_needs_no_alt_text(admin_client, news_index):
    assert add(admin_client, news_index, "khong-co-anh").status_code == 302


def test_the_article_page_shows_the_feature_image_description_as_alt(client):
    article = NewsArticlePage.objects.live().first()
    article.feature_image = make_image("Một cửa")
    article.feature_image.description = "Cán bộ bộ phận một cửa hướng dẫn người dân nộp hồ sơ"
    article.feature_image.save()
    article.save()
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert page.select_one(".body-figure--feature img")["alt"] == "Cán bộ bộ phận một cửa hướng dẫn người dân nộp hồ sơ"


def test_listing_thumbnails_beside_their_title_stay_decorative(client):
    page = BeautifulSoup(client.get("/tin-tuc/").content, "html.parser")
    thumbnails = page.select(".news-item__image img")
    assert thumbnails
    assert all(image["alt"] == "" for image in thumbnails)
    assert all(link["aria-hidden"] == "true" for link in page.select("a.news-item__image"))


def test_the_demo_images_have_alt_text():
    for article in NewsArticlePage.objects.exclude(feature_image=None).select_related("feature_image"):
        assert article.feature_image.description.strip(), article.slug


@pytest.mark.parametrize(("block", "field"), [(CaptionedImageBlock(), "image"), (PersonBlock(), "photo")])
def test_body_images_without_alt_text_are_refused_beside_the_chooser(block, field):
    image = make_image("DSC_0007")
    raw = {field: image.pk, "name": "Nguyễn Văn A", "position": "Chủ tịch UBND huyện"}
    with pytest.raises(blocks.StructBlockValidationError) as refused:
        block.clean(block.to_python(raw))
    assert field in refused.value.block_errors
    assert REFUSED in " ".join(refused.value.block_errors[field].messages)
    image.description = "Ảnh chân dung ông Nguyễn Văn A"
    image.save()
    block.clean(block.to_python(raw))
