"""The admin dashboard's visitors panel: a 30-day chart of views and visitors and the most-read pages."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from visitors.models import DailyCount
from visitors.reading import most_read

CHART_DAYS = 30
CHART_WIDTH, CHART_HEIGHT = 600, 160


class VisitorsPanel(Component):
    name = "visitors"
    order = 50
    template_name = "visitors/admin/panel.html"

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        days = [today - datetime.timedelta(days=offset) for offset in range(CHART_DAYS - 1, -1, -1)]
        sites = []
        for site in Site.objects.order_by("-is_default_site", "hostname"):
            counts = {row.day: row for row in DailyCount.objects.filter(site=site, day__gte=days[0])}
            views = [counts[day].views if day in counts else 0 for day in days]
            visitors = [counts[day].visitors if day in counts else 0 for day in days]
            sites.append(
                {
                    "site": site,
                    "chart": chart(days, views, visitors),
                    "views": sum(views),
                    "visitors": sum(visitors),
                    "most_read": most_read(site, CHART_DAYS, 10),
                }
            )
        return {"sites": sites, "days": CHART_DAYS, "title": _("Visits in the last 30 days")}


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
    panels.append(VisitorsPanel())
