"""Addresses typed from Vietnamese titles: the admin's slug field folds Vietnamese letters to their base letter.

Wagtail's admin makes a page's slug from its title in the browser; with ``WAGTAIL_ALLOW_UNICODE_SLUGS = False`` its
transliteration knows no Vietnamese, so "Gia Lộc khai trương điểm" became ``gia-lc-khai-trng-djim`` (marked letters
dropped, đ turned into the Serbian "dj"). The slug widget applies these formatters first, so the same title becomes
``gia-loc-khai-truong-diem``, the way the portal folds Vietnamese everywhere else (``search.folding``).
"""

from django.db import models

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

BASE_LETTERS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}

# Marks typed as separate combining characters (some keyboards and pasted text) are dropped; then each marked letter,
# in either case, becomes its base letter.
FORMATTERS = [
    ("[\u0300-\u036f]", ""),
    *((f"[{letters}{letters.upper()}]", base) for base, letters in BASE_LETTERS.items()),
]


class VietnameseSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=[*FORMATTERS, *(formatters or [])], locale=locale)


def use_vietnamese_slugs():
    """Every slug field of the admin's forms (pages, categories, snippets) uses the Vietnamese slug widget."""
    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
