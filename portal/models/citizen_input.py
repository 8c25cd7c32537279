"""What the citizens' features share: the personal data they hold (and erase after the site's retention period),
and the mail they send, which is queued in the same transaction as the submission and sent after it commits."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactChoice(models.TextChoices):
    EMAIL = "email", _("E-mail address")
    PHONE = "phone", _("Phone number")
    EITHER = "either", _("E-mail address or phone number")


class PersonalData(models.Model):
    """A citizen's name and how to reach them, kept only as long as the handling needs them.

    ``manage.py erase_personal_data`` blanks them (and deletes ``personal_files``) on every concrete subclass once
    ``retention_from`` is older than the site's retention period; rows whose ``retention_from`` is empty (still
    being handled) are kept."""

    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    personal_data_erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    personal_fields = ("name", "email", "phone")
    personal_files: tuple[str, ...] = ()
    retention_from = "created_at"
    site_field = "site"

    class Meta:
        abstract = True

    def erase_personal_data(self):
        for field in self.personal_files:
            stored = getattr(self, field)
            if stored:
                stored.delete(save=False)
        for field in self.personal_fields:
            setattr(self, field, "")
        self.personal_data_erased_at = timezone.now()
        self.save(update_fields=[*self.personal_fields, *self.personal_files, "personal_data_erased_at"])

    @classmethod
    def due_for_erasure(cls, site, retention_days: int, now: datetime.datetime):
        cutoff = now - datetime.timedelta(days=retention_days)
        return cls.objects.filter(
            **{cls.site_field: site, f"{cls.retention_from}__lt": cutoff, "personal_data_erased_at__isnull": True}
        )


class QueuedMail(models.Model):
    """An e-mail to send. Written in the transaction that makes it necessary, sent after that commits; a failure
    leaves it here for ``manage.py send_queued_mail`` to try again."""

    recipient = models.EmailField(_("recipient"))
    subject = models.CharField(_("mail subject"), max_length=255)
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("queued e-mail")
        verbose_name_plural = _("queued e-mails")
        indexes = [models.Index(fields=["sent_at", "created_at"], name="queued_mail_unsent")]

    def __str__(self):
        return f"{self.recipient}: {self.subject}"
