"""Building the page tree from code as an editor would: each page added under its parent and published through a
revision, so it has the history, log entries and search rows of a page made in the admin."""

import datetime

from wagtail.models import Page


def publish(parent: Page, page: Page, published_at: datetime.datetime | None = None) -> Page:
    """Add ``page`` under ``parent`` and publish it through a revision."""
    parent.add_child(instance=page)
    return republish(page, published_at)


def republish(page: Page, published_at: datetime.datetime | None = None) -> Page:
    """Publish the page's current state as a new revision, keeping a historic publication date if given."""
    page.save_revision().publish()
    if published_at is not None:
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=published_at, last_published_at=published_at, latest_revision_created_at=published_at
        )
        page.refresh_from_db()
    return page


def child_by_slug(parent: Page, slug: str):
    return parent.get_children().filter(slug=slug).specific().first()
