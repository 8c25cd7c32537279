"""Template context of every page: the Wagtail site the request is for, looked up only when a template uses it
(Wagtail keeps it on the request once routing has found it)."""

from django.utils.functional import SimpleLazyObject

from wagtail.models import Site


def current_site(request):
    return {"current_site": SimpleLazyObject(lambda: Site.find_for_request(request))}
