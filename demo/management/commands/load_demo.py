"""Load the demo portal of Gia Lộc district. Safe to run again: existing content is left as it is."""

import logging

from django.core.management.base import BaseCommand

from demo.portal import DEMO_ADMIN_PASSWORD, DEMO_ADMIN_USERNAME, DEMO_EDITORIAL_ACCOUNTS, DemoPortal
from search import indexer
from search.models import SearchDocument


class Command(BaseCommand):
    help = "Load the demo portal (settings, menus, pages, news, notices) and a demo admin account."

    def handle(self, *args, **options):
        # Wagtail logs every page it creates and publishes; for a hundred demo pages that buries the login line.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)
        try:
            report = DemoPortal().load()
            if not SearchDocument.objects.exists():
                # A database made before the public search index existed: fill the index once.
                indexer.rebuild()
        finally:
            wagtail_log.setLevel(level)
        if report.created:
            self.stdout.write(self.style.SUCCESS(f"Demo portal loaded: {len(report.created)} items created."))
        else:
            self.stdout.write("Demo portal already loaded: nothing to do.")
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  user: {DEMO_ADMIN_USERNAME}  password: {DEMO_ADMIN_PASSWORD}"
        )
        for username, (_first, _last, role) in DEMO_EDITORIAL_ACCOUNTS.items():
            self.stdout.write(f"       {role}: user {username}, same password")
