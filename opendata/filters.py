"""The open-data API's query parameters beyond Wagtail's: the portal's vocabularies by slug, a date range on each
type's own date, and the portal's folded search. A value that is not understood is a 400 naming it, never a 500 and
never silently ignored.

Parameters that belong to one kind of page (``category`` to news, ``kind`` to notices …) need ``type=`` naming that
kind; on any other type they are a 400, unless the type has a plain field of that name (``issuer`` of a notice is its
text), which Wagtail's own field filter then matches exactly."""

import datetime
import re
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError

from rest_framework.filters import BaseFilterBackend

from documents.enums import STATUS_BY_SLUG, LegalStatus
from documents.models import DocumentCollectionPage, DocumentType, Issuer, LegalDocumentPage, LegalField
from gallery.models import AlbumPage, AudioPage, VideoPage
from news.models import NewsArticlePage, NewsCategory
from notices.enums import KIND_BY_SLUG, NoticeKind, NoticeStatus
from notices.models import NoticePage, WorkWeekPage
from portal.numbers import field_bounds, read_int
from search.engines import database_engine
from search.enums import SearchKind
from search.query import parse

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIRST_YEAR, LAST_YEAR = 1900, 2200

# Each type's own date, which date_from and date_to apply to.
DATE_FIELDS = {
    NewsArticlePage: "display_date",
    NoticePage: "issued_on",
    LegalDocumentPage: "issued_on",
    AlbumPage: "date",
    VideoPage: "date",
    AudioPage: "date",
}

# The kinds of rows of the public search index each page type is found by (a notice also by its exam sessions).
SEARCH_KINDS = {
    NewsArticlePage: [SearchKind.NEWS],
    NoticePage: [SearchKind.NOTICE, SearchKind.EXAM],
    LegalDocumentPage: [SearchKind.DOCUMENT],
    AlbumPage: [SearchKind.MEDIA],
    VideoPage: [SearchKind.MEDIA],
    AudioPage: [SearchKind.MEDIA],
    WorkWeekPage: [SearchKind.SCHEDULE],
}


