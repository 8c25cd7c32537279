"""The legal-document library ("Hệ thống văn bản"): vocabularies, the library and its collections, documents with
their official metadata, files and relations, the text extracted from the files, and download counts.

The status in force ("tình trạng hiệu lực") is never stored: it follows from the dates and relations on the day it is
asked for (``LegalDocumentQuerySet.with_status``), unless an editor sets it by hand.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, PageManager, Site
from wagtail.query import PageQuerySet
from wagtail.search import index

from documents.api_fields import DocumentRelationListField
from documents.enums import INVERSE_LABELS, CollectionKind, LegalStatus, RelationKind
from documents.filters import DocumentFilterForm
from documents.vocabularies import DocumentType, Issuer, LegalField
from portal.api_fields import AttachmentListField, LabelField, NameSlugListField, NameSlugSerializer
from portal.models import Attachment, BasePage, SectionPage, SharedWithComponents, share_panel
from portal.pagination import paginate
from portal.sharing import own_or_shared_q
from portal.text import plain_code
from search.enums import SearchKind

__all__ = ["DocumentType", "Issuer", "LegalField"]  # the vocabularies live in documents.vocabularies

LISTING_PAGE_SIZE = 20

# "12/2023/QĐ-UBND", "125/QĐ-UBND", "1234/UBND-NV", "15/NQ-HĐND", "21/TTr-UBND": a number, an optional year, and a
# symbol of parts joined by hyphens, each starting with a capital letter or digit (Đ included; "TTr" as printed).
NUMBER_PATTERN = re.compile(r"^[0-9]{1,6}(/[0-9]{4})?/[A-ZĐ][A-ZĐa-zđ0-9]*(-[A-ZĐ0-9][A-ZĐa-zđ0-9]*)*$")


def in_force_by(day, prefix=""):
    """Documents (reached through ``prefix``) whose force has begun on ``day``: from the effective date, or from the
    issue date when no effective date is given."""
    return Q(**{f"{prefix}effective_on__lte": day}) | Q(
        **{f"{prefix}effective_on__isnull": True, f"{prefix}issued_on__lte": day}
    )


class LegalDocumentQuerySet(PageQuerySet):
    def for_listing(self):
        """Documents a citizen may see, newest first."""
        return self.live().public().order_by("-issued_on", "-pk")

    def as_rows(self, day=None):
        """With what a row of the table shows: type, issuer, files and the status."""
        return self.select_related("document_type", "issuer").prefetch_related("files__document").with_status(day)

    def with_status(self, day=None):
        """Annotate ``legal_status`` as of ``day`` (today in Vietnam), by the rules of ``status_condition``."""
        day = day or timezone.localdate()
        return self.annotate(
            legal_status=Case(
                *(When(status_condition(status, day, per_row=True), then=Value(status)) for status in LegalStatus),
                default=Value(LegalStatus.IN_FORCE),
                output_field=models.CharField(),
            )
        )

    def with_status_of(self, status, day=None):
        """The documents whose status on ``day`` is ``status``: a plain condition the planner can join on, rather
        than the annotation compared row by row."""
        return self.filter(status_condition(status, day or timezone.localdate()))


def status_condition(status, day, per_row=False) -> Q:
    """The documents whose status on ``day`` is ``status``: an editor's choice if set; else not yet in force before
    the effective date; expired from the expiry date or once a document in force replaces it; partly expired once a
    document in force amends it or repeals part of it; else in force. The four conditions never overlap.

    ``per_row`` looks the relations up for each row (a few rows: the page shown); otherwise they are read once for all
    (a filter over every document)."""

    def acted_on_by(*kinds):  # targets of a live document in force on ``day`` relating to them in one of ``kinds``
        acting = DocumentRelation.objects.filter(Q(page__live=True) & in_force_by(day, "page__"), kind__in=kinds)
        return Q(Exists(acting.filter(target=OuterRef("pk")))) if per_row else Q(pk__in=acting.values("target_id"))

    automatic = Q(status_override="")
    begun = automatic & in_force_by(day)
    dated_out = Q(expires_on__lte=day)
    replaced = acted_on_by(RelationKind.REPLACES)
    amended = acted_on_by(RelationKind.AMENDS, RelationKind.PARTLY_REPEALS)
    derived = {
        LegalStatus.NOT_YET: automatic & ~in_force_by(day),
        LegalStatus.EXPIRED: begun & (dated_out | replaced),
        LegalStatus.PARTLY_EXPIRED: begun & ~dated_out & ~replaced & amended,
        LegalStatus.IN_FORCE: begun & ~dated_out & ~replaced & ~amended,
    }
    return Q(status_override=status) | derived[LegalStatus(status)]


LegalDocumentManager = PageManager.from_queryset(LegalDocumentQuerySet)


class DocumentListingMixin:
    """The table of documents with its filters, shared by the library and each collection."""

    def get_documents(self, site=None):
        return LegalDocumentPage.objects.for_listing().filter(self.documents_condition(site))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        library = self.get_library()
        collections = list(library.get_collections())
        site = Site.find_for_request(request)
        form = DocumentFilterForm(request.GET, collections=collections, collection=self.get_collection(), site=site)
        # Paging counts and walks the ids with the filters only; the rows shown are then read whole, status included.
        rows = LegalDocumentPage.objects.as_rows()
        documents = paginate(request, form.filter(self.get_documents(site)), LISTING_PAGE_SIZE, rows=rows)
        context.update(
            {
                "documents": documents,
                "filter_form": form,
                "filter_message": form.problem_message(),
                "library": library,
                "collections": collections,
            }
        )
        return context


class DocumentLibraryPage(DocumentListingMixin, SectionPage):
    """Hệ thống văn bản (/van-ban/): every document of every public collection, with filters."""

    subpage_types = ["documents.DocumentCollectionPage"]
    template = "documents/document_library_page.html"

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")

    def get_library(self):
        return self

    def get_collection(self):
        return None

    def documents_condition(self, site=None) -> Q:
        """Every document of the library's shelves, and those the province shares with ``site``."""
        return own_or_shared_q(LegalDocumentPage.objects, self, site)

    def get_collections(self):
        """The public shelves, in the editor's order."""
        return DocumentCollectionPage.objects.child_of(self).live().public().order_by("path")


