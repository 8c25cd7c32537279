"""The admin's way to make, close and reopen component portals and to move sections between portals: the same as
``manage.py create_component_site``, ``close_component_site`` and ``move_section``, for whoever may add sites
(Settings → Sites)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from portal.models import PortalSettings
from province.components import ComponentSiteError, close_component_site, create_component_site, state_message
from province.forms import ComponentSiteForm, MoveSectionForm
from province.models import MovedSection
from province.sections import SectionMoveError, move_section, outcome_lines

PERMISSION = "wagtailcore.add_site"


class ProvinceOfficeOnly:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def component_sites() -> list[tuple[Site, object]]:
    """Every site but the default (the province portal), with the day it was closed or None, in two queries."""
    sites = list(Site.objects.filter(is_default_site=False).order_by("hostname"))
    closed = dict(PortalSettings.objects.filter(site__in=sites).values_list("site_id", "archived_since"))
    return [(site, closed.get(site.pk)) for site in sites]


class CreateComponentSiteView(ProvinceOfficeOnly, WagtailAdminTemplateMixin, FormView):
    form_class = ComponentSiteForm
    template_name = "province/admin/create_component_site.html"
    page_title = gettext_lazy("New component portal")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("province_create_component_site"),
            submit_button_label=_("Create the portal"),
            submit_button_active_label=_("Creating…"),
            component_sites=component_sites(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            outcome = create_component_site(form.unit())
        except ComponentSiteError as error:
            form.add_error(error.field, str(error))
            return self.form_invalid(form)
        site = outcome.site
        if outcome.created:
            messages.success(
                self.request,
                format_html(
                    _('{site} is ready at <a href="{url}">{host}</a>: {parts}.'),
                    site=site.site_name,
                    url=site.root_url + "/",
                    host=site.hostname,
                    parts=", ".join(outcome.created),
                ),
            )
        else:
            messages.info(self.request, _("%(site)s exists already: nothing to do.") % {"site": site.site_name})
        return redirect("province_create_component_site")


class ComponentSiteStateView(ProvinceOfficeOnly, View):
    """POST only: close a component portal (``reopen=False``) or open it again."""

    http_method_names = ["post"]
    reopen = False

    def post(self, request, site_id):
        site = get_object_or_404(Site, pk=site_id, is_default_site=False)
        try:
            close_component_site(site.hostname, reopen=self.reopen)
        except ComponentSiteError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, state_message(site, reopened=self.reopen))
        return redirect("province_create_component_site")


class MoveSectionView(ProvinceOfficeOnly, WagtailAdminTemplateMixin, FormView):
    """Move a section between portals, or archive a former unit's portal (province/sections.py); a check first shows
    what would move."""

    form_class = MoveSectionForm
    template_name = "province/admin/move_section.html"
    page_title = gettext_lazy("Move a section")
    header_icon = "arrow-right-full"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            action_url=reverse("province_move_section"),
            submit_button_label=_("Move the section"),
            submit_button_active_label=_("Moving…"),
            moved_sections=MovedSection.objects.select_related("site", "page")[:50],
            **kwargs,
        )
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            outcome = move_section(
                data["source"],
                data["destination"],
                archive=data["archive"],
                archive_title=data["archive_title"],
                dry_run=data["dry_run"],
                user=self.request.user,
            )
        except SectionMoveError as error:
            form.add_error(error.field, str(error))
            return self.form_invalid(form)
        lines = format_html_join("", "<li>{}</li>", ((line,) for line in outcome_lines(outcome)))
        if outcome.dry_run:
            return self.render_to_response(self.get_context_data(form=form, check=lines))
        messages.success(self.request, format_html("<ul>{}</ul>", lines))
        return redirect("province_move_section")
