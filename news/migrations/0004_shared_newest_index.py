"""The province's shared articles, newest first, in a partial index of their own: the "Tin từ tỉnh" box of every
component portal reads it instead of walking every portal's articles (docs/performance.md, "A province with 150
component portals"). The order matches the listings' (display date, newest first, empty dates last), which PostgreSQL
says with NULLS LAST and SQLite, where empty values sort lowest, gets from DESC alone (it has no NULLS LAST in an
index)."""

from django.db import migrations

NAME = "news_shared_newest"
ORDER = {
    "postgresql": "display_date DESC NULLS LAST, page_ptr_id DESC",
    "sqlite": "display_date DESC, page_ptr_id DESC",
}


def create(apps, schema_editor):
    order = ORDER.get(schema_editor.connection.vendor)
    if order:
        schema_editor.execute(
            f"CREATE INDEX {NAME} ON news_newsarticlepage ({order}) WHERE share_with_components"  # noqa: S608
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in ORDER:
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("news", "0003_newsarticlepage_share_with_components")]

    operations = [migrations.RunPython(create, drop)]
