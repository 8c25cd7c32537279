from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from consultations.admin_views import (
    DraftCommentEditView,
    DraftCommentFilterSet,
    DraftCommentHistoryView,
    DraftCommentIndexView,
    DraftCommentInspectView,
    DraftCommentUsageView,
    DraftCountsView,
    ModerateView,
)
from consultations.models import DraftComment
from consultations.permissions import DraftCommentPermissionPolicy

register_permission_policy(DraftComment, DraftCommentPermissionPolicy(DraftComment), exact_class=True)


class DraftCommentViewSet(ModelViewSet):
    """ "Góp ý dự thảo": the comments on drafts, their moderation and export, and the drafts' counts."""

    model = DraftComment
    name = "draft_comments"
    url_prefix = "gop-y-du-thao"
    icon = "comment"
    menu_label = _("Comments on drafts")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = DraftCommentIndexView
    edit_view_class = DraftCommentEditView
    inspect_view_class = DraftCommentInspectView
    history_view_class = DraftCommentHistoryView
    usage_view_class = DraftCommentUsageView
    filterset_class = DraftCommentFilterSet
    list_display = ["__str__", "draft", "section", "public_author", "status", "created_at"]
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    search_fields = ["text", "organisation"]
    form_fields = ["status", "moderation_note"]
    inspect_view_fields = [
        "draft",
        "section",
        "commenter_kind",
        "organisation",
        "name",
        "email",
        "phone",
        "text",
        "status",
        "moderation_note",
        "moderated_at",
        "created_at",
        "proven",
    ]
    list_export = [
        "pk",
        "created_at",
        "draft",
        "section",
        "get_commenter_kind_display",
        "organisation",
        "name",
        "email",
        "phone",
        "text",
        "get_status_display",
        "moderation_note",
    ]
    export_headings = {
        "pk": _("No."),
        "created_at": _("Sent"),
        "draft": _("Draft document"),
        "section": _("Part of the draft"),
        "get_commenter_kind_display": _("Comment from"),
        "organisation": _("Organisation"),
        "name": _("Full name"),
        "email": _("E-mail"),
        "phone": _("Phone"),
        "text": _("Comment text"),
        "get_status_display": _("Status"),
        "moderation_note": _("Moderation note"),
    }
    export_filename = "gop-y-du-thao"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("moderate/<int:pk>/<slug:action>/", ModerateView.as_view(), name="moderate"),
            path("drafts/", DraftCountsView.as_view(), name="drafts"),
            path("drafts/results/", DraftCountsView.as_view(results_only=True), name="drafts_results"),
        ]


@hooks.register("register_admin_viewset")
def register_draft_comments():
    return DraftCommentViewSet()
