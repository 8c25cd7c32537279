from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from province.views import PERMISSION, ComponentSiteStateView, CreateComponentSiteView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("component-sites/new/", CreateComponentSiteView.as_view(), name="province_create_component_site"),
        path("component-sites/<int:site_id>/close/", ComponentSiteStateView.as_view(), name="province_close_site"),
        path(
            "component-sites/<int:site_id>/reopen/",
            ComponentSiteStateView.as_view(reopen=True),
            name="province_reopen_site",
        ),
    ]


class ComponentSiteMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return ComponentSiteMenuItem(
        _("New component portal"), reverse("province_create_component_site"), icon_name="site", order=610
    )
