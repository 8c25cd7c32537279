from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import Menu
from portal.sharing_admin import SharedPagesView, SharedPageVisibilityView, component_units


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = _("Menus and quick links")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title"]
    search_fields = ["title"]


register_snippet(MenuViewSet)


@hooks.register("register_admin_urls")
def register_shared_pages_urls():
    return [
        path("shared-pages/", SharedPagesView.as_view(), name="portal_shared_pages"),
        path("shared-pages/<id:site_id>/<id:page_id>/hide/", SharedPageVisibilityView.as_view(), name="portal_hide"),
        path(
            "shared-pages/<id:site_id>/<id:page_id>/show/",
            SharedPageVisibilityView.as_view(hide=False),
            name="portal_show",
        ),
    ]


class SharedPagesMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(component_units(request.user))


@hooks.register("register_admin_menu_item")
def register_shared_pages_menu_item():
    return SharedPagesMenuItem(_("News from the province"), reverse("portal_shared_pages"), icon_name="site", order=205)
