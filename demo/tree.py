"""Building blocks of the demo: pages made once (``ensure_child``), body text as blocks, and the report of what a
load created. Publishing itself is ``portal.tree``."""

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.html import escape

from wagtail.models import Page

from portal.tree import child_by_slug, publish

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


def ensure_child(parent: Page, page: Page, report: Report) -> Page:
    """``parent``'s child with ``page``'s slug; ``page`` itself, published, when there is none yet."""
    existing = child_by_slug(parent, page.slug)
    if existing is not None:
        return existing
    report.add(f"page {page.slug}")
    return publish(parent, page)
