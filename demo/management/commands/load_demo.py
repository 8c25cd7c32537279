"""Load the demo: the city of Hải Phòng's portal, three of its communes' portals and the former Gia Lộc district's
portal archived in one of them (``--single-site``: the district's portal alone, as a one-site installation). Safe
to run again: existing content is left as it is."""

import logging

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Site

from demo.portal import DEMO_ADMIN_PASSWORD, DEMO_ADMIN_USERNAME, DEMO_EDITORIAL_ACCOUNTS, DemoPortal
from demo.province import ACCOUNTS, COMMUNES, FORMER_DISTRICT_HOST, PROVINCE, DemoProvince
from search import indexer
from search.models import SearchDocument


class Command(BaseCommand):
    help = "Load the demo portals (settings, menus, pages, news, notices, documents) and demo accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--single-site",
            action="store_true",
            help="only the former district's portal, at the default host, as a one-site installation",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help="the port the demo is served on, so that the portals' addresses to one another reach it",
        )

    def handle(self, *args, **options):
        single_site = options["single_site"]
        # Wagtail logs every page it creates and publishes; for a hundred demo pages that buries the login lines.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)
        try:
            with transaction.atomic():
                portal = DemoPortal()
                # Once the district is an archive, the province's portal is the default site: the district's steps
                # would find the wrong home page.
                if not Site.objects.filter(hostname=FORMER_DISTRICT_HOST).exists():
                    portal.load()
                if not single_site:
                    DemoProvince(portal, port=options["port"]).load()
            if not SearchDocument.objects.exists():
                # A database made before the public search index existed: fill the index once.
                indexer.rebuild()
        finally:
            wagtail_log.setLevel(level)
        report = portal.report
        if report.created:
            self.stdout.write(self.style.SUCCESS(f"Demo loaded: {len(report.created)} items created."))
        else:
            self.stdout.write("Demo already loaded: nothing to do.")
        if single_site:
            self.stdout.write("Portal: http://127.0.0.1:8000/  admin: http://127.0.0.1:8000/admin/")
        else:
            self.stdout.write(f"Province portal: http://{PROVINCE.host}:8000/ (also http://127.0.0.1:8000/)")
            for unit in COMMUNES:
                self.stdout.write(f"  {unit.unit_name}: http://{unit.host}:8000/")
            self.stdout.write(f"  Former district, now redirecting: http://{FORMER_DISTRICT_HOST}:8000/")
        self.stdout.write(
            f"Admin of every portal, at /admin/ on any of them: user {DEMO_ADMIN_USERNAME}  "
            f"password: {DEMO_ADMIN_PASSWORD} (the same for every demo account)"
        )
        for username, (_first, _last, role) in DEMO_EDITORIAL_ACCOUNTS.items():
            self.stdout.write(f"  {role} of every portal: user {username}")
        if not single_site:
            for username, (_first, _last, unit, role) in ACCOUNTS.items():
                self.stdout.write(f"  {('Biên tập viên', 'Người duyệt')[role]} – {unit.unit_name}: user {username}")
