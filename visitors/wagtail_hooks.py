"""The admin dashboard's visitors panel: 30-day charts of views and visitors, the most-read pages, and for the
province's office the total over all portals and the portals ranked by views."""

import datetime
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Site

from visitors.models import DailyCount
from visitors.reading import most_read

CHART_DAYS = 30
RANKED_SITES = 10
CHART_WIDTH, CHART_HEIGHT = 600, 160


class VisitorsPanel(Component):
    """The sites the user works on: the one the admin is open on (or their first) with its most-read pages, and when
    they see several (the province's office), the total over them and the sites ranked by views. The number of
    queries does not grow with the number of sites."""

    name = "visitors"
    order = 50
    template_name = "visitors/admin/panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        sites = visible_sites(self.request.user)
        if not sites:
            return {"sites": []}
        here = Site.find_for_request(self.request)
        current = next((site for site in sites if site.pk == getattr(here, "pk", None)), sites[0])
        today = timezone.localdate()
        days = [today - datetime.timedelta(days=offset) for offset in range(CHART_DAYS - 1, -1, -1)]
        counts = defaultdict(dict)
        rows = DailyCount.objects.filter(site__in=[site.pk for site in sites], day__gte=days[0])
        for site_id, day, views, visitors in rows.values_list("site_id", "day", "views", "visitors"):
            counts[site_id][day] = (views, visitors)

        def entry(label, site_ids, most_read_of=None):
            views = [sum(counts[pk].get(day, (0, 0))[0] for pk in site_ids) for day in days]
            visitors = [sum(counts[pk].get(day, (0, 0))[1] for pk in site_ids) for day in days]
            return {
                "label": label,
                "chart": chart(days, views, visitors),
                "views": sum(views),
                "visitors": sum(visitors),
                "most_read": most_read(most_read_of, CHART_DAYS, 10) if most_read_of else [],
            }

        entries = [entry(current.site_name or current.hostname, [current.pk], most_read_of=current)]
        ranking = []
        if len(sites) > 1:
            label = _("All %(count)s portals") % {"count": len(sites)}
            entries.insert(0, entry(label, [site.pk for site in sites]))
            totals = {site.pk: sum(views for views, _visitors in counts[site.pk].values()) for site in sites}
            ranking = sorted(sites, key=lambda site: (-totals[site.pk], site.hostname))[:RANKED_SITES]
            ranking = [(site, totals[site.pk]) for site in ranking]
        return {
            "sites": entries,
            "several": len(entries) > 1,
            "ranking": ranking,
            "days": CHART_DAYS,
            "title": _("Visits in the last 30 days"),
        }


def visible_sites(user) -> list[Site]:
    """The sites whose pages ``user`` may work on (all for a superuser or a role on the root page), in two queries
    whatever the number of sites."""
    sites = list(Site.objects.select_related("root_page").order_by("-is_default_site", "hostname"))
    if user.is_superuser:
        return sites
    paths = set(GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True))
    return [
        site
        for site in sites
        if any(site.root_page.path.startswith(path) or path.startswith(site.root_page.path) for path in paths)
    ]


def chart(days, views, visitors) -> dict:
    """Bar (views) and line (visitors) geometry for an inline SVG: no script, nothing fetched."""
    top = max([*views, *visitors, 1])
    step = CHART_WIDTH / len(days)
    bars, points = [], []
    for index, (day, day_views, day_visitors) in enumerate(zip(days, views, visitors, strict=True)):
        height = round(day_views / top * (CHART_HEIGHT - 20), 1)
        bars.append(
            {
                "x": round(index * step + 2, 1),
                "y": CHART_HEIGHT - height,
                "width": round(step - 4, 1),
                "height": height,
                "day": day,
                "views": day_views,
                "visitors": day_visitors,
            }
        )
        points.append(
            f"{round(index * step + step / 2, 1)},{CHART_HEIGHT - round(day_visitors / top * (CHART_HEIGHT - 20), 1)}"
        )
    return {"bars": bars, "line": " ".join(points), "width": CHART_WIDTH, "height": CHART_HEIGHT, "top": top}


@hooks.register("construct_homepage_panels")
def add_visitors_panel(request, panels):
    panels.append(VisitorsPanel(request))
