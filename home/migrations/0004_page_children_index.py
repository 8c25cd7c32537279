"""An index on Wagtail's page table for asking a page's children (depth = N and a path range, as treebeard asks):
menus' dropdowns, a section's sub-pages and the library's shelves. Without it each such question reads the whole
page table, which holds every article and document (docs/performance.md)."""

from django.db import migrations

INDEX = "home_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_most_read_box"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
