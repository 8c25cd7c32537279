from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from portal.numbers import IdConverter

# Before any app's models declare their routes (RoutablePageMixin's @path compiles its pattern at class creation).
register_converter(IdConverter, "id")


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Site settings, menus and shared page parts")

    def ready(self):
        from portal.images import treat_undecodable_files_as_missing
        from portal.slugs import use_vietnamese_slugs

        use_vietnamese_slugs()
        treat_undecodable_files_as_missing()
