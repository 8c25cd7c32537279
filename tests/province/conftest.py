from wagtail.models import Site

import pytest


@pytest.fixture(autouse=True)
def site_root_paths_forgotten():
    """Wagtail keeps the sites' root paths in the cache and empties it when a site is saved or deleted, which the
    rollback after each test does not do: forget them, or the next tests would build addresses for sites that no
    longer exist."""
    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()
