"""Visitor counters: views per site and day, views per page and day, daily visitor sightings, and the views of each
visitor in a minute (the flood limit).

No IP address or browser string is ever stored: a visitor is a salted hash that changes every day.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyCount(models.Model):
    """Counted views and distinct visitors of one site on one day (Asia/Ho_Chi_Minh)."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    views = models.PositiveBigIntegerField(_("views"), default=0)
    visitors = models.PositiveBigIntegerField(_("visitors"), default=0)

    class Meta:
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [models.UniqueConstraint(fields=["site", "day"], name="visitors_daily_count_site_day")]

    def __str__(self):
        return f"{self.day}: {self.views}"


class PageDailyCount(models.Model):
    """Counted views of one page on one day: feeds "most read" and the read count of articles."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page daily count")
        verbose_name_plural = _("page daily counts")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="visitors_page_count_page_day")]
        indexes = [models.Index(fields=["day", "page"], name="visitors_page_count_day_page")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"


class VisitorSighting(models.Model):
    """A visitor seen on a day, by a hash salted with that day: "online now" and distinct visitors per day."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    visitor = models.CharField(_("visitor"), max_length=32)
    last_seen = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("visitor sighting")
        verbose_name_plural = _("visitor sightings")
        constraints = [
            models.UniqueConstraint(fields=["site", "day", "visitor"], name="visitors_sighting_site_day_visitor")
        ]
        indexes = [models.Index(fields=["site", "last_seen"], name="visitors_sighting_recent")]

    def __str__(self):
        return f"{self.day} {self.visitor}"


class MinuteCount(models.Model):
    """Views counted from one visitor (the day's hash) in one minute: the flood limit, shared by every worker.

    Only the database store uses it (Redis keeps its own counter); minutes gone by are deleted with old sightings.
    """

    visitor = models.CharField(_("visitor"), max_length=32)
    minute = models.DateTimeField(_("minute"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("minute count")
        verbose_name_plural = _("minute counts")
        constraints = [
            models.UniqueConstraint(fields=["visitor", "minute"], name="visitors_minute_count_visitor_minute")
        ]
        indexes = [models.Index(fields=["minute"], name="visitors_minute_count_minute")]

    def __str__(self):
        return f"{self.minute:%Y-%m-%d %H:%M} {self.visitor}: {self.views}"
