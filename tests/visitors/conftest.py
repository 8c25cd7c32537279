"""Tests that commit start from the migrated database (the rollback of serialized data) and add the pages they count.

They cannot rely on the demo: the flush after each such test empties the database."""

from wagtail.models import Page

import pytest

from home.models import HomePage, StandardPage


@pytest.fixture
def committed_pages():
    # The restored home page may sit over pages committed before (the demo, for the first such test): recount its
    # children so new ones get free places in the tree.
    Page.fix_tree()
    home = HomePage.objects.get()
    return [home.add_child(instance=StandardPage(title=f"Trang {n}", slug=f"trang-dem-{n}")) for n in range(4)]
