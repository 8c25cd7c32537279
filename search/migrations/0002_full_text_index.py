"""The full-text structures behind SearchDocument, one kind per database engine."""

from django.db import migrations

SQLITE_CREATE = """
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, number, summary, body, marked,
    kind UNINDEXED, path UNINDEXED, day UNINDEXED,
    tokenize = "unicode61 remove_diacritics 0",
    prefix = '2 3',
    columnsize = 0
)
"""
POSTGRES_CREATE = [
    "CREATE INDEX search_document_folded_gin ON search_searchdocument USING GIN (folded_vector)",
    "CREATE INDEX search_document_marked_gin ON search_searchdocument USING GIN (marked_vector)",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_folded_gin")
        schema_editor.execute("DROP INDEX IF EXISTS search_document_marked_gin")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
