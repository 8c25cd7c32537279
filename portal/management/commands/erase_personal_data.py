"""Erase the names, contacts and attachments citizens gave, once each site's retention period has passed (run
daily). What they asked or commented stays; only what identifies them goes."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.models import Site

from portal.models import PersonalData, PortalSettings


class Command(BaseCommand):
    help = "Erase citizens' personal data kept longer than their site's retention period."

    def handle(self, *args, **options):
        now = timezone.now()
        holders = [model for model in apps.get_models() if issubclass(model, PersonalData)]
        retention = dict(PortalSettings.objects.values_list("site_id", "personal_data_retention_days"))
        default_days = PortalSettings._meta.get_field("personal_data_retention_days").default
        erased = 0
        for site in Site.objects.all():
            days = retention.get(site.pk, default_days)
            for model in holders:
                for holder in model.due_for_erasure(site, days, now).iterator():
                    holder.erase_personal_data()
                    erased += 1
        self.stdout.write(f"{erased} records erased")
