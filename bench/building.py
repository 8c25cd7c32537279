"""Bulk building of published pages for the benchmarks: Wagtail pages inserted many at a time with their tree paths,
instead of one ``add_child`` and ``publish`` each (which would take hours for 100,000 pages)."""

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, for Wagtail's page paths (4 characters a step)


def next_steps(parent, count):
    """``count`` new tree paths under ``parent``, after its existing children."""
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    start = int(last[-4:], 36) if last else 0
    return [
        parent.path + "".join(ALPHABET[number // 36**power % 36] for power in (3, 2, 1, 0))
        for number in range(start + 1, start + 1 + count)
    ]


def page_fields(parent, path, slug, content_type, locale, title, published) -> dict:
    """The Page columns of a live page ``slug`` at ``path`` under ``parent``, published at ``published``."""
    return {
        "title": title,
        "draft_title": title,
        "slug": slug,
        "path": path,
        "depth": parent.depth + 1,
        "numchild": 0,
        "url_path": f"{parent.url_path}{slug}/",
        "content_type": content_type,
        "locale": locale,
        "live": True,
        "first_published_at": published,
        "last_published_at": published,
    }


def insert_pages(model, pages):
    """Insert ``pages`` (unsaved instances of the page model ``model``, their tree fields set): the Page rows in
    bulk, then the model's own rows with one prepared statement. Sets each instance's primary key. Call inside a
    transaction; the parents' ``numchild`` is the caller's to update."""
    from django.db import connection

    from wagtail.models import Page

    created = Page.objects.bulk_create(
        [
            Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields if f.name != "id"})
            for page in pages
        ]
    )
    for row, page in zip(created, pages, strict=True):
        page.page_ptr_id = page.id = row.pk
    child_fields = [f for f in model._meta.local_concrete_fields if f.name != "page_ptr"]
    columns = ["page_ptr_id", *(f.column for f in child_fields)]
    insert = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    rows = [
        [page.pk, *(f.get_db_prep_save(getattr(page, f.attname), connection) for f in child_fields)] for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(insert, rows)
    return pages


def index_pages(queryset, ids, chunk_size=500) -> int:
    """The public search index's rows of the pages ``ids`` of ``queryset``, through the indexer's bulk path (as
    ``rebuild_search_index`` writes them); returns how many rows were written."""
    from search import indexer
    from search.engines import database_engine

    engine, written = database_engine(), 0
    for offset in range(0, len(ids), chunk_size):
        pages = queryset.filter(pk__in=ids[offset : offset + chunk_size])
        batch = [indexer.new_document(page, data) for page in pages for data in page.get_search_documents()]
        written += indexer.write_new(batch, engine)
    return written
