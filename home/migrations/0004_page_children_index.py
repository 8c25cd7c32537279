"""On PostgreSQL, an index on Wagtail's page table for asking a page's children (depth = N and a path range, as
treebeard asks): menus' dropdowns, a section's sub-pages and the library's shelves. Without it each such question
reads the whole page table, which holds every article and document: 9.6 ms → 0.1 ms for the menus' dropdowns at
50,000 documents (docs/performance.md).

Not on SQLite: without statistics its planner also takes the index for ``depth >= n`` (every question about a
section's descendants) and walks most of the table through it, which measured slower there."""

from django.db import migrations

INDEX = "home_page_depth_path"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_most_read_box"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
