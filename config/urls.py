from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from documents import serving as document_serving
from opendata import api as opendata_api
from opendata.api import api_router
from portal import views as portal_views
from search import views as search_views
from visitors import views as visitor_views

urlpatterns = [
    # The portal settings' admin address before they moved from the home app to portal (editors' bookmarks).
    re_path(
        r"^admin/settings/home/portalsettings/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/settings/portal/portalsettings/%(rest)s", permanent=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view with byte ranges and counting, under Wagtail's name so that document.url reverses to it.
    re_path(r"^documents/(\d+)/(.*)$", document_serving.serve, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("tim-kiem/", search_views.search, name="search"),
    path("tim-kiem/goi-y/", search_views.suggest, name="search_suggest"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
    path("healthz", portal_views.healthz, name="healthz"),
    path("healthz/live", portal_views.liveness, name="liveness"),
    path("luot-truy-cap/", visitor_views.beacon, name="visitor_beacon"),
    path("danh-gia-trang/", include("ratings.urls")),
    path("favicon.ico", portal_views.favicon, name="favicon"),
    path("api/v2/", api_router.urls),
    re_path(r"^api/", opendata_api.not_found),
]

# Uploaded files, for a single machine without a web server in front (make run, make serve). Never documents: they
# go out through /documents/<id>/<name>, which refuses files of private collections and unpublished documents.
MEDIA_FILES = re_path(
    r"^media/(?P<path>(?!documents/|private/).*)$", portal_views.media_file, {"document_root": settings.MEDIA_ROOT}
)
if settings.SERVE_MEDIA:
    urlpatterns += [MEDIA_FILES]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "portal.views.server_error"
