"""The article page: byline in the portal's style, keywords, share links, other and related news, JSON-LD, print."""

import json
import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from news.models import NewsArticlePage, RelatedArticle

pytestmark = pytest.mark.django_db
REFORM = "gia-loc-dot-pha-cai-cach-hanh-chinh-2023"


@pytest.fixture
def reform():
    return NewsArticlePage.objects.get(slug=REFORM)


def test_byline_reads_like_the_portal(client, reform):
    assertContains(client.get(reform.url), "Biên tập: Vũ Minh Giáo – ngày 07/02/2023")


def test_breadcrumb_goes_through_the_primary_category(client, reform):
    soup = BeautifulSoup(client.get(reform.url).content, "html.parser")
    crumbs = [item.get_text(strip=True) for item in soup.select(".breadcrumbs li")]
    assert crumbs == ["Trang chủ", "Tin tức", "Cải cách hành chính", reform.title]


def test_keywords_link_to_their_listings(client, reform):
    soup = BeautifulSoup(client.get(reform.url).content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".article__tags a")}
    assert links["cải cách hành chính"] == "/tin-tuc/the/cai-cach-hanh-chinh/"


def test_share_links_are_plain_links_to_the_canonical_address(client, reform):
    response = client.get(reform.url)
    address = quote(f"http://testserver{reform.url}", safe="")
    assertContains(response, f"https://www.facebook.com/sharer/sharer.php?u={address}")
    assertContains(response, f"https://zalo.me/share?url={address}")
    assertContains(response, f'value="http://testserver{reform.url}" readonly')
    assert b'<script src="http' not in response.content


def test_other_news_are_the_newest_of_the_primary_category_with_dates(client, reform):
    response = client.get(reform.url)
    others = list(response.context["other_articles"])
    assert 6 <= len(others) <= 10
    assert reform not in others
    assert all(article.categories.filter(pk=reform.primary_category_id).exists() for article in others)
    dates = [article.display_date for article in others]
    assert dates == sorted(dates, reverse=True)
    assertContains(response, f"({others[0].display_date.astimezone().strftime('%d/%m/%Y')})")


def test_related_articles_follow_in_the_editors_order(client, reform):
    related = list(reform.related_links.order_by("sort_order").values_list("article__title", flat=True))
    assert related
    response = client.get(reform.url)
    assert [article.title for article in response.context["related_articles"]] == related


def test_unpublished_related_article_is_left_out(client, reform):
    link = RelatedArticle.objects.filter(page=reform).first()
    link.article.unpublish()
    titles = [article.title for article in client.get(reform.url).context["related_articles"]]
    assert link.article.title not in titles


def test_structured_data_describes_a_news_article(client, reform):
    html = client.get(reform.url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == reform.title
    assert data["datePublished"].startswith("2023-02-07")
    assert data["author"] == {"@type": "Person", "name": "Vũ Minh Giáo"}
    assert data["publisher"]["name"] == "UBND huyện Gia Lộc"
    assert data["image"][0].startswith("http://testserver/media/")


def test_structured_data_cannot_be_broken_out_of_by_a_title(client, reform):
    reform.title = "Tin </script><script>alert(1)</script>"
    reform.save_revision().publish()
    html = client.get(reform.url).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_print_view_is_the_article_without_the_portal_frame(client, reform):
    response = client.get(reform.url, {"print": "1"})
    assert response.status_code == 200
    assertTemplateUsed(response, "base_print.html")
    assertContains(response, reform.title)
    assertContains(response, "Biên tập: Vũ Minh Giáo")
    assertContains(response, f"In từ http://testserver{reform.url}")
    assertContains(response, '<meta name="robots" content="noindex">', html=False)
    assertNotContains(response, 'class="main-nav"')
    assertNotContains(response, 'class="layout__side"')


def test_print_link_works_without_javascript(client, reform):
    soup = BeautifulSoup(client.get(reform.url).content, "html.parser")
    assert soup.select_one('a[data-action="print"]')["href"] == "?print=1"
