from django.db import models


class HealthCheck(models.Model):
    """The one row ``/healthz`` writes, so that a database that can be read but not written is reported."""

    checked_at = models.DateTimeField()

    class Meta:
        verbose_name = "health check"

    def __str__(self):
        return f"{self.checked_at:%Y-%m-%d %H:%M:%S}"
