"""``manage.py close_component_site HOST [--reopen]``: a component portal becomes a read-only archive at its
addresses, or opens again (province/components.py)."""

from django.core.management.base import BaseCommand, CommandError

from province.components import ComponentSiteError, close_component_site, state_message


class Command(BaseCommand):
    help = "Close a component portal (its pages stay readable at their addresses, nobody edits them), or reopen it."

    def add_arguments(self, parser):
        parser.add_argument("host")
        parser.add_argument("--reopen", action="store_true", help="open a closed portal again")

    def handle(self, *args, **options):
        try:
            site = close_component_site(options["host"], reopen=options["reopen"])
        except ComponentSiteError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(state_message(site, reopened=options["reopen"]))
