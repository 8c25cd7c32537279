"""Search and open data across the province: the province portal's search covers every component portal, with the
unit as a filter and named on each result; a component's search covers its own pages and what the province shares
with it; the open-data API answers per site, and on the province's host for all. (The demo portal, the default site,
plays the province.)"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from news.models import NewsArticlePage, NewsCategory
from portal.models import HiddenSharedPage
from portal.tree import publish
from province.components import ComponentUnit, UnitKind, create_component_site

pytestmark = pytest.mark.django_db

AN_LAC, TAN_HUNG = "anlac.haiphong.gov.vn", "tanhung.haiphong.gov.vn"


def article(site, title, slug):
    index = site.root_page.get_children().get(slug="tin-tuc")
    page = NewsArticlePage(title=title, slug=slug, lead=f"{title}.", primary_category=NewsCategory.objects.first())
    return publish(index, page)


@pytest.fixture
def communes():
    """Two component portals, each with an article whose words no other page has."""
    made = {}
    for host, name, title in [
        (AN_LAC, "An Lạc", "Lễ hội vải thiều Thanh Hà"),
        (TAN_HUNG, "Tân Hưng", "Giải đua thuyền rồng truyền thống"),
    ]:
        site = create_component_site(ComponentUnit(name, UnitKind.COMMUNE, host)).site
        made[host] = {"site": site, "article": article(site, title, host.split(".")[0] + "-bai")}
    return made


@pytest.fixture
def province_article(site):
    return NewsArticlePage.objects.live().in_site(site).order_by("-display_date").first().specific


def search(client, host, query, **filters):
    response = client.get("/tim-kiem/", {"q": query, **filters}, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def test_the_province_search_finds_a_communes_article_without_marks_and_names_its_unit(communes, client):
    text = search(client, "localhost", "le hoi vai thieu")
    assert "Lễ hội vải thiều" in text.replace("<mark>", "").replace("</mark>", "")
    result = text[text.index("search-result__meta") :]
    assert "Xã An Lạc" in result[: result.index("</p>")], "each result names its unit"
    assert f"http://{AN_LAC}/tin-tuc/" in text, "the result links to its own portal's address"


def test_the_unit_filter_narrows_the_province_search(communes, client):
    assert "Giải đua thuyền" in search(client, "localhost", "dua thuyen").replace("<mark>", "").replace("</mark>", "")
    assert "search-result__title" not in search(client, "localhost", "dua thuyen", don_vi="anlac")
    assert "search-result__title" in search(client, "localhost", "dua thuyen", don_vi="tanhung")
    page = search(client, "localhost", "dua thuyen", don_vi="khong-co")
    assert "search-result__title" in page, "an unknown unit is left out"
    assert "Đơn vị" in page[page.index("notice-message") :], "the message names the filter left out"


def test_the_unit_filter_is_offered_on_the_province_portal_only(communes, client):
    assert 'name="don_vi"' in search(client, "localhost", "ubnd")
    assert 'name="don_vi"' not in search(client, AN_LAC, "ubnd")


def test_a_components_search_covers_its_own_pages_and_what_the_province_shares(communes, province_article, client):
    words = " ".join(province_article.title.split()[:6])
    assert "search-result__title" not in search(client, AN_LAC, "vai thieu thanh ha dua thuyen")
    assert "search-result__title" not in search(client, AN_LAC, "dua thuyen rong"), "nothing of another commune"
    assert province_article.full_url not in search(client, AN_LAC, words), "nothing of the province unless shared"
    province_article.share_with_components = True
    province_article.save_revision().publish()
    found = search(client, AN_LAC, words)
    assert f'href="{province_article.full_url}"' in found
    meta = found[found.index("search-result__meta") :]
    assert "huyện Gia Lộc" in meta[: meta.index("</p>")], "a result of the province names the province"
    HiddenSharedPage.objects.create(site=communes[AN_LAC]["site"], page=province_article)
    assert f'href="{province_article.full_url}"' not in search(client, AN_LAC, words), "hidden there"
    assert f'href="{province_article.full_url}"' in search(client, TAN_HUNG, words)


def test_suggestions_follow_the_same_scope(communes, client):
    def titles(host, query):
        response = client.get("/tim-kiem/goi-y/", {"q": query}, HTTP_HOST=host)
        return [item["title"] for item in response.json()["suggestions"]]

    assert "Lễ hội vải thiều Thanh Hà" in titles("localhost", "le hoi vai")
    assert titles(TAN_HUNG, "le hoi vai") == []


def test_the_open_data_api_answers_for_every_unit_on_the_province_host(communes, client):
    def titles(host, **filters):
        response = client.get(
            "/api/v2/pages/", {"type": "news.NewsArticlePage", "limit": 20, **filters}, HTTP_HOST=host
        )
        assert response.status_code == 200, response.content
        return {item["title"]: item["meta"]["unit"] for item in response.json()["items"]}

    province = titles("localhost", search="vai thieu")
    assert province["Lễ hội vải thiều Thanh Hà"] == {"slug": "anlac", "name": "Xã An Lạc", "host": AN_LAC}
    assert set(titles("localhost", unit="tanhung")) == {"Giải đua thuyền rồng truyền thống"}
    assert set(titles(AN_LAC)) == {"Lễ hội vải thiều Thanh Hà"}, "a component answers for itself"
    response = client.get("/api/v2/pages/", {"unit": "tanhung"}, HTTP_HOST=AN_LAC)
    assert response.status_code == 400 and "anlac" in response.json()["message"]


def test_the_province_search_takes_the_same_queries_with_two_and_four_portals(communes, client):
    def measure():
        search(client, "localhost", "le hoi")
        with CaptureQueriesContext(connection) as queries:
            search(client, "localhost", "le hoi")
        return len(queries)

    two = measure()
    for host, name in [("hongphong.haiphong.gov.vn", "Hồng Phong"), ("minhduc.haiphong.gov.vn", "Minh Đức")]:
        site = create_component_site(ComponentUnit(name, UnitKind.COMMUNE, host)).site
        article(site, f"Lễ hội làng {name}", host.split(".")[0] + "-le-hoi")
    assert Site.objects.count() == 5
    assert measure() == two


def test_a_moved_page_is_found_where_it_went_and_a_private_destination_hides_it(communes, client):
    from wagtail.actions.move_page import MovePageAction
    from wagtail.models import PageViewRestriction

    article = communes[AN_LAC]["article"]
    tan_hung_news = communes[TAN_HUNG]["site"].root_page.get_children().get(slug="tin-tuc")
    an_lac_news = article.get_parent()

    def move(to):
        target = type(to).objects.get(pk=to.pk)  # fresh: treebeard reads the number of children from the instance
        MovePageAction(NewsArticlePage.objects.get(pk=article.pk), target, pos="last-child").execute(
            skip_permission_checks=True
        )

    move(tan_hung_news)
    assert "Lễ hội vải thiều" in search(client, TAN_HUNG, "vai thieu thanh ha").replace("<mark>", "").replace(
        "</mark>", ""
    )
    assert "search-result__title" not in search(client, AN_LAC, "vai thieu thanh ha")
    PageViewRestriction.objects.create(page=an_lac_news, restriction_type=PageViewRestriction.LOGIN)
    move(an_lac_news)
    assert "search-result__title" not in search(client, AN_LAC, "vai thieu thanh ha"), "now private"
    assert "search-result__title" not in search(client, TAN_HUNG, "vai thieu thanh ha")
    PageViewRestriction.objects.all().delete()
    move(tan_hung_news)
    assert "search-result__title" in search(client, TAN_HUNG, "vai thieu thanh ha"), "public again where it went"
