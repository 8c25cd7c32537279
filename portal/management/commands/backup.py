"""``manage.py backup FOLDER``: the database, the media folder and a manifest with checksums, into a new folder
(portal/backups.py; docs/operations.md, "Backup and restore")."""

from pathlib import Path

from django.core.management.base import BaseCommand

from portal.backups import backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite's online backup API or pg_dump) and MEDIA_ROOT, without image renditions, into "
        "a new folder, with a manifest of versions, counts and checksums. Safe while the portal serves."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="a folder that does not exist yet, or an empty one")

    def handle(self, *args, **options):
        backup(options["folder"], report=self.stdout.write)
