"""The admin's way to make a component portal: the same as ``manage.py create_component_site``, for whoever may add
sites (Settings → Sites)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from province.components import ComponentSiteError, create_component_site
from province.forms import ComponentSiteForm

PERMISSION = "wagtailcore.add_site"


class CreateComponentSiteView(WagtailAdminTemplateMixin, FormView):
    form_class = ComponentSiteForm
    template_name = "province/admin/create_component_site.html"
    page_title = gettext_lazy("New component portal")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("province_create_component_site"),
            submit_button_label=_("Create the portal"),
            submit_button_active_label=_("Creating…"),
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
