"""Visitor tests count from zero, and tests that commit bring their own pages.

The demo's month of reading history is removed first (inside each test's transaction). Tests that commit start from
the migrated database (the rollback of serialized data) and add the pages they count: the flush after each such test
empties the database, so they cannot rely on the demo."""

from wagtail.models import Page

import pytest

from home.models import HomePage, StandardPage
from visitors.models import DailyCount, PageDailyCount


@pytest.fixture(autouse=True)
def no_reading_history():
    """Every test here is marked for the database, which pytest-django opens before this runs."""
    DailyCount.objects.all().delete()
    PageDailyCount.objects.all().delete()


@pytest.fixture
def committed_pages():
    # The restored home page may sit over pages committed before (the demo, for the first such test): recount its
    # children so new ones get free places in the tree.
    Page.fix_tree()
    home = HomePage.objects.get()
    return [home.add_child(instance=StandardPage(title=f"Trang {n}", slug=f"trang-dem-{n}")) for n in range(4)]
