"""``manage.py close_component_site HOST [--reopen]``: a component portal becomes a read-only archive at its
addresses, or opens again (province/components.py)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from province.components import ComponentSiteError, close_component_site


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
        if options["reopen"]:
            self.stdout.write(_("%(site)s is open again for its editors.") % {"site": site.site_name})
        else:
            self.stdout.write(
                _("%(site)s is closed: its pages stay at their addresses as an archive.") % {"site": site.site_name}
            )
