"""The layout's fragments (side column, footer, menus): rendered once for every page, emptied with the page cache."""

import re

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import NewsArticlePage
from notices.models import NoticePage
from pagecache import fragments, store
from portal.models import MenuItem, PortalSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def articles():
    return list(NewsArticlePage.objects.live().order_by("-display_date")[:2])


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def part(html, tag):
    """The element ``tag`` of the layout (the side column's <aside>, the <footer>, the main <nav>)."""
    return re.search(rf"<{tag}\b.*?</{tag}>", html, re.S).group(0)


def test_the_layout_is_rendered_once_and_kept_for_every_other_page(client, settings, articles):
    first, second = articles
    render(client, first.url)  # fills the fragments
    render(client, second.url)  # and the caches of the page's own parts (renditions, site lookup)
    kept_html, kept = render(client, second.url)

    settings.FRAGMENT_CACHE_SECONDS = 0
    fresh_html, fresh = render(client, second.url)

    for tag in ("aside", "footer", "nav"):
        assert part(kept_html, tag) == part(fresh_html, tag), tag
    # The side column's seven boxes, the footer's menu and the main menu's dropdowns run no query while kept.
    assert kept <= fresh - 12, (kept, fresh)


def test_publishing_shows_at_once_in_the_kept_side_column(client, articles):
    notice = NoticePage.objects.live().order_by("-issued_on").first()
    html, _ = render(client, articles[0].url)
    assert notice.title in part(html, "aside")

    notice.title = "Thông báo đã sửa tiêu đề cho cột bên"
    notice.save_revision().publish()
    html, _ = render(client, articles[1].url)
    assert "Thông báo đã sửa tiêu đề cho cột bên" in part(html, "aside")


def test_a_menu_change_shows_at_once_in_the_kept_header(client, articles):
    main_menu = PortalSettings.objects.get().main_menu
    item = main_menu.items.order_by("sort_order").first()
    html, _ = render(client, articles[0].url)
    assert item.title in part(html, "nav")

    item.label = "Mục menu đã đổi tên"
    item.save()
    html, _ = render(client, articles[1].url)
    assert "Mục menu đã đổi tên" in part(html, "nav")
    assert MenuItem.objects.filter(label="Mục menu đã đổi tên").count() == 1


def test_a_fragment_is_built_once_per_generation_and_per_vary_value(settings):
    built = []

    def build():
        built.append(1)
        return len(built)

    assert fragments.cached("example", build, "portal.example") == 1
    assert fragments.cached("example", build, "portal.example") == 1
    assert fragments.cached("example", build, "other.example") == 2  # another host has its own
    store.invalidate("test")
    assert fragments.cached("example", build, "portal.example") == 3

    settings.FRAGMENT_CACHE_SECONDS = 0
    assert fragments.cached("example", build, "portal.example") == 4
    assert fragments.cached("example", build, "portal.example") == 5
