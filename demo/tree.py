"""Building blocks of the demo: publishing pages as editors do, and the report of what a load created."""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.html import escape

from wagtail.models import Page

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass
class Report:
    """What a load created; empty on a second run."""

    created: list[str] = field(default_factory=list)

    def add(self, what: str):
        self.created.append(what)


def paragraphs_to_stream(items: list[str]) -> list[dict]:
    """Demo body text ("## " heading, "> " quotation, anything else a paragraph) as StreamField data."""
    blocks = []
    for item in items:
        if item.startswith("## "):
            blocks.append({"type": "heading", "value": {"text": item[3:].strip(), "level": "h2"}})
        elif item.startswith("> "):
            text, _, attribution = item[2:].partition(" — ")
            blocks.append({"type": "quote", "value": {"text": text.strip(), "attribution": attribution.strip()}})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{escape(item.strip())}</p>"})
    return blocks


def publish(parent: Page, page: Page, published_at: datetime.datetime | None = None) -> Page:
    """Add ``page`` under ``parent`` and publish it through a revision, as an editor would."""
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


def ensure_child(parent: Page, page: Page, report: Report) -> Page:
    """``parent``'s child with ``page``'s slug; ``page`` itself, published, when there is none yet."""
    existing = child_by_slug(parent, page.slug)
    if existing is not None:
        return existing
    report.add(f"page {page.slug}")
    return publish(parent, page)
