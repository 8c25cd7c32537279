from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home page, site settings and menus")

    def ready(self):
        from home.slugs import use_vietnamese_slugs

        use_vietnamese_slugs()
