"""A component portal's public pages, and the province's home page and search, take the same number of SQL queries
with 2 component portals as with 20: nothing a citizen asks for reads the sites one by one. Query counts are
deterministic and asserted; times are measured by bench/province.py (docs/performance.md), never here.

Each portal is made by ``create_component_site`` (its tree, settings, menus, side column, boxes, groups, workflow)
and publishes one article whose words every other portal's article has too, so the province's search finds a result
from every unit; the province shares an article and a notice with them all.
"""

from django.test import Client

import pytest

from news.models import NewsArticlePage, NewsCategory
from notices.models import NoticePage
from portal.tree import publish
from province.components import ComponentUnit, UnitKind, create_component_site
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

PROVINCE = "localhost"
FIRST, MORE = 2, 20
QUESTION = "?q=cai+cach+hanh+chinh"


def commune(number: int):
    unit = ComponentUnit(f"Thử {number:02d}", UnitKind.COMMUNE, f"thu{number:02d}.haiphong.gov.vn")
    site = create_component_site(unit).site
    news = site.root_page.get_children().get(slug="tin-tuc")
    article = NewsArticlePage(
        title=f"Xã Thử {number:02d} đẩy mạnh cải cách hành chính",
        slug="cai-cach-hanh-chinh",
        lead="Một cửa liên thông, dịch vụ công trực tuyến và cải cách hành chính ở xã.",
        primary_category=NewsCategory.objects.order_by("pk").first(),
    )
    publish(news, article)
    return site


def shared_by_the_province():
    for model in (NewsArticlePage, NoticePage):
        page = model.objects.live().order_by("-first_published_at").first()
        page.share_with_components = True
        page.save_revision().publish()


def pages(first_host: str) -> list[tuple[str, str]]:
    """(host, url) of every page counted."""
    return [
        (first_host, "/"),
        (first_host, "/tin-tuc/"),
        (first_host, "/tin-tuc/cai-cach-hanh-chinh/"),
        (first_host, "/thong-bao/"),
        (first_host, "/van-ban/"),
        (first_host, f"/tim-kiem/{QUESTION}"),
        (PROVINCE, "/"),
        (PROVINCE, f"/tim-kiem/{QUESTION}"),
        (PROVINCE, f"/tim-kiem/{QUESTION}&don_vi=thu01"),
    ]


def counted(settings, urls) -> dict:
    """Each page's queries rendered in full (the first render after a change) and with the layout's fragments kept
    (every other render the page cache misses), each after one warming request."""
    found = {}
    for keep_layout in (False, True):
        settings.FRAGMENT_CACHE_SECONDS = 600 if keep_layout else 0
        for host, url in urls:
            found[(host, url, "layout kept" if keep_layout else "in full")] = count_queries(Client(HTTP_HOST=host), url)
    return found


def test_pages_take_the_same_queries_with_2_and_with_20_component_portals(settings):
    shared_by_the_province()
    sites = [commune(number) for number in range(1, FIRST + 1)]
    urls = pages(sites[0].hostname)
    with_two = counted(settings, urls)

    sites += [commune(number) for number in range(FIRST + 1, MORE + 1)]
    with_twenty = counted(settings, urls)

    province_search = Client(HTTP_HOST=PROVINCE).get(f"/tim-kiem/{QUESTION}").content.decode()
    assert province_search.count("Xã Thử") >= 20, "the province's search found the 20 portals' articles"
    assert with_twenty == with_two, {key: (with_two[key], with_twenty[key]) for key in with_two}
