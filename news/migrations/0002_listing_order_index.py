"""On PostgreSQL, an index in the order every news listing and box reads articles (newest first, ties by id): the
newest 5 or 20 articles are then the first entries of the index instead of a sort of every article. The plain index on
``display_date`` cannot serve it there, as PostgreSQL sorts NULL dates first when descending and listings put them
last (at 100,000 articles, docs/performance.md). A second, partial one serves the featured articles. SQLite already sorts NULL first ascending, so its plain index serves
the same order."""

from django.db import migrations

ORDER = "display_date DESC NULLS LAST, page_ptr_id DESC"
INDEXES = {
    "news_article_listing_order": f"ON news_newsarticlepage ({ORDER})",
    # The home page's "featured" box: the few featured articles without walking the others.
    "news_article_featured_order": f"ON news_newsarticlepage ({ORDER}) WHERE featured",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")


def drop(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
