"""The body of an old portal's article, made into what the portal's rich-text editor itself saves.

Two steps. nh3 (the Rust ``ammonia`` sanitiser) removes what must never get through: scripts, styles, frames,
objects and forms with their content, every attribute but a link's address, addresses that are not http(s),
mailto or tel (``javascript:``, ``data:``), comments. Then the clean tree is rewritten in Wagtail's rich-text
database format, limited to the paragraph features of ``home.blocks.BodyBlock`` (``PARAGRAPH_FEATURES``): paragraphs,
line breaks, bold, italic, links, bulleted and numbered lists, superscript, subscript. Headings become heading blocks
between paragraph blocks; other containers (div, blockquote, table rows) become paragraphs, and tags without a
meaning here (span, font, u, img …) are dropped with their text kept.
"""

import html
import re
import unicodedata
from html.parser import HTMLParser

import nh3

HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
HEADING_MAX_LENGTH = 255  # HeadingBlock.text
INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup", "sub": "sub", "a": "a"}
LISTS = {"ul", "ol"}
# Containers whose content is a paragraph of its own (or several).
BLOCKS = {
    "p", "div", "blockquote", "section", "article", "header", "footer", "aside", "main", "center", "pre", "address",
    "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "caption", "dl", "dt", "dd", "hr", "form",
    "fieldset", "details", "summary", "nav",
}  # fmt: skip
CELLS = {"td", "th"}
# What nh3 keeps (the rest is unwrapped, its text kept) and what it removes with everything inside.
KEPT_TAGS = {"br", "li", "span", "font", "u", "small", "big", *HEADING_LEVELS, *INLINE, *LISTS, *BLOCKS, *CELLS}
REMOVED_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template", "svg",
    "math", "select", "textarea", "button", "title", "head", "audio", "video", "canvas", "map",
}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto", "tel"}
WHITESPACE = re.compile(r"[ \t\n\r\f]+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean(markup: str) -> str:
    """The first step: nh3 with the allow-list above (on composed Unicode without control characters)."""
    markup = CONTROL.sub("", unicodedata.normalize("NFC", markup or ""))
    return nh3.clean(
        markup,
        tags=KEPT_TAGS - REMOVED_WITH_CONTENT,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


class _Converter(HTMLParser):
    """Walks nh3's (well-formed) output and writes stream blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self.rich: list[str] = []  # the <p> and lists of the paragraph block being built
        self.parts: list[str] = []  # the paragraph (or list item) being built
        self.inline: list[tuple[str, str]] = []  # open inline tags: (name, opening markup)
        self.list_depth = 0
        self.items: list[str] = []  # the items of the list being built
        self.in_item = False
        self.heading: list[str] | None = None
        self.heading_level = "h2"

    # Paragraphs ---------------------------------------------------------------------------------------------------
    def has_text(self) -> bool:
        text = re.sub(r"<[^>]*>", "", "".join(self.parts))
        return bool(html.unescape(text).replace("\xa0", " ").strip())

    def take_paragraph(self) -> str:
        """The text gathered so far, with open inline tags closed (and reopened for what follows)."""
        closing = "".join(f"</{name}>" for name, _opening in reversed(self.inline))
        content = "".join(self.parts) + closing
        self.parts = [opening for _name, opening in self.inline]
        content = content.strip()
        content = re.sub(r"^(<br/>\s*)+|(\s*<br/>)+$", "", content)
        return content if self.has_text_in(content) else ""

    @staticmethod
    def has_text_in(content: str) -> bool:
        text = html.unescape(re.sub(r"<[^>]*>", "", content))
        return bool(text.replace("\xa0", " ").strip())

    def end_paragraph(self):
        if self.in_item:
            return
        content = self.take_paragraph()
        if content:
            self.rich.append(f"<p>{content}</p>")

    def end_item(self):
        if self.in_item:
            self.in_item = False
            content = self.take_paragraph()
            if content:
                self.items.append(f"<li>{content}</li>")

    def end_rich_block(self):
        self.end_paragraph()
        if self.rich:
            self.blocks.append({"type": "paragraph", "value": "".join(self.rich)})
            self.rich = []

    def space(self):
        if self.parts and not self.parts[-1].endswith(" "):
            self.parts.append(" ")

    def text(self, data: str):
        if self.heading is not None:
            self.heading.append(data)
            return
        data = WHITESPACE.sub(" ", data)
        if not "".join(self.parts).strip() and not data.strip():
            return
        if data.startswith(" ") and self.parts and self.parts[-1].endswith(" "):
            data = data[1:]
        if self.list_depth and not self.in_item:  # text inside a list but outside its items: an item of its own
            self.in_item = True
        self.parts.append(html.escape(data, quote=False))

    # Parser events ------------------------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag in HEADING_LEVELS:
            self.end_item()
            self.end_rich_block()
            self.heading, self.heading_level = [], HEADING_LEVELS[tag]
        elif self.heading is not None:
            if tag == "br":
                self.heading.append(" ")
        elif tag in LISTS:
            if self.list_depth == 0:
                self.end_paragraph()
                self.list_tag, self.items = tag, []
            else:
                self.end_item()  # a nested list: its items join the outer list
            self.list_depth += 1
        elif tag == "li":
            self.end_item()
            if self.list_depth == 0:  # an item outside any list is a paragraph
                self.end_paragraph()
            else:
                self.in_item = True
                self.parts = [opening for _name, opening in self.inline]
        elif tag in BLOCKS:
            if self.in_item:
                self.space()
            else:
                self.end_paragraph()
        elif tag in CELLS:
            self.space()
        elif tag == "br":
            self.parts.append("<br/>")
        elif tag in INLINE:
            name = INLINE[tag]
            if name == "a":
                href = dict(attrs).get("href") or ""
                if not href:
                    self.inline.append(("", ""))
                    return
                opening = f'<a href="{html.escape(href, quote=True)}">'
            else:
                opening = f"<{name}>"
            self.inline.append((name, opening))
            self.parts.append(opening)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in HEADING_LEVELS:
            if self.heading is None:
                return
            text = " ".join("".join(self.heading).split())
            self.heading = None
            if not text:
                return
            if len(text) > HEADING_MAX_LENGTH:  # too long for a heading: a bold paragraph
                self.rich.append(f"<p><b>{html.escape(text, quote=False)}</b></p>")
            else:
                self.blocks.append({"type": "heading", "value": {"text": text, "level": self.heading_level}})
        elif self.heading is not None:
            return
        elif tag in LISTS:
            self.list_depth = max(0, self.list_depth - 1)
            if self.list_depth == 0:
                self.end_item()
                if self.items:
                    self.rich.append(f"<{self.list_tag}>{''.join(self.items)}</{self.list_tag}>")
                self.items = []
                self.parts = [opening for _name, opening in self.inline]
        elif tag == "li":
            self.end_item()
        elif tag in BLOCKS:
            if self.in_item:
                self.space()
            else:
                self.end_paragraph()
        elif tag in CELLS:
            self.space()
        elif tag in INLINE:
            name = INLINE[tag]
            for position in range(len(self.inline) - 1, -1, -1):
                if self.inline[position][0] == name or (name == "a" and self.inline[position][0] == ""):
                    opened = self.inline.pop(position)[0]
                    if opened:
                        self.parts.append(f"</{opened}>")
                    break

    def handle_data(self, data):
        self.text(data)

    def close(self):
        super().close()
        self.end_item()
        if self.list_depth:
            self.list_depth = 1
            self.handle_endtag(self.list_tag)
        self.inline = []
        self.end_rich_block()


def body_blocks(markup: str) -> list[dict]:
    """StreamField data for ``home.blocks.BodyBlock``: paragraph blocks (rich text in Wagtail's database format) and
    heading blocks, from any HTML."""
    converter = _Converter()
    converter.feed(clean(markup))
    converter.close()
    return converter.blocks


def plain_text(markup: str) -> str:
    """The words of some HTML, for a summary."""
    text = re.sub(r"<[^>]*>", " ", clean(markup))
    return " ".join(html.unescape(text).split())
