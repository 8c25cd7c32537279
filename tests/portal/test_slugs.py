"""The admin makes slugs from Vietnamese titles by folding the marks, as the browser journey of an editor shows."""

import json
import re
import unicodedata

from django.utils.text import slugify

from wagtail.admin.panels import get_edit_handler

import pytest

from home.models import StandardPage
from news.models import NewsArticlePage, NewsCategory
from portal.slugs import FORMATTERS, VietnameseSlugInput


def formatted(text: str) -> str:
    """What the admin's slug field does before its own transliteration: the formatters, in order."""
    for pattern, replacement in FORMATTERS:
        text = re.sub(pattern, replacement, text)
    return text


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Gia Lộc khai trương điểm bưu điện văn hóa xã", "gia-loc-khai-truong-diem-buu-dien-van-hoa-xa"),
        ("ĐỨC XƯƠNG ĐÓN BẰNG CÔNG NHẬN NÔNG THÔN MỚI", "duc-xuong-don-bang-cong-nhan-nong-thon-moi"),
        ("Tuyển dụng viên chức năm 2024", "tuyen-dung-vien-chuc-nam-2024"),
        (unicodedata.normalize("NFD", "Gia Lộc mùa lúa chín"), "gia-loc-mua-lua-chin"),
    ],
)
def test_vietnamese_letters_fold_to_their_base_letter(title, slug):
    assert formatted(title).isascii()
    assert slugify(formatted(title)) == slug


@pytest.mark.parametrize("model", [NewsArticlePage, StandardPage])
def test_page_forms_use_the_vietnamese_slug_field(model):
    widget = model.get_edit_handler().get_form_class().base_fields["slug"].widget
    assert isinstance(widget, VietnameseSlugInput)
    sent = json.loads(widget.attrs["data-w-slug-formatters-value"])
    assert len(sent) == len(FORMATTERS)
    assert all(flags == "gu" for (_pattern, flags), _replacement in sent)


def test_snippet_forms_use_it_too():
    widget = get_edit_handler(NewsCategory).get_form_class().base_fields["slug"].widget
    assert isinstance(widget, VietnameseSlugInput)
