"""Small site-wide views: robots.txt, the favicon, uploaded files served by the portal itself, the error answers,
and the health checks for load balancers."""

import logging
import secrets

from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views import defaults
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve as serve_static

from portal.models import HealthCheck
from portal.ranges import byte_range

logger = logging.getLogger(__name__)
HEALTH_KEY = "portal:healthz"


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Disallow: {reverse('search')}",
        f"Disallow: {reverse('ratings_answer')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    return HttpResponseRedirect(static("img/favicon.ico"))


@require_safe
def media_file(request, path, document_root):
    """An uploaded file (images, video, audio) when the portal serves them itself (``SERVE_MEDIA``: make run, make
    serve), with byte ranges so that a video or a song can be played from the middle."""
    response, _from_the_start = byte_range(request, serve_static(request, path, document_root))
    return response


def server_error(request):
    """A 500: the API's clients get JSON like every other API error, people the portal's error page."""
    if request.path.startswith("/api/"):
        message = gettext("The portal could not answer this request. Try again later.")
        return JsonResponse({"message": message}, status=500)
    return defaults.server_error(request)


def check_database() -> str:
    """The database answers a read and takes a write (one row, replaced each time)."""
    table = connection.ops.quote_name(HealthCheck._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.execute(
            f"INSERT INTO {table} (id, checked_at) VALUES (1, %s) "  # noqa: S608 - the model's own table name
            "ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
            [timezone.now()],
        )
    return "ok"


def check_cache(alias: str) -> str:
    """A value written to the cache is read back (the caches answer "not found" while they fail, never raise)."""
    cache = caches[alias]
    token = secrets.token_hex(8)
    cache.set(HEALTH_KEY, token, 30)
    return "ok" if cache.get(HEALTH_KEY) == token else "unavailable"


@require_safe
@never_cache
def healthz(request):
    """Readiness, for load balancers and Docker: 200 when the portal can do its job, 503 when it cannot.

    The database must answer and take a write; without it nothing can be published or counted. The cache and the
    page-cache store are reported too, but their failure is "degraded", still 200: the portal serves every page
    without them, only slower, and taking every machine out of a load balancer for a shared cache would stop the
    service altogether."""
    checks = {}
    try:
        checks["database"] = check_database()
    except DatabaseError as error:
        logger.warning("Health check: the database cannot be read or written (%s)", error)
        checks["database"] = "unavailable"
    checks["cache"] = check_cache("default")
    checks["page_cache"] = check_cache("pages")
    if checks["database"] != "ok":
        status, code = "unavailable", 503
    elif all(value == "ok" for value in checks.values()):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)


@require_safe
@never_cache
def liveness(request):
    """The process answers and reaches the database with one ``SELECT 1`` (benchmarks use it as their floor)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
