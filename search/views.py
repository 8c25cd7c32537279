"""The public search page (/tim-kiem/) and its suggestions (/tim-kiem/goi-y/)."""

from dataclasses import replace

from django import forms
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from wagtail.models import Site

from portal.filters import FilterForm
from portal.pagination import paginate
from portal.sites import is_province, several_sites, units
from search.engines import Scope
from search.enums import SearchKind
from search.query import MAX_QUERY_LENGTH, parse
from search.service import hits, rank, site_scope, suggestions

RESULTS_PER_PAGE = 20
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]


class SearchFilterForm(FilterForm):
    loai = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("Everything")), *SearchKind.choices])
    tu = forms.DateField(label=_("From date"), required=False, input_formats=DATE_INPUT_FORMATS)
    den = forms.DateField(label=_("To date"), required=False, input_formats=DATE_INPUT_FORMATS)
    don_vi = forms.ChoiceField(label=_("Unit"), required=False)

    def __init__(self, data, site):
        """On the province's portal, which searches every unit's, the unit is a filter too."""
        super().__init__(data)
        self.site = site
        self.units = {unit.slug: unit for unit in units()} if is_province(site) and several_sites() else {}
        self.fields["don_vi"].choices = [("", ""), *((slug, unit.name) for slug, unit in self.units.items())]

    def scope(self) -> Scope:
        self.is_valid()
        data = self.cleaned_data
        date_from, date_to = data.get("tu"), data.get("den")
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        unit = self.units.get(data.get("don_vi") or "")
        return replace(
            site_scope(self.site, unit),
            kind=data.get("loai") or "",
            date_from=date_from,
            date_to=date_to,
        )


@require_safe
def search(request):
    query = parse(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    form = SearchFilterForm(request.GET, site)
    scope = form.scope()
    messages = [message for message in [form.problem_message()] if message]
    if query.truncated:
        messages.append(
            gettext("The search words are too long; the first %(count)d characters were used.")
            % {"count": MAX_QUERY_LENGTH}
        )
    results, ranking = None, None
    if query:
        ranking = rank(query, scope)
        results = paginate(request, ranking.keys, RESULTS_PER_PAGE)
        results.hits = hits(results.object_list, query, request, timezone.localdate(), site)
    context = {
        "search_query": query.text,
        "query": query,
        "filter_form": form,
        "results": results,
        "total": ranking.total if ranking else 0,
        "more": ranking.more if ranking else False,
        "messages_list": messages,
        "kinds": SearchKind.choices,
        "search_crumbs": [(gettext("Search"), request.path)],
    }
    return TemplateResponse(request, "search/search.html", context)


@require_safe
def suggest(request):
    """Titles for the search box while the visitor types; folded like the search itself."""
    query = parse(request.GET.get("q", "")[:MAX_QUERY_LENGTH])
    site = Site.find_for_request(request)
    found = suggestions(query, site_scope(site), request) if len(query.text) >= 2 else []
    response = JsonResponse({"query": query.text, "suggestions": found})
    response["Cache-Control"] = "public, max-age=300"
    return response
