"""Each page type's database queries when rendered without the page cache: a stated budget, asserted.

Rendered pages are what the page cache is filled with and what signed-in editors always get. The counts do not grow
with the content (tests/home, tests/notices, tests/documents and tests/gallery multiply the content and compare);
these budgets keep them from creeping up. A budget is the count measured alone plus a small margin: the same page
runs up to three queries more or fewer in a long test run, as per-process caches (the site lookup, renditions) are
warm or not. Figures and what they are made of: docs/performance.md."""

import pytest

from documents.models import LegalDocumentPage
from gallery.models import AlbumPage, VideoPage
from news.models import NewsArticlePage
from notices.models import NoticePage
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

BUDGETS = {
    "home": 52,
    "article": 45,
    "listing": 38,
    "notice": 40,
    "exam schedule": 19,
    "work schedule": 22,
    "library": 42,
    "document": 44,
    "album": 36,
    "video": 33,
    "search": 36,  # PostgreSQL asks each search question in one to four statements (search/engines.py)
}

# The same pages when the layout's fragments (side column, footer, menus) are kept, as they are for every render
# but the first after a change: what a page the page cache misses usually costs (measured + 3).
BUDGETS_WITH_LAYOUT_KEPT = {
    "home": 32,
    "article": 24,
    "listing": 18,
    "notice": 20,
    "exam schedule": 14,
    "work schedule": 17,
    "library": 22,
    "document": 24,
    "album": 16,
    "video": 13,
    "search": 16,
}


def first_url(model):
    return model.objects.live().order_by("pk").first().url


@pytest.fixture
def urls():
    return {
        "home": "/",
        "article": first_url(NewsArticlePage),
        "listing": "/tin-tuc/",
        "notice": first_url(NoticePage),
        "exam schedule": "/thong-bao/lich-thi/",
        "work schedule": "/lich-lam-viec/",
        "library": "/van-ban/",
        "document": first_url(LegalDocumentPage),
        "album": first_url(AlbumPage),
        "video": first_url(VideoPage),
        "search": "/tim-kiem/?q=cai+cach+hanh+chinh",
    }


@pytest.mark.parametrize("page_type", BUDGETS)
def test_page_type_stays_within_its_query_budget(client, urls, page_type):
    queries = count_queries(client, urls[page_type])
    assert queries <= BUDGETS[page_type], f"{page_type}: {queries} queries, budget {BUDGETS[page_type]}"


@pytest.mark.parametrize("page_type", BUDGETS_WITH_LAYOUT_KEPT)
def test_page_type_with_the_layout_kept_stays_within_its_query_budget(client, settings, urls, page_type):
    settings.FRAGMENT_CACHE_SECONDS = 600
    queries = count_queries(client, urls[page_type])
    budget = BUDGETS_WITH_LAYOUT_KEPT[page_type]
    assert queries <= budget, f"{page_type}: {queries} queries with the layout kept, budget {budget}"
