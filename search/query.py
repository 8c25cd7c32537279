"""What a visitor typed, cleaned and split into folded words, marked words and quoted phrases.

Nothing of the visitor's text reaches a database as syntax: every word is `[^\\W_]+`, and the engines quote them.
"""

import re
import unicodedata
from dataclasses import dataclass

from search.folding import fold, has_marks, lower_marked, words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
PHRASE = re.compile(r'"([^"]+)"')


def clean(raw: str) -> str:
    """The text without control characters, with single spaces, NFKC: what was typed with a full-width keyboard
    (``１２/QĐ-UBND``) or pasted with compatibility forms is searched as its plain letters and digits."""
    text = "".join(" " if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co"} else char for char in raw or "")
    return " ".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class SearchQuery:
    text: str
    terms: tuple[str, ...] = ()
    marked_terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    truncated: bool = False

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def has_marks(self) -> bool:
        return bool(self.marked_terms)


def parse(raw: str) -> SearchQuery:
    text = clean(raw)
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    phrases = []
    for match in PHRASE.finditer(text):
        phrase = tuple(fold(word) for word in words(match.group(1)))
        if len(phrase) > 1:
            phrases.append(phrase)
    marked = list(dict.fromkeys(lower_marked(word) for word in words(text)))[:MAX_TERMS]
    terms = tuple(dict.fromkeys(fold(word) for word in marked))
    marked_terms = tuple(word for word in marked if has_marks(word)) if has_marks(text) else ()
    return SearchQuery(text=text, terms=terms, marked_terms=marked_terms, phrases=tuple(phrases), truncated=truncated)
