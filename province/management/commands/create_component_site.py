"""``manage.py create_component_site NAME --kind xa|phuong|dac-khu --host HOST``: a commune's, ward's or special
zone's portal inside the province's installation, ready for its editors (province/components.py)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from province.components import (
    COMPONENT_KINDS,
    ComponentSiteError,
    ComponentUnit,
    UnitKind,
    create_component_site,
    host_allowed,
)


class Command(BaseCommand):
    help = "Create the portal of a commune, ward or special zone of the province; run again, it changes nothing."
    kinds = COMPONENT_KINDS
    create = staticmethod(create_component_site)

    def add_arguments(self, parser):
        kinds = [kind.value for kind in self.kinds]
        parser.add_argument("name", help="the unit's name without its kind, e.g. “Gia Lộc”")
        parser.add_argument("--kind", required=True, choices=kinds, help=" or ".join(kinds))
        parser.add_argument("--host", required=True, help="its host name, e.g. gialoc.haiphong.gov.vn")
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--address", default="")

    def handle(self, *args, **options):
        unit = ComponentUnit(
            name=options["name"],
            kind=UnitKind(options["kind"]),
            host=options["host"],
            email=options["email"],
            phone=options["phone"],
            address=options["address"],
        )
        try:
            outcome = self.create(unit)
        except ComponentSiteError as error:
            raise CommandError(str(error)) from error
        site = outcome.site
        if outcome.created:
            self.stdout.write(
                _("Made for %(site)s: %(parts)s.") % {"site": site.site_name, "parts": ", ".join(outcome.created)}
            )
        else:
            self.stdout.write(_("%(site)s exists already: nothing to do.") % {"site": site.site_name})
        self.stdout.write(_("Address: http://%(host)s/ · admin: http://%(host)s/admin/") % {"host": site.hostname})
        if not host_allowed(site.hostname):
            self.stdout.write(
                self.style.WARNING(
                    _("ALLOWED_HOSTS does not let %(host)s in yet: add it, or a wildcard such as .%(parent)s.")
                    % {"host": site.hostname, "parent": site.hostname.partition(".")[2]}
                )
            )