def type_name(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def bad_value(name, value, expected=""):
    message = gettext("“%(value)s” is not a valid value for %(name)s.") % {"value": value, "name": name}
    return BadRequestError(f"{message} {expected}".strip())


def by_slug(model, name, value):
    """The vocabulary entry with this slug, or a 400 listing the slugs there are."""
    found = model.objects.filter(slug=value).first()
    if found is None:
        slugs = ", ".join(model.objects.values_list("slug", flat=True))
        raise bad_value(name, value, gettext("Known values: %(values)s.") % {"values": slugs})
    return found


def filter_category(queryset, value, view):
    return queryset.filter(categories=by_slug(NewsCategory, "category", value))


def filter_notice_kind(queryset, value, view):
    kind = value if value in NoticeKind.values else KIND_BY_SLUG.get(value)
    if kind is None:
        values = ", ".join([*NoticeKind.values, *KIND_BY_SLUG])
        raise bad_value("kind", value, gettext("Known values: %(values)s.") % {"values": values})
    return queryset.filter(kind=kind)


def filter_notice_status(queryset, value, view):
    if value in ("open", NoticeStatus.OPEN):
        return queryset.open()
    if value in ("expired", NoticeStatus.EXPIRED):
        return queryset.expired()
    values = ", ".join(["open", "expired", *NoticeStatus.values])
    raise bad_value("status", value, gettext("Known values: %(values)s.") % {"values": values})


def filter_collection(queryset, value, view):
    """Documents of one shelf of the library (a public collection page of this site), by its slug."""
    shelves = list(view.get_base_queryset().type(DocumentCollectionPage).filter(slug=value).only("path", "depth"))
    if not shelves:
        known = view.get_base_queryset().type(DocumentCollectionPage).values_list("slug", flat=True)
        raise bad_value("collection", value, gettext("Known values: %(values)s.") % {"values": ", ".join(known)})
    under = Q()
    for shelf in shelves:
        under |= Q(path__startswith=shelf.path, depth__gt=shelf.depth)
    return queryset.filter(under)


def filter_document_type(queryset, value, view):
    return queryset.filter(document_type=by_slug(DocumentType, "document_type", value))


def filter_issuer(queryset, value, view):
    return queryset.filter(issuer=by_slug(Issuer, "issuer", value))


def filter_policy_area(queryset, value, view):
    return queryset.filter(fields=by_slug(LegalField, "policy_area", value))


def filter_legal_status(queryset, value, view):
    status = value if value in LegalStatus.values else STATUS_BY_SLUG.get(value)
    if status is None:
        values = ", ".join([*LegalStatus.values, *STATUS_BY_SLUG])
        raise bad_value("status", value, gettext("Known values: %(values)s.") % {"values": values})
    return queryset.with_status_of(status)


@dataclass(frozen=True)
class Parameter:
    name: str
    models: tuple
    apply: object


PARAMETERS = [
    Parameter("category", (NewsArticlePage,), filter_category),
    Parameter("kind", (NoticePage,), filter_notice_kind),
    Parameter("status", (NoticePage,), filter_notice_status),
    Parameter("collection", (LegalDocumentPage,), filter_collection),
    Parameter("document_type", (LegalDocumentPage,), filter_document_type),
    Parameter("issuer", (LegalDocumentPage,), filter_issuer),
    Parameter("policy_area", (LegalDocumentPage,), filter_policy_area),
    Parameter("status", (LegalDocumentPage,), filter_legal_status),
]
PARAMETER_NAMES = frozenset(parameter.name for parameter in PARAMETERS)
DATE_PARAMETERS = ("date_from", "date_to")


def parameter_for(name, model):
    return next((p for p in PARAMETERS if p.name == name and issubclass(model, p.models)), None)


def models_taking(name) -> list:
    return [model for p in PARAMETERS if p.name == name for model in p.models]


def needs_type(name, models):
    types = ", ".join(type_name(model) for model in models)
    return BadRequestError(
        gettext("The filter %(name)s applies to these types only: %(types)s. Add type= with one of them.")
        % {"name": name, "types": types}
    )


def claimed_by_portal(name, model) -> bool:
    """Whether the portal's filters handle ``name`` for ``model`` (so Wagtail's exact field match must not)."""
    return name in DATE_PARAMETERS or parameter_for(name, model) is not None


class PortalFieldsFilter(FieldsFilter):
    """Wagtail's exact match on a type's fields (``?number=12/QĐ-UBND``), leaving out the parameters the portal's
    filters handle, and with an unreadable value (a date, a number, an id beyond what the database holds) a 400
    rather than a 500."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if claimed_by_portal(name, queryset.model):
                continue
            bounds = number_field_bounds(queryset.model, name) if name in fields else None
            if bounds and read_int(value, *bounds) is None:
                low, high = bounds
                hint = gettext("Write a whole number from %(low)d to %(high)d.") % {"low": low, "high": high}
                raise bad_value(name, value, hint)
            try:
                queryset = super().filter_queryset(SimpleNamespace(GET={name: value}), queryset, view)
            except (ValidationError, ValueError, TypeError) as error:
                raise bad_value(name, value) from error
        return queryset


class PortalFilter(BaseFilterBackend):
    """``category``, ``kind``, ``status``, ``collection``, ``document_type``, ``issuer``, ``policy_area``."""

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        fields = set(view.get_available_fields(model, db_fields_only=True))
        for name in sorted(PARAMETER_NAMES & set(request.GET)):
            parameter = parameter_for(name, model)
            if parameter is None:
                if name in fields:
                    continue  # a plain field of this type: Wagtail's field filter matches it
                raise needs_type(name, models_taking(name))
            value = request.GET[name].strip()
            if not value:
                raise bad_value(name, value)
            queryset = parameter.apply(queryset, value, view)
        return queryset


def number_field_bounds(model, name) -> tuple[int, int] | None:
    """The values the field ``name`` of ``model`` takes if it holds a number or an id, else None."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field_bounds(field)


def parse_date(name, value) -> datetime.date:
    """A day written YYYY-MM-DD, in the years a portal's content can have (and a database can compare)."""
    try:
        if not ISO_DATE.match(value):
            raise ValueError(value)
        day = datetime.date.fromisoformat(value)
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValueError(value)
        return day
    except ValueError as error:
        hint = gettext("Write a date from %(first)d to %(last)d as YYYY-MM-DD, e.g. 2023-03-01.")
        raise bad_value(name, value, hint % {"first": FIRST_YEAR, "last": LAST_YEAR}) from error


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class DateRangeFilter(BaseFilterBackend):
    """``date_from`` and ``date_to`` (inclusive, YYYY-MM-DD, days in Vietnam's time) on the type's own date."""

    def filter_queryset(self, request, queryset, view):
        present = [name for name in DATE_PARAMETERS if name in request.GET]
        if not present:
            return queryset
        field = next((f for model, f in DATE_FIELDS.items() if issubclass(queryset.model, model)), None)
        if field is None:
            raise needs_type(present[0], DATE_FIELDS)
        start = parse_date("date_from", request.GET["date_from"]) if "date_from" in request.GET else None
        end = parse_date("date_to", request.GET["date_to"]) if "date_to" in request.GET else None
        if start and end and start > end:
            raise BadRequestError(gettext("date_from must not be after date_to."))
        is_datetime = queryset.model._meta.get_field(field).get_internal_type() == "DateTimeField"
        if start:
            queryset = queryset.filter(**{f"{field}__gte": local_midnight(start) if is_datetime else start})
        if end:
            after = end + datetime.timedelta(days=1)
            queryset = queryset.filter(**{f"{field}__lt": local_midnight(after) if is_datetime else after})
        return queryset


def search_kinds(model) -> list[str]:
    for searched, kinds in SEARCH_KINDS.items():
        if issubclass(model, searched):
            return list(kinds)
    return list(SearchKind.values)


class FoldedSearchFilter(BaseFilterBackend):
    """``search``: the portal's own folded index (search/engines.py), as the document library's keyword uses it —
    "cai cach hanh chinh" finds "cải cách hành chính", "qd-ubnd 12" finds 12/QĐ-UBND. Every word must match; words
    in double quotes must stand together. It narrows the listing and keeps its order and privacy."""

    def filter_queryset(self, request, queryset, view):
        raw = request.GET.get("search")
        if raw is None or not raw.strip():
            return queryset
        query = parse(raw)
        if not query.terms:
            raise BadRequestError(gettext("The search has no words to look for."))
        engine = database_engine()
        parts = [engine.pages_matching(query.terms, query.phrases, kind=kind) for kind in search_kinds(queryset.model)]
        sql = " UNION ".join(part_sql for part_sql, _params in parts)
        params = [param for _sql, part_params in parts for param in part_params]
        return queryset.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - the engine's fixed SQL, words as parameters


class UnitFilter(BaseFilterBackend):
    """``unit``: the pages of one unit (a component portal or the province's own), by the slug its pages' ``unit``
    field gives; on the province's portal, which answers for every unit."""

    parameter = "unit"

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get(self.parameter)
        if value is None:
            return queryset
        known = {unit.slug: unit for unit in view.get_units()}
        if value not in known:
            raise bad_value(self.parameter, value, gettext("Known values: %(values)s.") % {"values": ", ".join(known)})
        return queryset.filter(path__startswith=known[value].root_path)
