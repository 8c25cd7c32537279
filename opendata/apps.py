import re

from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

RATE = re.compile(r"^\d+/(s|sec|second|m|min|minute|h|hour|d|day)$")


def check_throttle_rate(app_configs, **kwargs):
    """A throttle rate DRF cannot read would fail every API request; say so when the portal starts."""
    from rest_framework.settings import api_settings

    rate = api_settings.DEFAULT_THROTTLE_RATES.get("opendata")
    if rate is None or RATE.match(rate):
        return []
    return [
        checks.Error(
            f"The open-data API's throttle rate {rate!r} is not understood.",
            hint="Set API_THROTTLE_RATE to a number of requests per s, min, hour or day, e.g. 120/min.",
            id="opendata.E001",
        )
    ]


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Open data API")

    def ready(self):
        checks.register(check_throttle_rate)
