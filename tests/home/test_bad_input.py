"""Bad input in the address never gives a server error: it gives a normal page or a clear message."""

import pytest
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["abc", "-1", "0", "999999", "99999999999999999999999", "1.5", "", "%00", "２"])
@pytest.mark.parametrize(
    "url", ["/tin-tuc/", "/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/", "/thong-bao/", "/tim-kiem/?q=gia"]
)
def test_any_page_number_gives_a_normal_listing_page(client, url, value):
    separator = "&" if "?" in url else "?"
    response = client.get(f"{url}{separator}page={value}")
    assert response.status_code == 200


def test_page_number_out_of_range_shows_the_last_page(client):
    response = client.get("/tin-tuc/?page=999999")
    page = response.context["articles"]
    assert page.number == page.paginator.num_pages


def test_overlong_search_is_cut_with_a_message(client):
    response = client.get("/tim-kiem/", {"q": "cải cách " * 100})
    assert response.status_code == 200
    assert len(response.context["search_query"]) == 200
    assertContains(response, "quá dài")


@pytest.mark.parametrize(
    "query", ["", "   ", "<script>alert(1)</script>", "'; DROP TABLE wagtailcore_page; --", "\x00"]
)
def test_strange_search_words_are_answered_safely(client, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
