"""The public search index: one row per thing a citizen can find, kept in step with publishing.

The row holds the original text (shown in results) and a sort key that orders rows newest first; the folded words
live in a full-text index next to it: an FTS5 table on SQLite, tsvector columns with a GIN index on PostgreSQL.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from search.enums import SearchKind

DAY_FACTOR = 10**10


class SearchDocument(models.Model):
    key = models.CharField(_("key"), max_length=80, unique=True, help_text=_("What this row stands for, e.g. page:12."))
    kind = models.CharField(_("kind"), max_length=20, choices=SearchKind.choices)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=255, db_index=True)
    anchor = models.CharField(max_length=80, blank=True)
    title = models.CharField(_("title"), max_length=500)
    number = models.CharField(_("number"), max_length=120, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    expires = models.DateField(_("valid until"), null=True, blank=True)
    sort_key = models.BigIntegerField(unique=True, null=True, editable=False)
    # Marked by the province for its component portals: found by their searches too (portal.models.sharing).
    shared = models.BooleanField(default=False, editable=False)
    # PostgreSQL only; on SQLite the words are in the search_fts table instead.
    folded_vector = SearchVectorField(null=True, editable=False)
    marked_vector = SearchVectorField(null=True, editable=False)
    # Title and number, and number alone: questions about those fields read these small vectors instead of the
    # whole text's, whose GIN index cannot tell the fields apart (it would hand over every row with the words).
    heading_vector = SearchVectorField(null=True, editable=False)
    number_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        # Listings filtered by a keyword go from full-text matches (sort keys) to pages of one kind.
        indexes = [
            models.Index(fields=["sort_key", "kind", "page"], name="search_sort_kind_page"),
            models.Index(fields=["sort_key"], condition=models.Q(shared=True), name="search_shared_sort_key"),
        ]

    def __str__(self):
        return self.title

    def compute_sort_key(self) -> int:
        """Newer dates sort higher; the primary key keeps keys unique within a day."""
        return (self.date.toordinal() if self.date else 0) * DAY_FACTOR + self.pk
