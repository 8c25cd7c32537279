from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvinceConfig(AppConfig):
    name = "province"
    verbose_name = _("The province portal and its component portals")
