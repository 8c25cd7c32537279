"""When the database cannot be written (a read-only replica or mount, a full disk, a folder without write access) or
cannot be reached: the pages that only read keep being served, and a request that needed to write gets a 503 that
says so, in JSON for the API and the counting beacon, instead of a 500.

``DatabaseUnavailableMiddleware`` turns those errors, wherever a view meets them (a sign-in saving its session, a
failed login counted by django-axes), into that answer, with one line in the log per request and no traceback.
Counting views and downloads is written not to fail at all (visitors, documents); this is for what cannot work
without writing."""

import logging

from django.db import InterfaceError, InternalError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120
JSON_PREFIXES = ("/api/", "/luot-truy-cap/")
READ_ONLY_SQLSTATE = "25006"  # PostgreSQL: read_only_sql_transaction


def is_unavailable(error: BaseException) -> bool:
    """The database refused to write or could not be used, rather than the request being wrong."""
    if isinstance(error, (OperationalError, InterfaceError)):
        return True
    if isinstance(error, InternalError):
        cause = error.__cause__
        return getattr(cause, "sqlstate", None) == READ_ONLY_SQLSTATE or "read-only transaction" in str(error)
    return False


def unavailable_response(request):
    message = gettext("The portal cannot save anything at the moment. Please try again in a few minutes.")
    if request.path.startswith(JSON_PREFIXES):
        response = JsonResponse({"message": message, "error": "unavailable"}, status=503)
    else:
        # Without the request: the context processors would read the database again.
        response = HttpResponse(render_to_string("503.html", {"message": message}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_unavailable(exception):
            return None
        logger.warning("%s %s answered 503: the database is unavailable (%s)", request.method, request.path, exception)
        return unavailable_response(request)