class DocumentCollectionPage(DocumentListingMixin, BasePage):
    """One shelf of the library, e.g. "Văn bản của huyện" or "Tài liệu họp HĐND"; its own address and listing.

    A collection made private (Wagtail's privacy setting) hides its documents and their files from the public."""

    parent_page_types = ["documents.DocumentLibraryPage"]
    subpage_types = ["documents.LegalDocumentPage"]
    template = "documents/document_library_page.html"

    kind = models.CharField(_("kind"), max_length=20, choices=CollectionKind.choices, default=CollectionKind.DISTRICT)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("kind"), FieldPanel("intro")]

    class Meta:
        verbose_name = _("document collection")
        verbose_name_plural = _("document collections")

    def get_library(self):
        return self.get_parent().specific

    def get_collection(self):
        return self

    def documents_condition(self, site=None) -> Q:
        """The shelf's documents; the province shelf also holds the documents the province shares with ``site``."""
        return own_or_shared_q(LegalDocumentPage.objects, self, site, shared=self.kind == CollectionKind.PROVINCE)

    @property
    def groups_by_session(self) -> bool:
        return self.kind == CollectionKind.COUNCIL

    def get_summary(self) -> str:
        return super().get_summary() or self.intro


class LegalDocumentPage(SharedWithComponents, BasePage):
    """A document with its official metadata ("thuộc tính văn bản"), files and relations."""

    parent_page_types = ["documents.DocumentCollectionPage"]
    subpage_types = []

    number = models.CharField(
        _("number and symbol"), max_length=60, help_text=_("Số/ký hiệu as printed, e.g. 12/2023/QĐ-UBND")
    )
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("document type"), on_delete=models.PROTECT, related_name="+"
    )
    issuer = models.ForeignKey(Issuer, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+")
    signer = models.CharField(_("signed by"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=160, blank=True, help_text=_("E.g. Chủ tịch"))
    issued_on = models.DateField(_("issue date"), default=timezone.localdate)
    effective_on = models.DateField(
        _("effective date"), null=True, blank=True, help_text=_("Leave empty if it takes effect on the issue date.")
    )
    expires_on = models.DateField(_("expiry date"), null=True, blank=True)
    fields = ParentalManyToManyField(LegalField, verbose_name=_("policy areas"), blank=True, related_name="+")
    status_override = models.CharField(
        _("status set by hand"),
        max_length=20,
        choices=LegalStatus.choices,
        blank=True,
        help_text=_("Leave empty: the status follows from the dates and the documents that replace or amend it."),
    )
    council_session = models.CharField(
        _("council session"),
        max_length=160,
        blank=True,
        help_text=_("People's Council meeting documents only, e.g. Kỳ họp thứ 7, HĐND huyện khóa XX"),
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = LegalDocumentManager()

    content_panels = [
        FieldPanel("title", heading=_("Summary (trích yếu)")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("council_session")]),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]),
                FieldPanel("status_override"),
                FieldPanel("fields", widget=forms.CheckboxSelectMultiple),
                share_panel,
            ],
            heading=_("Document details"),
        ),
        InlinePanel("files", label=_("Files"), min_num=1),
        InlinePanel("relations", label=_("Relations to other documents")),
        FieldPanel("notes"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("number"), index.FilterField("issued_on")]
    # The open-data API (/api/v2/pages/, docs/api.md). The status is computed (``with_status``), never stored.
    api_fields = [
        APIField("number"),
        APIField("document_type", serializer=NameSlugSerializer()),
        APIField("issuer", serializer=NameSlugSerializer()),
        APIField("signer"),
        APIField("signer_title"),
        APIField("issued_on"),
        APIField("effective_on"),
        APIField("expires_on"),
        APIField("legal_status", serializer=LabelField()),
        APIField("legal_status_label", serializer=LabelField(source="get_legal_status_display")),
        APIField("policy_areas", serializer=NameSlugListField()),
        APIField("council_session"),
        APIField("notes"),
        APIField("files", serializer=AttachmentListField()),
        APIField("relations", serializer=DocumentRelationListField()),
    ]

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        indexes = [
            models.Index(fields=["issued_on"], name="documents_issued_on"),
            models.Index(fields=["document_type", "issued_on"], name="documents_type_issued"),
            models.Index(fields=["issuer", "issued_on"], name="documents_issuer_issued"),
            models.Index(fields=["number"], name="documents_number"),
        ]

    def __str__(self):
        return f"{self.number} – {self.title}"

    def clean(self):
        super().clean()
        errors = {}
        number = plain_code(self.number)
        if number and not NUMBER_PATTERN.match(number):
            errors["number"] = _(
                "Write the number as printed: digits, an optional year and the symbol in capitals, "
                "e.g. 12/2023/QĐ-UBND or 125/QĐ-UBND."
            )
        self.number = number
        start = self.effective_on or self.issued_on
        if self.issued_on and self.effective_on and self.effective_on < self.issued_on:
            errors["effective_on"] = _("A document cannot take effect before it is issued.")
        elif start and self.expires_on and self.expires_on <= start:
            errors["expires_on"] = _("The expiry date must come after the date the document takes effect.")
        if number and self.issuer_id and self.document_type_id and "number" not in errors:
            # Numbers restart every year for each issuer and type.
            same = LegalDocumentPage.objects.filter(
                number__iexact=number,
                issuer_id=self.issuer_id,
                document_type_id=self.document_type_id,
                issued_on__year=self.issued_on.year if self.issued_on else None,
            ).exclude(pk=self.pk)
            if same.exists():
                errors["number"] = _("%(issuer)s already has a %(type)s numbered %(number)s in %(year)s.") % {
                    "issuer": self.issuer,
                    "type": str(self.document_type).lower(),
                    "number": number,
                    "year": self.issued_on.year if self.issued_on else "",
                }
        if errors:
            raise ValidationError(errors)

    @property
    def legal_status(self) -> str:
        """The status today, computed the way listings compute it."""
        if not hasattr(self, "_legal_status"):
            found = LegalDocumentPage.objects.filter(pk=self.pk).with_status().values_list("legal_status", flat=True)
            self._legal_status = found.first() or self.status_override or LegalStatus.IN_FORCE
        return self._legal_status

    @legal_status.setter
    def legal_status(self, value):
        self._legal_status = value

    def get_legal_status_display(self) -> str:
        return LegalStatus(self.legal_status).label

    @property
    def policy_areas(self):
        """The policy areas (``fields``), under a name that does not clash with the API's ``?fields=``."""
        return self.fields

    def save(self, *args, **kwargs):
        self.number = plain_code(self.number)  # also when saved without the form (imports, scripts)
        return super().save(*args, **kwargs)

    def get_summary(self) -> str:
        return super().get_summary() or f"{self.number} – {self.title}"

    def get_relations(self) -> list[tuple[str, list]]:
        """(label, documents) for every relation that reaches a document a citizen may see, in both directions."""
        visible = LegalDocumentPage.objects.live().public()
        groups: dict[str, list] = {}
        for relation in self.relations.filter(target__in=visible).select_related("target"):
            groups.setdefault(str(relation.get_kind_display()), []).append(relation.target)
        incoming = DocumentRelation.objects.filter(target=self, page__in=visible).select_related("page")
        for relation in incoming.order_by("page__issued_on"):
            groups.setdefault(str(INVERSE_LABELS[relation.kind]), []).append(relation.page)
        return list(groups.items())

    def get_search_documents(self) -> list[dict]:
        (document,) = super().get_search_documents()
        texts = FileText.objects.filter(
            document__in=self.files.values("document"), status=FileText.Status.DONE
        ).values_list("text", flat=True)
        document.update(
            kind=SearchKind.DOCUMENT,
            number=self.number,
            summary=" ".join([self.title, str(self.document_type), str(self.issuer), self.signer]),
            body=" ".join(
                [self.notes, self.council_session, *(file.display_title for file in self.files.all()), *texts]
            ),
            date=self.issued_on,
        )
        return [document]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        files = list(self.files.select_related("document"))
        downloads = FileDownload.objects.filter(document__in=[file.document_id for file in files])
        counts = dict(downloads.values_list("document", "count"))
        for file in files:
            file.downloads = counts.get(file.document_id, 0)
        context.update({"files": files, "relations": self.get_relations(), "collection": self.get_parent().specific})
        return context


