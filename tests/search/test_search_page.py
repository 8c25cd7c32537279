"""The search page: safe with any input, folded, marked, filtered, paged, and never showing hidden pages."""

import datetime

from django.db import connection
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup
from pytest_django.asserts import assertContains

from news.models import NewsArticlePage
from notices.models import NoticePage
from search.models import SearchDocument

pytestmark = pytest.mark.django_db
REFORM = "gia-loc-dot-pha-cai-cach-hanh-chinh-2023"


def results(client, **params):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    return response


def result_urls(response):
    return [hit.url for hit in response.context["results"].hits] if response.context["results"] else []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "cải cách " * 700,
        '"',
        '"cai cach',
        "cai*",
        "NEAR(cai cach)",
        "cai AND cach OR -hanh",
        "(((",
        "^cai",
        "title:cai",
        "{title}: cai",
        "cai\x00cach",
        "\x01\x02\x1f",
        "中文 العربية 😀 cải",
        "'; DROP TABLE search_fts; --",
        "%_%",
    ],
)
def test_any_query_gives_a_normal_page(client, query):
    response = results(client, q=query)
    assert b"<mark><script" not in response.content


def test_without_marks_or_capitals_finds_the_same(client):
    """The same results, in any order (typing the marks ranks exact matches first), on every page."""
    ways = ["cai cach hanh chinh", "Cải cách hành chính", "CAI CACH HANH CHINH", "cải cách hành chính"]
    found = [
        set(result_urls(results(client, q=way))) | set(result_urls(results(client, q=way, page=2))) for way in ways
    ]
    assert found[0] and all(urls == found[0] for urls in found)


def test_results_show_kind_date_marked_title_and_snippet(client):
    response = results(client, q="mot cua")
    soup = BeautifulSoup(response.content, "html.parser")
    first = soup.select_one(".search-result")
    assert first.select_one(".search-result__kind").get_text(strip=True)
    assert first.select_one("time")
    marks = [mark.get_text() for mark in soup.select(".search-result mark")]
    assert any(mark.lower() in {"một", "cửa"} for mark in marks)
    assertContains(response, "kết quả cho")


def test_filter_by_type_and_dates(client):
    response = results(client, q="gia loc", loai="notice")
    assert response.context["results"].hits
    assert {hit.document.kind for hit in response.context["results"].hits} == {"notice"}
    response = results(client, q="gia loc", loai="news", tu="01/02/2023", den="28/02/2023")
    dates = [hit.document.date for hit in response.context["results"].hits]
    assert dates and all(datetime.date(2023, 2, 1) <= day <= datetime.date(2023, 2, 28) for day in dates)


@pytest.mark.parametrize("params", [{"tu": "31/02/2023"}, {"den": "hôm qua"}, {"loai": "khong-co"}])
def test_bad_filters_are_named_and_left_out(client, params):
    response = results(client, q="gia loc", **params)
    assertContains(response, "đã bỏ qua")
    assert response.context["results"].hits


def test_no_results_page_gives_advice(client):
    assertContains(results(client, q="khongcotukhoanay"), "có thể gõ có dấu hoặc không dấu")


def test_suggestions_are_folded_json(client):
    response = client.get("/tim-kiem/goi-y/", {"q": "dua ha"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["suggestions"]]
    assert any("dưa hấu" in title for title in titles)
    assert client.get("/tim-kiem/goi-y/", {"q": "\x00"}).json()["suggestions"] == []
    assert client.post("/tim-kiem/goi-y/", {"q": "dua"}).status_code == 405


@pytest.mark.parametrize("hide", ["unpublish", "private", "scheduled"])
def test_hidden_pages_are_never_found(client, hide):
    article = NewsArticlePage.objects.get(slug=REFORM)
    url = article.url
    assert url in result_urls(results(client, q="dot pha cai cach"))
    if hide == "unpublish":
        article.unpublish()
    elif hide == "private":
        PageViewRestriction.objects.create(page=article.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    else:
        article.unpublish()
        article.go_live_at = timezone.now() + datetime.timedelta(days=2)
        article.save_revision().publish()
    assert url not in result_urls(results(client, q="dot pha cai cach"))
    suggestions = client.get("/tim-kiem/goi-y/", {"q": "Gia Lộc tạo đột"}).json()["suggestions"]
    assert url not in [item["url"] for item in suggestions]


def test_publishing_a_change_updates_the_index(client):
    notice = NoticePage.objects.get(slug="chuong-trinh-thuc-hanh-tiet-kiem-chong-lang-phi-2023")
    notice.title = "Kế hoạch phát triển làng nghề mây tre đan"
    notice.save_revision()
    assert not result_urls(results(client, q='"lang nghe may tre dan"'))
    notice.save_revision().publish()
    assert result_urls(results(client, q='"lang nghe may tre dan"')) == [notice.url]


def test_private_section_hides_everything_below_it(client):
    index = NoticePage.objects.first().get_parent()
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    assert not SearchDocument.objects.filter(path__startswith=index.path).exclude(page=index).exists()
    assert not [url for url in result_urls(results(client, q="thong bao")) if url.startswith("/thong-bao/")]


def test_deleting_pages_leaves_no_full_text_rows():
    NewsArticlePage.objects.get(slug=REFORM).delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts")
            assert cursor.fetchone()[0] == SearchDocument.objects.count()
    assert not SearchDocument.objects.filter(page__slug=REFORM).exists()


def test_rebuild_gives_the_same_index():
    from search import indexer

    before = sorted(SearchDocument.objects.values_list("key", "title", "sort_key"))
    indexer.rebuild()
    after = sorted(SearchDocument.objects.values_list("key", "title"))
    assert [(key, title) for key, title, _sort in before] == after
