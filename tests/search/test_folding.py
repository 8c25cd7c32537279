"""Folding makes every way of typing Vietnamese meet: marks, đ, capitals; one character out for each in."""

import unicodedata

import pytest

from search.folding import fold, has_marks, lower_marked, words
from search.query import MAX_QUERY_LENGTH, parse


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Cải cách hành chính", "cai cach hanh chinh"),
        ("ĐỨC XƯƠNG", "duc xuong"),
        ("đức xương", "duc xuong"),
        ("Nghị quyết đúng, trúng", "nghi quyet dung, trung"),
        ("ế ộ ữ ặ ỹ", "e o u a y"),
        ("12/2023/QĐ-UBND", "12/2023/qd-ubnd"),
        ("Quý Mão 2023", "quy mao 2023"),
        ("１２/２０２３/ＱĐ-ＵＢＮＤ", "12/2023/qd-ubnd"),
        ("m² ﬁ", "m2 ﬁ"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_decomposed_input_folds_like_composed():
    decomposed = unicodedata.normalize("NFD", "Đồng Quang")
    assert fold(decomposed) == "dong quang"


def test_folding_keeps_one_character_per_character():
    text = unicodedata.normalize("NFC", "Thống Kênh, Đức Xương và Toàn Thắng")
    assert len(fold(text)) == len(text)


def test_marks_are_kept_for_exact_matching():
    assert lower_marked("BÁN Hàng") == "bán hàng"
    assert has_marks("bán") and has_marks("Đa") and not has_marks("ban")


def test_words_split_on_punctuation_and_underscores():
    assert words("12/2023/qd-ubnd a_b") == ["12", "2023", "qd", "ubnd", "a", "b"]


def test_query_keeps_phrases_and_marked_words():
    query = parse('  "an toàn   giao thông" dịp Tết ')
    assert query.terms == ("an", "toan", "giao", "thong", "dip", "tet")
    assert query.phrases == (("an", "toan", "giao", "thong"),)
    assert "toàn" in query.marked_terms and "an" not in query.marked_terms


@pytest.mark.parametrize("raw", ["", "   ", '"', "***", "()", "-", "\x00\x01", "\u200b"])
def test_queries_without_words_are_empty(raw):
    assert not parse(raw)


def test_long_queries_are_cut():
    query = parse("cải cách " * 1000)
    assert query.truncated
    assert len(query.text) <= MAX_QUERY_LENGTH
    assert query.terms[:2] == ("cai", "cach")
