"""Answering a search: candidates from the engine, one ranking for every engine, visible results with snippets.

Ranking, best first: the document number matches; the quoted phrase (or the words typed, side by side) appears as
typed; every word appears with the marks the visitor typed; the words are in the title; then newer before older.
"""

import logging
from dataclasses import dataclass

from wagtail.models import Page

from portal.sharing import hidden_pages
from portal.sites import Unit, is_province, province, several_sites, unit_of, units
from search import elastic
from search.engines import CANDIDATE_LIMIT, FIELDS, Ranking, Scope, database_engine
from search.highlight import highlight, snippet
from search.models import SearchDocument

logger = logging.getLogger(__name__)
SUGGESTION_COUNT = 8


def site_scope(site, unit: Unit | None = None) -> Scope:
    """What a site's search covers. The province's portal covers every unit's (or ``unit``'s alone); a component
    portal its own pages and those the province shares with it, but for those it hid."""
    if site is None:
        return Scope()
    if is_province(site):
        return Scope(path=unit.root_path if unit else "")
    sharing = province()
    if sharing is None:
        return Scope(path=site.root_page.path)
    return Scope(path=site.root_page.path, shared_from=sharing.root_path, hidden=hidden_pages(site))


def rank(query, scope: Scope) -> Ranking:
    """Sort keys of the matching documents, best first (at most about two thousand), and how many match in all."""
    if not query:
        return Ranking([], 0, "none")
    if elastic.is_configured():
        try:
            return elastic.rank(query, scope)
        except elastic.ElasticUnavailable:
            logger.warning("Elasticsearch did not answer; searching the database instead.", exc_info=True)
    return rank_in_database(query, scope)


def rank_in_database(query, scope: Scope) -> Ranking:
    engine = database_engine()
    terms = query.terms
    every_field = engine.match(FIELDS, terms, scope)
    in_title = engine.match(("title", "number"), terms, scope)
    title_set = set(in_title)
    candidates = set(every_field) | title_set
    # The other questions only order the candidates, so they are asked of the candidates alone: asked of the whole
    # index, a phrase of common words ("tuyen dung cong chuc") had every row holding the four words read and checked
    # (0.9 s at 200,000 rows, docs/performance.md).
    among = sorted(candidates)
    in_number = set(engine.among(among, ("number",), terms))
    exact = set(engine.among(among, ("marked",), query.marked_terms)) if query.has_marks else set()
    # Words typed without quotes still count as a phrase for ranking: "bàn giao" with the words side by side comes
    # before "địa bàn … giao đất".
    phrases = query.phrases or ((terms,) if len(terms) > 1 else ())
    phrased = set(engine.among(among, FIELDS, terms, phrases=phrases)) if phrases else set()
    keys = sorted(
        candidates,
        key=lambda key: (key in in_number, key in phrased, key in exact, key in title_set, key),
        reverse=True,
    )
    # Counting every match of a common word would cost a pass over the whole index; when the newest candidates
    # were cut short the page says "more than" instead.
    return Ranking(keys, len(candidates), "database", more=len(every_field) >= CANDIDATE_LIMIT)


@dataclass
class Hit:
    document: SearchDocument
    url: str
    title: str
    snippet: str
    is_expired: bool
    unit: Unit | None = None  # whose page it is, when the search covers more than the site's own


def hits(keys, query, request, today, site=None) -> list[Hit]:
    """The documents of ``keys`` in that order, linked, marked, and only those a citizen may see; each names its
    unit on the province's portal, and on a component portal when it is the province's."""
    documents = {document.sort_key: document for document in SearchDocument.objects.filter(sort_key__in=keys)}
    page_ids = {document.page_id for document in documents.values()}
    visible = {page.pk: page for page in Page.objects.live().public().filter(pk__in=page_ids)}
    every_unit, results = units() if several_sites() else [], []
    for key in keys:
        document = documents.get(key)
        page = visible.get(document.page_id) if document else None
        if page is None:
            continue
        unit = unit_of(document.path, every_unit)
        if unit is not None and site is not None and unit.site_id == site.pk and not is_province(site):
            unit = None
        text = " ".join(part for part in [document.summary, document.body] if part)
        results.append(
            Hit(
                document=document,
                url=page.get_url(request) + document.anchor,
                title=highlight(document.title, query.terms),
                snippet=snippet(text, query.terms),
                is_expired=bool(document.expires and document.expires < today),
                unit=unit,
            )
        )
    return results


def suggestions(query, scope: Scope, request) -> list[dict]:
    """Titles that start like what the visitor is typing, newest first."""
    if not query:
        return []
    keys = database_engine().match(("title",), query.terms, scope, prefix_last=True, limit=SUGGESTION_COUNT * 2)
    documents = SearchDocument.objects.filter(sort_key__in=keys).only("sort_key", "title", "page_id", "anchor")
    by_key = {document.sort_key: document for document in documents}
    visible = {page.pk: page for page in Page.objects.live().public().filter(pk__in={d.page_id for d in documents})}
    found = []
    for key in keys:
        document = by_key.get(key)
        if document and document.page_id in visible:
            found.append({"title": document.title, "url": visible[document.page_id].get_url(request) + document.anchor})
        if len(found) == SUGGESTION_COUNT:
            break
    return found
