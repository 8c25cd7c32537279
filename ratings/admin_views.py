"""The admin report "Page usefulness": for one portal the user works on, the least useful pages, the latest comments
and the weekly trend, over 30, 90 or 365 days; the ranked pages as a CSV file too."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from editorial.admin_scope import sites_for_user
from portal.numbers import read_id
from ratings import report


class RatingsReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ratings/admin/report.html"
    page_title = _("Page usefulness")
    header_icon = "tick"

    def dispatch(self, request, *args, **kwargs):
        self.sites = list(sites_for_user(request.user))
        if not self.sites:
            raise PermissionDenied
        self.site = self.chosen_site(request)
        days = read_id(request.GET.get("days"))
        self.days = days if days in report.PERIODS else report.PERIODS[0]
        self.since = report.first_day(self.days)
        return super().dispatch(request, *args, **kwargs)

    def chosen_site(self, request) -> Site:
        """The site asked for (one of the user's, or refused), else the one the admin is open on, else the default
        site, else the first."""
        if "site" in request.GET:
            wanted = read_id(request.GET["site"])
            chosen = next((site for site in self.sites if site.pk == wanted), None)
            if chosen is None:
                raise PermissionDenied
            return chosen
        host = request.get_host().split(":")[0]
        here = [site for site in self.sites if site.hostname == host] or [s for s in self.sites if s.is_default_site]
        return (here or self.sites)[0]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            return self.csv_export()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        useful, not_useful = report.totals(self.site, self.since)
        weeks = report.weeks(self.site, self.since)
        return super().get_context_data(
            sites=self.sites,
            site=self.site,
            periods=report.PERIODS,
            days=self.days,
            since=self.since,
            min_votes=report.MIN_VOTES,
            useful=useful,
            not_useful=not_useful,
            votes=useful + not_useful,
            scores=report.least_useful(self.site, self.since),
            comments=report.latest_comments(self.site, self.since),
            weeks=list(reversed(weeks)),
            most_in_a_week=max([week.votes for week in weeks] or [0]),
            **kwargs,
        )

    def csv_export(self) -> HttpResponse:
        """Every page answered at least MIN_VOTES times in the period, the least useful first."""
        name = f"muc-do-huu-ich-{self.site.hostname}-{timezone.localdate():%Y%m%d}.csv"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response.write("\ufeff")  # so that spreadsheet programs read the Vietnamese letters as UTF-8
        writer = csv.writer(response)
        writer.writerow(
            [gettext("Page"), gettext("Address"), gettext("Useful"), gettext("Not useful"), gettext("Not useful (%)")]
        )
        for score in report.least_useful(self.site, self.since, limit=None):
            url = score.page.get_url(self.request) or ""
            share = round(score.not_useful_share * 100)
            writer.writerow([plain_cell(score.page.title), url, score.useful, score.not_useful, share])
        return response


def plain_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
