"""Mail to citizens and offices: queued with the submission, sent after the transaction commits, retried later.

A submission is stored whatever happens to the mail: an SMTP server that is down or slow, or a worker killed after
the commit, leaves the mail queued, and ``manage.py send_queued_mail`` (run every few minutes) sends it."""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from portal.models import QueuedMail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10


def queue_mail(recipient: str, subject: str, body: str) -> QueuedMail | None:
    """Queue one message (in the current transaction) and send it once that commits; nothing without a recipient."""
    if not recipient:
        return None
    mail = QueuedMail.objects.create(recipient=recipient, subject=subject[:255], body=body)
    transaction.on_commit(lambda: send_queued([mail.pk]))
    return mail


def send_queued(ids=None) -> tuple[int, int]:
    """Send queued mail (the given ones, or all unsent with attempts left); returns (sent, failed)."""
    pending = QueuedMail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS).order_by("created_at")
    if ids is not None:
        pending = pending.filter(pk__in=ids)
    sent = failed = 0
    for mail in pending:
        try:
            send_mail(mail.subject, mail.body, None, [mail.recipient])
        except Exception as error:  # any failure of the mail server leaves the mail queued
            failed += 1
            QueuedMail.objects.filter(pk=mail.pk).update(
                attempts=mail.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:255]
            )
            logger.warning("Mail to %s not sent (%s); it stays queued", mail.recipient, type(error).__name__)
        else:
            sent += 1
            QueuedMail.objects.filter(pk=mail.pk).update(sent_at=timezone.now(), attempts=mail.attempts + 1)
    return sent, failed
