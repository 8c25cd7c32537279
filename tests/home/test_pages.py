"""Every page type of the foundation renders with its own template inside the shared layout."""

import pytest
from pytest_django.asserts import assertContains, assertTemplateUsed

from home.models import StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from notices.models import NoticeIndexPage, NoticePage

pytestmark = pytest.mark.django_db


def test_home_page_shows_reform_article_and_notices(client):
    response = client.get("/")
    assert response.status_code == 200
    assertTemplateUsed(response, "home/home_page.html")
    assertContains(response, "Gia Lộc tạo đột phá trong cải cách hành chính năm 2023")
    for notice in NoticePage.objects.for_listing().open()[:7]:
        assertContains(response, notice.title)
    assertContains(response, '<html lang="vi"', html=False)


@pytest.mark.parametrize(
    ("model", "template"),
    [
        (StandardPage, "home/standard_page.html"),
        (NewsIndexPage, "news/news_index_page.html"),
        (NewsArticlePage, "news/news_article_page.html"),
        (NoticeIndexPage, "notices/notice_index_page.html"),
        (NoticePage, "notices/notice_page.html"),
    ],
)
def test_each_page_type_renders_with_its_template(client, model, template):
    for page in model.objects.live():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assertTemplateUsed(response, template)
        assertContains(response, "Cổng thông tin điện tử huyện Gia Lộc")


def test_every_menu_link_inside_the_portal_answers(client):
    from portal.models import MenuItem

    for item in MenuItem.objects.select_related("link_page"):
        url = item.get_url()
        if url.startswith("/"):
            assert client.get(url).status_code == 200, url


def test_category_listing_shows_only_its_articles(client):
    response = client.get("/tin-tuc/chuyen-muc/hoc-tap-va-lam-theo-loi-bac/")
    assert response.status_code == 200
    listed = {article.pk for article in response.context["articles"]}
    assert listed
    assert listed <= set(
        NewsArticlePage.objects.filter(categories__slug="hoc-tap-va-lam-theo-loi-bac").values_list("pk", flat=True)
    )


def test_unknown_category_is_a_vietnamese_404(client):
    response = client.get("/tin-tuc/chuyen-muc/khong-co-chuyen-muc-nay/")
    assert response.status_code == 404
    assertContains(response, "Không tìm thấy trang", status_code=404)


def test_unknown_address_gives_the_vietnamese_404_in_the_site_layout(client):
    response = client.get("/trang-khong-ton-tai/")
    assert response.status_code == 404
    assertTemplateUsed(response, "404.html")
    assertContains(response, "Không tìm thấy trang", status_code=404)
    assertContains(response, "UBND huyện Gia Lộc", status_code=404)


def test_server_error_page_is_vietnamese_and_needs_no_database(client, django_assert_num_queries):
    from django.template.loader import render_to_string

    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Cổng thông tin đang gặp sự cố" in html


def test_the_home_link_is_marked_current_on_the_home_page_only(client):
    home_link = '<a href="/" aria-current="page">'
    assertContains(client.get("/"), home_link)
    assert home_link not in client.get("/tin-tuc/").content.decode()


def test_the_site_name_stands_in_for_an_empty_unit_name(client, site):
    from portal.models import PortalSettings

    portal = PortalSettings.for_site(site)
    portal.unit_name = portal.portal_title = ""
    portal.save()
    site.site_name = "Cổng thử nghiệm"
    site.save()
    response = client.get("/gioi-thieu/")
    assertContains(response, '<span class="brand__unit">Cổng thử nghiệm</span>')
    assertContains(response, "– Cổng thử nghiệm</title>")
