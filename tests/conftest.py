"""Shared fixtures: the demo portal is loaded once per test session and every test runs in a rolled-back transaction."""

from django.core.management import call_command

from wagtail.models import Site

import pytest

from home.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", "--single-site", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(db):
    return HomePage.objects.get()


def pytest_collection_modifyitems(items):
    """Tests that commit (transactional ones) run after the others, since the flush after them empties the database;
    browser tests, which use a database of their own, run last."""

    def commits(item):
        marker = item.get_closest_marker("django_db")
        return bool(marker and marker.kwargs.get("transaction"))

    items.sort(key=lambda item: (item.get_closest_marker("browser") is not None, commits(item)))


def pytest_collection_finish(session):
    """With ``--dist loadgroup`` each test of an ``xdist_group`` must carry the group's name in its id, which is how
    pytest-xdist keeps the group on one worker. Some pytest releases silently lose it (pytest-dev/pytest-xdist#1386),
    and the browser tests' portal would then be built on every worker: stop the run instead."""
    if not getattr(session.config.option, "loadgroup", False):
        return
    lost = [item.nodeid for item in session.items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
    if lost:
        raise pytest.UsageError(f"pytest-xdist could not group {len(lost)} tests, e.g. {lost[0]}: check the versions")
