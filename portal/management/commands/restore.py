"""``manage.py restore FOLDER [--force]``: a backup made by ``manage.py backup``, checked against its manifest, into
the database and MEDIA_ROOT the settings name (portal/backups.py; docs/operations.md, "Backup and restore")."""

from pathlib import Path

from django.core.management.base import BaseCommand

from portal.backups import restore


class Command(BaseCommand):
    help = (
        "Restore a backup into the database of DATABASE_URL and into MEDIA_ROOT, both empty unless --force; checks "
        "the backup's checksums first and compares the restored counts with its manifest at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="a folder written by manage.py backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that has tables, and write into a media folder that has files",
        )

    def handle(self, *args, **options):
        restore(options["folder"], report=self.stdout.write, force=options["force"])
