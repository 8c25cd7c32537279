"""The open-data API: Wagtail's API v2 at /api/v2/ (pages, images, documents), read-only, for anonymous consumers.

What it shows is what a citizen may see on the site it is asked on: live pages without view restrictions (on the page
or an ancestor), the live version of a page with a newer draft, documents the download view would serve to anyone.
Listings read each type's rows with what they show in a fixed number of queries (``with_rows``). Errors are
``{"message": …}`` with 400, 404, 405 or 429, in the portal's language. See docs/api.md."""

import math
import re

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import Http404, JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.api import APIField
from wagtail.api.v2.filters import AncestorOfFilter, ChildOfFilter, DescendantOfFilter, OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction, Page, Site

from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from documents.models import DocumentRelation, LegalDocumentFile, LegalDocumentPage
from gallery.images import prefetch_renditions
from gallery.models import AlbumPage, AudioPage, VideoPage
from news.models import API_IMAGE_SPEC, NewsArticlePage, RelatedArticle
from notices.models import NoticePage
from opendata.filters import (
    DATE_PARAMETERS,
    PARAMETER_NAMES,
    DateRangeFilter,
    FoldedSearchFilter,
    PortalFieldsFilter,
    PortalFilter,
    UnitFilter,
)
from portal.api_fields import TagNamesField, UnitField
from portal.guard import client_ip
from portal.numbers import read_id, read_int
from portal.sites import Unit, is_province, units

THROTTLE_SCOPE = "opendata"

# Wagtail's own messages, in the portal's language.
WAGTAIL_MESSAGES = {
    "parent page doesn't exist": _("The parent page does not exist or is not public."),
    "ancestor page doesn't exist": _("The ancestor page does not exist or is not public."),
    "descendant page doesn't exist": _("The descendant page does not exist or is not public."),
    "child_of must be a positive integer": _("child_of must be a positive integer or “root”."),
    "descendant_of must be a positive integer": _("descendant_of must be a positive integer or “root”."),
    "ancestor_of must be a positive integer": _("ancestor_of must be a positive integer."),
    "filtering by descendant_of with child_of is not supported": _("descendant_of cannot be combined with child_of."),
    "random ordering cannot be combined with other fields": _("order=random cannot be combined with other fields."),
    "random ordering with offset is not supported": _("order=random cannot be combined with offset."),
}
WAGTAIL_PATTERNS = [
    (re.compile(r"^unknown fields: (?P<names>.*)$"), _("Unknown fields: %(names)s.")),
    (re.compile(r"^fields error: (?P<error>.*)$"), _("The fields parameter is not understood: %(error)s.")),
    (re.compile(r"^cannot order by '(?P<field>.*)' \(.*\)$"), _("Cannot order by “%(field)s”.")),
    (re.compile(r"^'(?P<field>.*)' does not support nested fields$"), _("“%(field)s” has no nested fields.")),
    (
        re.compile(r"^field filter error\. '(?P<value>.*)' is not a valid value for (?P<name>\w+) \(.*\)$", re.S),
        _("“%(value)s” is not a valid value for %(name)s."),
    ),
    (
        re.compile(r"^field filter error\. null characters are not allowed for (?P<name>\w+)$"),
        _("%(name)s must not contain null characters."),
    ),
    (
        re.compile(r"^rich_text_format must be one of (?P<choices>.*), got '(?P<value>.*)'$", re.S),
        _("rich_text_format must be one of %(choices)s (got “%(value)s”)."),
    ),
]
# Beyond this an offset is an error rather than an empty page (databases refuse offsets past 64 bits).
MAX_OFFSET = 1_000_000_000


def translated(message: str) -> str:
    if message in WAGTAIL_MESSAGES:
        return str(WAGTAIL_MESSAGES[message])
    for pattern, translation in WAGTAIL_PATTERNS:
        match = pattern.match(message)
        if match:
            return str(translation) % match.groupdict()
    return message


class OpenDataThrottle(AnonRateThrottle):
    """Requests per client address (the one TRUSTED_PROXY_COUNT proxies report, as the visitor counters use), at
    ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["opendata"]`` (env API_THROTTLE_RATE), counted in the default cache."""

    scope = THROTTLE_SCOPE

    def get_rate(self):
        # Read at each request rather than once at import, so that the rate follows the settings.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request)


