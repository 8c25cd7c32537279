from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Site settings, menus and shared page parts")

    def ready(self):
        from portal.slugs import use_vietnamese_slugs

        use_vietnamese_slugs()
