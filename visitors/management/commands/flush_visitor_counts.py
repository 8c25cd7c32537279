"""Move counts waiting in Redis to the database and drop old visitor sightings (run from cron every few minutes
if you like; beacons and exiting gunicorn workers do it too)."""

from django.core.management.base import BaseCommand

from visitors import counting


class Command(BaseCommand):
    help = "Write waiting visitor counts to the database."

    def handle(self, *args, **options):
        store = counting.store()
        moved = store.flush()
        counting.DatabaseStore().flush()
        self.stdout.write(f"{moved} views moved to the database ({store.name}).")
