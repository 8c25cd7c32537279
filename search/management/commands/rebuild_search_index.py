"""Rebuild the public search index from every live, public page: after restoring a backup, after an Elasticsearch
outage, or after the folding rules change."""

import time

from django.core.management.base import BaseCommand

from search import indexer


class Command(BaseCommand):
    help = "Rebuild the public search index (database and, when configured, Elasticsearch)."

    def handle(self, *args, **options):
        started = time.monotonic()
        count = indexer.rebuild(report=lambda message: self.stderr.write(message))
        self.stdout.write(f"Search index rebuilt: {count} entries in {time.monotonic() - started:.1f} s.")
