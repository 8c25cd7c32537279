"""Plain text out of rich text and StreamField content, for search and summaries."""

import html
import re
import unicodedata

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.rich_text import RichText

TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(p|h[1-6]|li|tr|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def plain_code(text: str) -> str:
    """A number, symbol or code as people mean it: compatibility forms as their plain characters (NFKC: full-width
    ``１２/QĐ-UBND`` as 12/QĐ-UBND), spaces trimmed and single. Only for such codes: NFKC would also rewrite
    ligatures and superscripts in prose."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def html_text(markup: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", BLOCK_END.sub("\n", markup or ""))).split())


def value_text(value) -> str:
    """The words of a block value, whatever its shape (rich text, struct, list, stream, table data)."""
    if value is None:
        return ""
    if isinstance(value, RichText):
        return html_text(value.source)
    if isinstance(value, str):
        return html_text(value) if "<" in value else value
    if isinstance(value, StructValue | dict):
        return " ".join(value_text(child) for child in value.values())
    if isinstance(value, StreamValue):
        return " ".join(value_text(child.value) for child in value)
    if isinstance(value, ListValue | list | tuple):
        return " ".join(value_text(child) for child in value)
    return ""
