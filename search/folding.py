"""Vietnamese text folding: the way citizens type ("cai cach hanh chinh", "duc xuong") must find what editors wrote
("Cải cách hành chính", "Đức Xương").

Folding is done here, in Python, for the indexed text and for the query alike, so every backend (SQLite FTS5,
PostgreSQL full text, Elasticsearch) sees the same words: marks removed, đ → d, lower case, and the compatibility
forms people paste or type with another keyboard (full-width ``１２/QĐ-UBND``, ``²``) as their plain letters and
digits (NFKC, where it gives one character). Each character folds to exactly one character, so positions in
folded text point at the same places in the original (used to highlight).
"""

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    compatible = unicodedata.normalize("NFKC", char)
    if len(compatible) == 1:
        char = compatible  # full-width "１２／ＱĐ" as 12/QĐ, "²" as 2; "ﬁ" (two letters) is left, keeping one for one
    if char in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0] if decomposed else char
    if unicodedata.combining(base):
        return " "
    return base.lower()


# Every character below CJK (Latin with Vietnamese letters, punctuation such as “ ” –), folded in one C call.
TABLE_END = 0x3000
FOLD_TABLE = {code: fold_char(chr(code)) for code in range(TABLE_END) if fold_char(chr(code)) != chr(code)}


def fold(text: str) -> str:
    """Lower case without marks and with đ → d; one character out for each (NFC) character in."""
    text = unicodedata.normalize("NFC", text or "")
    if text and ord(max(text)) >= TABLE_END:
        return "".join(fold_char(char) for char in text)
    return text.translate(FOLD_TABLE)


def lower_marked(text: str) -> str:
    """Lower case, marks kept: what an exact-diacritic match compares."""
    return unicodedata.normalize("NFC", text or "").lower()


def words(text: str) -> list[str]:
    return WORD.findall(text)


def has_marks(text: str) -> bool:
    """True when the text carries Vietnamese marks (or đ) that folding would remove."""
    return fold(text) != lower_marked(text)
