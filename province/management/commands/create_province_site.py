"""``manage.py create_province_site NAME --kind tinh|thanh-pho --host HOST``: the portal of the province (or
centrally-run city) itself, made the way component portals are and set as the installation's default site
(province/components.py)."""

from province.components import PROVINCE_KINDS, create_province_site
from province.management.commands import create_component_site


class Command(create_component_site.Command):
    help = "Create the portal of the province or centrally-run city as the default site; run again, nothing changes."
    kinds = PROVINCE_KINDS
    create = staticmethod(create_province_site)
