"""The admin page "Tin từ tỉnh" of a component portal: what the province shares with it, and hiding or showing each
of them on that portal. Whoever may publish on a component portal may hide; its editors see the list."""

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import GroupPagePermission, Page, Site

from portal.models import HiddenSharedPage, SharedWithComponents
from portal.pagination import paginate
from portal.sites import Unit, province, units

PAGE_SIZE = 50


def component_units(user, codenames=("add_page", "change_page", "publish_page")) -> list[Unit]:
    """The component portals on which ``user`` holds one of the page permissions ``codenames`` (on the portal's
    home page or above it), in one query."""
    every = [unit for unit in units() if not unit.is_province]
    if user.is_superuser:
        return every
    paths = set(
        GroupPagePermission.objects.filter(group__user=user, permission__codename__in=codenames).values_list(
            "page__path", flat=True
        )
    )
    return [unit for unit in every if any(unit.root_path.startswith(path) for path in paths)]


def shared_pages():
    """Live, public pages of the province's portal marked for the component portals, newest first."""
    sharing = province()
    if sharing is None:
        return Page.objects.none()
    marked = Q(pk__in=[])
    for model in apps.get_models():
        if issubclass(model, SharedWithComponents):
            marked |= Q(pk__in=model.objects.filter(share_with_components=True).values("pk"))
    return (
        Page.objects.live()
        .public()
        .filter(marked, path__startswith=sharing.root_path)
        .select_related("content_type")
        .order_by("-first_published_at", "-pk")
    )


class SharedPagesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/admin/shared_pages.html"
    page_title = gettext_lazy("News from the province")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        self.units = component_units(request.user)
        if not self.units:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        by_id = {str(unit.site_id): unit for unit in self.units}
        unit = by_id.get(self.request.GET.get("site", ""), self.units[0])
        pages = paginate(self.request, shared_pages(), PAGE_SIZE)
        hidden = set(
            HiddenSharedPage.objects.filter(site_id=unit.site_id, page__in=[page.pk for page in pages]).values_list(
                "page_id", flat=True
            )
        )
        return super().get_context_data(
            unit=unit,
            units=self.units,
            pages=pages,
            rows=[(page, page.pk in hidden) for page in pages],
            may_hide=unit in component_units(self.request.user, ("publish_page",)),
            **kwargs,
        )


class SharedPageVisibilityView(View):
    """POST only: hide a shared page on one component portal (``hide=True``) or show it again."""

    http_method_names = ["post"]
    hide = True

    def post(self, request, site_id, page_id):
        if site_id not in {unit.site_id for unit in component_units(request.user, ("publish_page",))}:
            raise PermissionDenied
        site = get_object_or_404(Site, pk=site_id)
        page = get_object_or_404(shared_pages(), pk=page_id)
        names = {"title": page.title, "site": site.site_name or site.hostname}
        if self.hide:
            HiddenSharedPage.objects.get_or_create(site=site, page=page, defaults={"hidden_by": request.user})
            messages.success(request, _("“%(title)s” is hidden on %(site)s.") % names)
        else:
            for hidden in HiddenSharedPage.objects.filter(site=site, page=page):
                hidden.delete()  # one by one, so the page cache hears of it
            messages.success(request, _("“%(title)s” is shown on %(site)s again.") % names)
        return redirect(f"{reverse('portal_shared_pages')}?site={site.pk}")
