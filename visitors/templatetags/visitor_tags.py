from django import template

from wagtail.models import Site

from visitors import counting

register = template.Library()


@register.simple_tag(takes_context=True)
def visitor_counters(context):
    """The counters as the server knows them now; the beacon refreshes them in the browser."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return counting.counters(site.pk) if site else None
