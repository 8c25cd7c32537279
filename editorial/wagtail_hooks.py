from wagtail import hooks

from editorial.admin_scope import (
    SitePageViewSet,
    chooser_media,
    chooser_pages,
    hide_whole_tree_reports,
    replace_moderation_panel,
    replace_pages_summary,
)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    return SitePageViewSet()


hooks.register("construct_page_chooser_queryset", chooser_pages)
hooks.register("construct_media_chooser_queryset", chooser_media)
hooks.register("construct_reports_menu", hide_whole_tree_reports)
hooks.register("construct_homepage_panels", replace_moderation_panel)
# After Wagtail's own hook, which adds the page count this replaces (hooks run in the order of INSTALLED_APPS).
hooks.register("construct_homepage_summary_items", replace_pages_summary, order=1)
