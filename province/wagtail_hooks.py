from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from province.views import PERMISSION, ComponentSiteStateView, CreateComponentSiteView, MoveSectionView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("component-sites/new/", CreateComponentSiteView.as_view(), name="province_create_component_site"),
        path("component-sites/<id:site_id>/close/", ComponentSiteStateView.as_view(), name="province_close_site"),
        path(
            "component-sites/<id:site_id>/reopen/",
            ComponentSiteStateView.as_view(reopen=True),
            name="province_reopen_site",
        ),
        path("component-sites/move-section/", MoveSectionView.as_view(), name="province_move_section"),
    ]


class ComponentSiteMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return ComponentSiteMenuItem(
        _("New component portal"), reverse("province_create_component_site"), icon_name="site", order=610
    )


@hooks.register("register_settings_menu_item")
def register_move_section_menu_item():
    return ComponentSiteMenuItem(
        _("Move a section"), reverse("province_move_section"), icon_name="arrow-right-full", order=611
    )
