"""Keeping the public search index in step with what citizens may see.

A page is indexed when it is published (and again when it moves or its privacy changes); its rows go when it is
unpublished, made private or deleted. Only live pages without view restrictions are ever indexed, and results are
checked against the page tree again when shown.
"""

from django.db import transaction
from django.db.models import OuterRef, Subquery

from wagtail.models import Page, PageViewRestriction

from search import elastic
from search.engines import database_engine
from search.enums import SearchKind
from search.models import SearchDocument

DOCUMENT_FIELDS = {"kind", "anchor", "title", "number", "summary", "body", "date", "expires"}


def is_visible(page) -> bool:
    return Page.objects.filter(pk=page.pk).live().public().exists()


def is_shared(page) -> bool:
    """Whether the page is marked for the component portals (only pages of the province's portal can be)."""
    return bool(getattr(page, "share_with_components", False))


def remove(documents):
    """Delete the rows; the full-text entries go with them (search.signals)."""
    for document in documents:
        document.delete()


@transaction.atomic
def index_page(page):
    """Replace the page's rows with what it offers now, or remove them if citizens can no longer see it."""
    page = page.specific
    existing = {document.key: document for document in SearchDocument.objects.filter(page_id=page.pk)}
    offered = page.get_search_documents() if is_visible(page) and hasattr(page, "get_search_documents") else []
    engine, written = database_engine(), []
    for data in offered:
        document = existing.pop(data["key"], None) or SearchDocument(key=data["key"])
        fill(document, data)
        document.page_id, document.path = page.pk, page.path
        document.shared = is_shared(page)
        if document.pk is not None and document.sort_key != document.compute_sort_key():
            engine.discard([document.sort_key])
            elastic.discard([document.sort_key])
        document.save()
        document.sort_key = document.compute_sort_key()
        SearchDocument.objects.filter(pk=document.pk).update(sort_key=document.sort_key)
        engine.store(document)
        written.append(document)
    remove(existing.values())
    elastic.store(written)
    return written


def index_subtree(page):
    """Re-index a page and everything below it (after a move or a privacy change)."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        index_page(descendant)


def is_restricted(page) -> bool:
    """Whether a view restriction lies on ``page`` or above it."""
    return PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


@transaction.atomic
def follow_move(page, parent_before, parent_after):
    """After ``page`` moved: its rows and those of the pages below keep their text and only follow the pages' new tree
    paths, in one statement per store, whatever the number of pages (a former district's thousands of articles). Only
    a move into or out of a private section changes what citizens may see; then the pages are indexed one by one."""
    if is_restricted(parent_before) or is_restricted(parent_after):
        index_subtree(page)
        return
    moved = SearchDocument.objects.filter(page__path__startswith=page.path)
    moved.update(path=Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1]))
    database_engine().follow_paths(moved.values("sort_key"))
    if elastic.is_configured():
        elastic.store(list(moved))


def remove_page(page):
    remove(SearchDocument.objects.filter(page_id=page.pk))


def rebuild(report=None, chunk_size=500) -> int:
    """Empty the index and fill it again from every live, public page (and Elasticsearch too, when configured)."""
    engine = database_engine()
    engine.clear()
    SearchDocument.objects.all()._raw_delete(SearchDocument.objects.db)
    if elastic.is_configured():
        try:
            elastic.recreate_index()
        except elastic.ElasticUnavailable:
            if report:
                report("Elasticsearch is unavailable; only the database index was rebuilt.")
    count = 0
    pages = Page.objects.live().public().exclude(depth=1).specific().order_by("path")
    batch = []
    for page in pages.iterator(chunk_size=chunk_size):
        for data in page.get_search_documents() if hasattr(page, "get_search_documents") else []:
            batch.append(new_document(page, data))
        if len(batch) >= chunk_size:
            count += write_new(batch, engine)
            batch = []
    return count + write_new(batch, engine)


def new_document(page, data) -> SearchDocument:
    document = SearchDocument(key=data["key"], page_id=page.pk, path=page.path, shared=is_shared(page))
    fill(document, data)
    return document


def fill(document, data):
    for name in DOCUMENT_FIELDS:
        setattr(document, name, (data.get(name) or None) if name in {"date", "expires"} else (data.get(name) or ""))
    document.kind = document.kind or SearchKind.PAGE  # what says nothing else is an information page
    document.title = document.title[:500]
    document.number = document.number[:120]


@transaction.atomic
def write_new(documents, engine) -> int:
    """Insert new rows in bulk (rebuilds and data loads), then their sort keys and full-text entries."""
    if not documents:
        return 0
    created = SearchDocument.objects.bulk_create(documents)
    if any(document.pk is None for document in created):
        created = list(SearchDocument.objects.filter(key__in=[document.key for document in documents]))
    for document in created:
        document.sort_key = document.compute_sort_key()
    SearchDocument.objects.bulk_update(created, ["sort_key"])
    for document in created:
        engine.store(document)
    elastic.store(created)
    return len(created)