class OpenDataPagination(WagtailPagination):
    """Wagtail's ``limit`` and ``offset``, with their errors in the portal's language."""

    def paginate_queryset(self, queryset, request, view=None):
        numbers = {}
        for name in ("offset", "limit"):
            value = request.GET.get(name, "0")
            numbers[name] = read_int(value)
            if numbers[name] is None:
                raise BadRequestError(
                    gettext("%(name)s must be a whole number, 0 or more (got “%(value)s”).")
                    % {"name": name, "value": value}
                )
        if numbers["offset"] > MAX_OFFSET:
            raise BadRequestError(gettext("offset cannot be higher than %(max)d.") % {"max": MAX_OFFSET})
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        if limit_max and numbers["limit"] > limit_max:
            raise BadRequestError(gettext("limit cannot be higher than %(max)d.") % {"max": limit_max})
        return super().paginate_queryset(queryset, request, view)


class OpenDataMixin:
    """What every endpoint shares: anonymous and read-only, throttled, ``{"message"}`` errors, open to any origin."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [OpenDataThrottle]
    pagination_class = OpenDataPagination

    def check_query_parameters(self, queryset):
        allowed = set(self.get_available_fields(queryset.model, db_fields_only=True)) | self.known_query_parameters
        unknown = sorted(set(self.request.GET) - allowed)
        if unknown:
            raise BadRequestError(gettext("Unknown query parameters: %(names)s.") % {"names": ", ".join(unknown)})

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            return Response({"message": translated(str(exc))}, status=400)
        if isinstance(exc, Http404):
            return Response({"message": gettext("Not found.")}, status=404)
        response = super().handle_exception(exc)
        if isinstance(exc, Throttled):
            seconds = math.ceil(exc.wait or 1)
            message = gettext("Too many requests. Try again in %(seconds)d seconds.") % {"seconds": seconds}
            response.data = {"message": message}
        elif isinstance(response.data, dict) and "detail" in response.data:
            response.data = {"message": str(response.data["detail"])}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Public, read-only data without credentials: any web page may read it.
        response["Access-Control-Allow-Origin"] = "*"
        return response


def with_rows(queryset, view, listing=True):
    """The pages of ``queryset`` with what their API fields show, read in a fixed number of queries however many
    rows there are; relations to other pages only where those pages are visible. Listings leave out the body."""
    model = queryset.model
    visible = view.get_base_queryset().values("pk")
    if issubclass(model, NewsArticlePage):
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=API_IMAGE_SPEC)
        queryset = queryset.select_related("feature_image", "primary_category").prefetch_related(
            "categories",
            "tags",
            Prefetch("feature_image__renditions", queryset=renditions),
            Prefetch(
                "related_links", queryset=RelatedArticle.objects.filter(article__in=visible).select_related("article")
            ),
        )
    elif issubclass(model, NoticePage):
        queryset = queryset.prefetch_related("attachments__document", "exam_sessions")
    elif issubclass(model, LegalDocumentPage):
        incoming = DocumentRelation.objects.filter(page__in=visible).select_related("page")
        queryset = (
            queryset.select_related("document_type", "issuer")
            .prefetch_related(
                "fields",
                "files__document",
                Prefetch(
                    "relations", queryset=DocumentRelation.objects.filter(target__in=visible).select_related("target")
                ),
                Prefetch("related_from", queryset=incoming.order_by("page__issued_on", "pk")),
            )
            .with_status()
        )
    elif issubclass(model, AlbumPage):
        queryset = queryset.select_related("cover").prefetch_related(prefetch_renditions("cover__renditions"))
    elif issubclass(model, VideoPage):
        queryset = queryset.select_related("poster", "media").prefetch_related(
            prefetch_renditions("poster__renditions")
        )
    elif issubclass(model, AudioPage):
        queryset = queryset.select_related("media")
    if listing:
        queryset = queryset.defer_streamfields()
    return queryset


class PortalPagesAPIViewSet(OpenDataMixin, PagesAPIViewSet):
    """Live, public pages of the site asked, with each type's fields (docs/api.md)."""

    filter_backends = [
        PortalFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        UnitFilter,
        PortalFilter,
        DateRangeFilter,
        FoldedSearchFilter,
    ]
    # One site per request (no ?site=), no translations (no ?locale=, ?translation_of=), the portal's search (every
    # word must match: no ?search_operator=).
    known_query_parameters = (
        PagesAPIViewSet.known_query_parameters - {"site", "locale", "translation_of", "search_operator"}
    ) | (PARAMETER_NAMES | set(DATE_PARAMETERS) | {UnitFilter.parameter})
    meta_fields = [
        *(name for name in PagesAPIViewSet.meta_fields if name != "locale"),
        APIField("unit", serializer=UnitField(source="path")),
    ]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "unit"]
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "body"]

    @classmethod
    def get_detail_default_fields(cls, model):
        return BaseAPIViewSet.get_detail_default_fields.__func__(cls, model)

    def get_base_queryset(self):
        """Live pages of the requesting site (on the province's portal: of every unit), neither private nor below a
        private page, whoever asks."""
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        pages = Page.objects.live().public()
        if is_province(site):
            return pages.filter(depth__gt=1)
        return pages.descendant_of(site.root_page, inclusive=True)

    def get_units(self) -> list[Unit]:
        """The units this site's answers hold pages of (read once per request)."""
        if not hasattr(self, "_units"):
            site = Site.find_for_request(self.request)
            every = units()
            self._units = every if is_province(site) else [unit for unit in every if unit.site_id == site.pk]
        return self._units

    def get_queryset(self):
        page_types = self.request.GET.get("type")
        if page_types:
            try:
                page_models_from_string(page_types)
            except (LookupError, ValueError) as error:
                raise BadRequestError(
                    gettext("Unknown page type “%(type)s”: write app.Model, e.g. news.NewsArticlePage.")
                    % {"type": page_types}
                ) from error
        return super().get_queryset()

    def filter_queryset(self, queryset):
        # Filters apply to listings; a detail is found by its id alone (among the visible pages).
        if self.action != "listing_view":
            return queryset
        return with_rows(super().filter_queryset(queryset), self)

    def get_object(self):
        if not hasattr(self, "_page_with_rows"):
            page = super().get_object()
            model = type(page)
            self._page_with_rows = with_rows(model.objects.filter(pk=page.pk), self, listing=False).first() or page
        return self._page_with_rows

    def find_object(self, queryset, request):
        if "id" in request.GET and read_id(request.GET["id"]) is None:
            raise BadRequestError(gettext("id must be a positive integer."))
        return super().find_object(queryset, request)