class LegalDocumentFile(Attachment):
    """A file of the document: the signed scan, an appendix …"""

    page = ParentalKey(LegalDocumentPage, related_name="files", on_delete=models.CASCADE)

    class Meta(Attachment.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    @property
    def is_pdf(self) -> bool:
        return self.document.file_extension.lower() == "pdf"


class DocumentRelation(Orderable):
    """This document replaces, amends, partly repeals, guides or is based on another; shown on both."""

    page = ParentalKey(LegalDocumentPage, related_name="relations", on_delete=models.CASCADE)
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocumentPage, verbose_name=_("related document"), on_delete=models.CASCADE, related_name="related_from"
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("target")])]

    class Meta(Orderable.Meta):
        verbose_name = _("relation")
        verbose_name_plural = _("relations")


class FileText(models.Model):
    """The text of an uploaded file, for the search; extracted once per file version with size and time limits."""

    class Status(models.TextChoices):
        DONE = "done", _("Extracted")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not extractable")

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, primary_key=True, related_name="extracted_text"
    )
    file_hash = models.CharField(max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    text = models.TextField(_("text"), blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)

    class Meta:
        verbose_name = _("file text")
        verbose_name_plural = _("file texts")

    def __str__(self):
        return f"{self.document_id}: {self.status}"


class FileDownload(models.Model):
    """How many times a file was downloaded or opened (by people; bots and repeated range requests aside)."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    count = models.PositiveBigIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("file download count")
        verbose_name_plural = _("file download counts")

    def __str__(self):
        return f"{self.document_id}: {self.count}"
