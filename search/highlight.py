"""Marking the searched words in titles and snippets (<mark>), found through folding so "duc xuong" marks
"Đức Xương"."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.folding import fold


def _spans(folded: str, terms) -> list[tuple[int, int]]:
    spans = []
    for term in terms:
        for match in re.finditer(rf"(?<![^\W_]){re.escape(term)}(?![^\W_])", folded):
            spans.append(match.span())
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _render(text: str, spans, start: int = 0, end: int | None = None) -> str:
    end = len(text) if end is None else end
    parts, position = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text: str, terms) -> str:
    """The whole text, escaped, with every searched word marked."""
    text = unicodedata.normalize("NFC", text or "")
    return mark_safe(_render(text, _spans(fold(text), terms)))  # noqa: S308 - every piece is escaped


def snippet(text: str, terms, width: int = 240) -> str:
    """About ``width`` characters around the first searched word, escaped, words marked, cut at word boundaries."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    spans = _spans(fold(text), terms)
    if len(text) <= width:
        return mark_safe(_render(text, spans))  # noqa: S308
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + _render(text, spans, start, end) + suffix)  # noqa: S308
