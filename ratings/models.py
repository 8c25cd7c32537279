"""Answers to "Was this page useful?": counts per page and day, the day's vote of each visitor (kept two days, by a
hash that changes every day) and the short comments left after a vote.

No address, browser string, name or contact is stored: the same privacy as the visitor counters (visitors/).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500


class PageRating(models.Model):
    """The "useful" and "not useful" answers one page received on one day (Asia/Ho_Chi_Minh)."""

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("portal"), on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    useful = models.PositiveIntegerField(_("useful"), default=0)
    not_useful = models.PositiveIntegerField(_("not useful"), default=0)

    class Meta:
        verbose_name = _("page rating")
        verbose_name_plural = _("page ratings")
        constraints = [models.UniqueConstraint(fields=["site", "page", "day"], name="ratings_page_rating_day")]
        indexes = [models.Index(fields=["site", "day"], name="ratings_page_rating_site_day")]

    def __str__(self):
        return f"{self.page_id} {self.day}: +{self.useful} -{self.not_useful}"


class RatingVote(models.Model):
    """One visitor's answer on one page and day: a visitor counts once per page and day, and the comment form refers
    to it. The visitor is the day's salted hash of address and browser (``visitors.counting.visitor_hash``), which
    is useless the next day; rows older than two days are deleted."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    visitor = models.CharField(_("visitor"), max_length=32)
    useful = models.BooleanField(_("useful"))
    commented = models.BooleanField(_("commented"), default=False)

    class Meta:
        verbose_name = _("rating vote")
        verbose_name_plural = _("rating votes")
        constraints = [models.UniqueConstraint(fields=["page", "day", "visitor"], name="ratings_vote_page_day_visitor")]
        indexes = [models.Index(fields=["day"], name="ratings_vote_day")]

    def __str__(self):
        return f"{self.page_id} {self.day} {self.visitor}"


class RatingComment(models.Model):
    """A short comment left after an answer: plain text, anonymous, read by the portal's editors and never
    published."""

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("portal"), on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    useful = models.BooleanField(_("useful"))
    text = models.TextField(_("comment text"), max_length=COMMENT_MAX_LENGTH)

    class Meta:
        verbose_name = _("rating comment")
        verbose_name_plural = _("rating comments")
        indexes = [models.Index(fields=["site", "created_at"], name="ratings_comment_site_created")]

    def __str__(self):
        return self.text[:50]
