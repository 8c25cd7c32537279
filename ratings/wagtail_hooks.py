from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.admin_scope import role_paths
from ratings.admin_views import RatingsReportView


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/page-usefulness/", RatingsReportView.as_view(), name="ratings_report")]


class RatingsReportMenuItem(MenuItem):
    def is_shown(self, request):
        paths = role_paths(request.user)
        return paths is None or bool(paths)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return RatingsReportMenuItem(_("Page usefulness"), reverse("ratings_report"), icon_name="tick", order=750)
