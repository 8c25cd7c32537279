"""Small site-wide views: robots.txt, the favicon and a health check for load balancers."""

from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Disallow: {reverse('search')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    return HttpResponseRedirect(static("img/favicon.ico"))


def server_error(request):
    """A 500: the API's clients get JSON like every other API error, people the portal's error page."""
    if request.path.startswith("/api/"):
        message = gettext("The portal could not answer this request. Try again later.")
        return JsonResponse({"message": message}, status=500)
    return defaults.server_error(request)


@require_safe
def healthz(request):
    """Answers 200 when the database answers; used by Docker and load balancers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
