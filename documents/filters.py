"""The library's filters: bad values are named and left out, never an error."""

from django import forms
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from documents.enums import STATUS_BY_SLUG, STATUS_SLUGS, LegalStatus
from documents.vocabularies import DocumentType, Issuer, LegalField
from portal.filters import FilterForm
from search.engines import database_engine
from search.query import parse

MAX_KEYWORD_LENGTH = 200


class SlugChoiceField(forms.ChoiceField):
    """A choice among a vocabulary's entries, by slug."""

    def __init__(self, model, empty_label, **kwargs):
        super().__init__(required=False, **kwargs)
        self.model = model
        self.empty_label = empty_label

    def load(self, items):
        self.choices = [("", self.empty_label), *((item.slug, item.name) for item in items)]


class DocumentFilterForm(FilterForm):
    q = forms.CharField(label=_("Keyword"), required=False, max_length=MAX_KEYWORD_LENGTH)
    danh_muc = forms.ChoiceField(label=_("Document collection"), required=False)
    loai = SlugChoiceField(DocumentType, _("All document types"), label=_("Document type"))
    co_quan = SlugChoiceField(Issuer, _("All issuing bodies"), label=_("Issued by"))
    linh_vuc = SlugChoiceField(LegalField, _("All policy areas"), label=_("Policy area"))
    nam = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    tinh_trang = forms.ChoiceField(
        label=_("Status in force"),
        required=False,
        choices=[("", _("Any status")), *((STATUS_SLUGS[status], label) for status, label in LegalStatus.choices)],
    )

    def __init__(self, data, collections, collection=None, site=None):
        super().__init__(data)
        self.collection, self.site = collection, site
        self.items = {}
        for name in ("loai", "co_quan", "linh_vuc"):
            field = self.fields[name]
            self.items[name] = {item.slug: item for item in field.model.objects.all()}
            field.load(self.items[name].values())
        self.collections = {page.slug: page for page in collections}
        if collection is None:
            self.fields["danh_muc"].choices = [
                ("", _("All document collections")),
                *((slug, page.title) for slug, page in self.collections.items()),
            ]
        else:
            del self.fields["danh_muc"]

    def filter(self, documents):
        """``documents`` narrowed by every filter whose value is valid."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("danh_muc"):
            documents = documents.filter(self.collections[data["danh_muc"]].documents_condition(self.site))
        if data.get("loai"):
            documents = documents.filter(document_type=self.items["loai"][data["loai"]])
        if data.get("co_quan"):
            documents = documents.filter(issuer=self.items["co_quan"][data["co_quan"]])
        if data.get("linh_vuc"):
            documents = documents.filter(fields=self.items["linh_vuc"][data["linh_vuc"]])
        if data.get("nam"):
            documents = documents.filter(issued_on__year=data["nam"])
        if data.get("tinh_trang"):
            documents = documents.with_status_of(STATUS_BY_SLUG[data["tinh_trang"]])
        query = parse(data.get("q") or "")
        if query.terms or query.phrases:
            sql, params = database_engine().pages_matching(query.terms, query.phrases, kind="document")
            documents = documents.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - fixed SQL, words as parameters
        return documents

    @property
    def is_filtered(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields) if hasattr(self, "cleaned_data") else False