def hidden_collections() -> Q:
    """Collections with a view restriction, and the collections below them, whoever asks."""
    hidden = Q(pk__in=[])
    for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        hidden |= Q(collection__path__startswith=path)
    return hidden


class NoSearchMixin:
    def filter_queryset(self, queryset):
        if "search" in self.request.GET:
            raise BadRequestError(
                gettext(
                    "Search is available on the pages endpoint: a legal document's files are found through it, "
                    "e.g. /api/v2/pages/?type=documents.LegalDocumentPage&search=…"
                )
            )
        return super().filter_queryset(queryset)

    def find_object(self, queryset, request):
        if "id" in request.GET and read_id(request.GET["id"]) is None:
            raise BadRequestError(gettext("id must be a positive integer."))
        return super().find_object(queryset, request)


class PortalImageSerializer(ImageSerializer):
    tags = TagNamesField()


class PortalDocumentSerializer(DocumentSerializer):
    tags = TagNamesField()


class PortalImagesAPIViewSet(OpenDataMixin, NoSearchMixin, ImagesAPIViewSet):
    """Every image of the image library (Wagtail has no privacy for images), except those in a restricted
    collection."""

    base_serializer_class = PortalImageSerializer
    filter_backends = [PortalFieldsFilter, OrderingFilter]
    known_query_parameters = ImagesAPIViewSet.known_query_parameters - {"search_operator"}

    def get_queryset(self):
        return self.model.objects.exclude(hidden_collections()).prefetch_related("tags").order_by("id")


class PortalDocumentsAPIViewSet(OpenDataMixin, NoSearchMixin, DocumentsAPIViewSet):
    """Documents the download view serves to anyone (``documents.downloads.may_serve``): not in a restricted
    collection, and, when attached to legal documents, attached to at least one live, public one."""

    base_serializer_class = PortalDocumentSerializer
    filter_backends = [PortalFieldsFilter, OrderingFilter]
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters - {"search_operator"}

    def get_queryset(self):
        attached = LegalDocumentFile.objects.values("document_id")
        served = LegalDocumentFile.objects.filter(page__in=LegalDocumentPage.objects.live().public()).values(
            "document_id"
        )
        return (
            self.model.objects.exclude(hidden_collections())
            .filter(~Q(pk__in=attached) | Q(pk__in=served))
            .prefetch_related("tags")
            .order_by("id")
        )


def not_found(request, *args, **kwargs):
    """Any other address under the API: a 404 in JSON, as the API's own errors are."""
    return JsonResponse({"message": gettext("Not found.")}, status=404)


api_router = WagtailAPIRouter("opendata")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
