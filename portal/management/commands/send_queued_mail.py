"""Send the e-mail still queued (run every few minutes from cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from portal.mail import send_queued


class Command(BaseCommand):
    help = "Send queued e-mail that has not gone out yet."

    def handle(self, *args, **options):
        sent, failed = send_queued()
        self.stdout.write(f"{sent} sent, {failed} failed (left queued)")
