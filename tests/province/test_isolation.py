"""Two component portals on one installation: what each host answers holds its own content and nothing of the
other's, for every kind of public answer (page, listing, feed, calendar, sitemap, robots.txt, search, suggestion,
open data, visitor counter, cached page), checked both ways."""

import json

from django.core.cache import cache, caches
from django.utils import timezone

from wagtail.models import Site

import pytest

from news.models import NewsArticlePage, NewsCategory
from notices.enums import Weekday
from notices.models import NoticePage, ScheduleEntry, WorkWeekPage
from notices.weeks import Week
from portal.tree import publish
from province.components import ComponentUnit, UnitKind, create_component_site
from visitors import counting
from visitors.models import DailyCount, PageDailyCount

pytestmark = pytest.mark.django_db

# Each site's content carries a word found nowhere else, so its absence from the other host is meaningful.
COMMUNES = {
    "anlac.haiphong.gov.vn": ("An Lạc", "vải thiều"),
    "tanhung.haiphong.gov.vn": ("Tân Hưng", "đua thuyền"),
}


@pytest.fixture
def communes():
    """Per host: the site, its article, its notice and its schedule row, each titled with the host's own word."""
    made = {}
    for host, (name, word) in COMMUNES.items():
        site = create_component_site(ComponentUnit(name, UnitKind.COMMUNE, host)).site
        home, key = site.root_page, host.split(".")[0]
        article = publish(
            home.get_children().get(slug="tin-tuc"),
            NewsArticlePage(
                title=f"Hội thi {word} xã {name}",
                slug=f"hoi-thi-{key}",
                lead=f"Tin về {word}.",
                primary_category=NewsCategory.objects.first(),
            ),
        )
        notice = publish(
            home.get_children().get(slug="thong-bao"),
            NoticePage(title=f"Thông báo mùa {word}", slug=f"thong-bao-{key}", summary=f"Mùa {word}."),
        )
        week = WorkWeekPage(week_start=Week.containing(timezone.localdate()).start)
        week.set_title_from_week()
        week.entries = [ScheduleEntry(weekday=Weekday.MONDAY, content=f"Họp bàn mùa {word}")]
        publish(home.get_children().get(slug="lich-lam-viec"), week)
        made[host] = {"site": site, "word": word, "article": article, "notice": notice}
    return made


def each_way(communes):
    """(host, its own word, the other host's word) for both hosts."""
    (one, two) = communes
    return [(one, communes[one]["word"], communes[two]["word"]), (two, communes[two]["word"], communes[one]["word"])]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/tin-tuc/",
        "/tin-tuc/rss/",
        "/thong-bao/",
        "/thong-bao/rss/",
        "/lich-lam-viec/",
        "/lich-lam-viec/ical/",
        "/tim-kiem/?q=hoi+thi",
        "/tim-kiem/goi-y/?q=hoi+thi",
        "/api/v2/pages/?type=news.NewsArticlePage&fields=title",
        "/api/v2/pages/?search=mua",
    ],
)
def test_each_host_answers_with_its_own_content_only(communes, client, path):
    for host, own, other in each_way(communes):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (host, path)
        text = response.content.decode()
        if path.startswith("/api/") or path.startswith("/tim-kiem/goi-y/"):
            text = json.dumps(response.json(), ensure_ascii=False)
        assert own in text, (host, path)
        assert other not in text, (host, path)


def test_a_page_of_one_host_is_not_found_on_the_other(communes, client):
    for host, made in communes.items():
        other = next(h for h in communes if h != host)
        for page in (made["article"], made["notice"]):
            path = page.relative_url(made["site"])
            assert client.get(path, HTTP_HOST=host).status_code == 200
            assert client.get(path, HTTP_HOST=other).status_code == 404


def test_sitemap_and_robots_name_only_the_host_that_asked(communes, client):
    for host, made in communes.items():
        other = next(h for h in communes if h != host)
        sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
        assert made["article"].slug in sitemap
        assert communes[other]["article"].slug not in sitemap
        assert other not in sitemap
        robots = client.get("/robots.txt", HTTP_HOST=host).content.decode()
        assert f"http://{host}/sitemap.xml" in robots


def test_the_visitor_counter_counts_a_page_only_on_its_own_host(communes, client):
    cache.clear()
    for host, made in communes.items():
        other = next(h for h in communes if h != host)
        article = made["article"]
        beacon = {"data": json.dumps({"page": article.pk}), "content_type": "application/json"}
        agent = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"}
        assert client.post("/luot-truy-cap/", HTTP_HOST=other, **beacon, **agent).status_code == 404
        assert client.post("/luot-truy-cap/", HTTP_HOST=host, **beacon, **agent).json()["counted"] is True
    counting.store().flush()
    for made in communes.values():
        assert PageDailyCount.objects.get(page=made["article"]).views == 1
        assert DailyCount.objects.get(site=made["site"]).views == 1


def test_cached_pages_are_kept_per_host(communes, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    for _ in range(2):  # the second round is answered from the cache
        for host, own, other in each_way(communes):
            text = client.get("/tin-tuc/", HTTP_HOST=host).content.decode()
            assert own in text and other not in text


def test_an_unknown_host_gets_the_default_portal_never_a_component(communes, client):
    default = Site.objects.get(is_default_site=True)
    text = client.get("/", HTTP_HOST="khong-co.haiphong.gov.vn").content.decode()
    assert default.site_name in text
    for made in communes.values():
        assert made["word"] not in text
