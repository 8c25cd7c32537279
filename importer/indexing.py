"""Search indexing during an import: nothing per page, everything in bulk afterwards.

Publishing a page normally updates three indexes on the spot, each save of it again: the portal's public search
(``search.signals`` on ``page_published``), Wagtail's search backend (``modelsearch``'s ``post_save`` handlers, used
by the admin's search) and Wagtail's reference index (where an image or document is used). An import switches the
three off while records are saved, then brings the imported pages, images, documents and videos into them in
batches (``index_objects``): the public index through ``search.indexer``'s bulk path, Wagtail's through its
backends' ``add_bulk``, the references per object.

The signal handlers are disconnected for the whole process: an import runs in its own ``manage.py`` process.
"""

import logging
from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save

from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed, get_indexed_models
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from modelsearch.signal_handlers import post_save_signal_handler

from search import indexer
from search import signals as search_signals
from search.engines import database_engine
from search.models import SearchDocument


@contextmanager
def deferred_indexing():
    """Within: saving and publishing touch no search or reference index."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    disconnected = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    public_index = page_published.disconnect(search_signals.index_published_page)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
        if public_index:
            page_published.connect(search_signals.index_published_page)


@contextmanager
def quiet_wagtail_log():
    """Wagtail logs every edit and publication at INFO; an import of thousands of pages reports its own summary."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def index_objects(page_ids, others=()):
    """Bring pages (by id) and other objects (images, documents, media) into every index, in one pass per model."""
    page_ids = list(dict.fromkeys(page_ids))
    pages = list(Page.objects.filter(pk__in=page_ids).specific()) if page_ids else []
    by_model = defaultdict(list)
    for obj in [*pages, *others]:
        by_model[type(obj)].append(obj)
    backends = list(get_search_backends(with_auto_update=True))
    for model, objects in by_model.items():
        if class_is_indexed(model):
            indexed = list(model.get_indexed_objects().filter(pk__in=[obj.pk for obj in objects]))
            for backend in backends:
                backend.add_bulk(model, indexed)
        for obj in objects:
            ReferenceIndex.create_or_update_for_object(obj)
    if pages:
        index_public_pages(pages)


def index_public_pages(pages):
    """The pages' rows of the public search, replacing those they had; only pages citizens may see get rows."""
    ids = [page.pk for page in pages]
    visible = set(Page.objects.filter(pk__in=ids).live().public().values_list("pk", flat=True))
    indexer.remove(SearchDocument.objects.filter(page_id__in=ids))
    batch = [
        indexer.new_document(page, data)
        for page in pages
        if page.pk in visible and hasattr(page, "get_search_documents")
        for data in page.get_search_documents()
    ]
    indexer.write_new(batch, database_engine())
