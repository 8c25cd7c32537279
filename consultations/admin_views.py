"""The admin of the comments on drafts ("Góp ý dự thảo"): the comments, filtered by draft and status, published or
declined one by one and exported (CSV, XLSX) for the drafting office; and the drafts with their counts of comments.
Each user sees the comments of their own portals (``consultations.permissions``)."""

from django.contrib.admin.utils import quote
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.models import EditView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.widgets.button import MenuItem

import django_filters

from consultations.enums import CommentStatus
from consultations.models import DraftComment, DraftPage
from editorial.admin_scope import under

# What a moderation link does: the status it sets, and the words of its button and confirmation.
MODERATION = {
    "publish": (CommentStatus.APPROVED, _("Publish the comment"), _("Publish this comment on the draft's page?")),
    "decline": (CommentStatus.REJECTED, _("Do not publish"), _("Keep this comment off the draft's page?")),
}


def policy():
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(DraftComment)


def drafts_for(user):
    """The drafts whose comments ``user`` handles."""
    paths = policy().scope(user)
    drafts = DraftPage.objects.all()
    return drafts if paths is None else drafts.filter(under(paths))


class DraftCommentFilterSet(WagtailFilterSet):
    draft = django_filters.ModelChoiceFilter(label=_("Draft document"), queryset=DraftPage.objects.none())
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CommentStatus.choices)

    class Meta:
        model = DraftComment
        fields = ["draft", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if user is not None:
            self.filters["draft"].queryset = drafts_for(user).order_by("-opens_on", "title")


class DraftCommentIndexView(IndexView):
    def get_base_queryset(self):
        comments = self.permission_policy.instances_user_has_permission_for(self.request.user, "view")
        return comments.select_related("draft", "section")

    @property
    def header_buttons(self):
        from wagtail.admin.widgets.button import HeaderButton

        return [
            *super().header_buttons,
            HeaderButton(_("Drafts and their counts"), url=reverse("draft_comments:drafts"), icon_name="list-ul"),
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            for action, (status, label, _question) in MODERATION.items():
                if instance.status != status:
                    url = reverse("draft_comments:moderate", args=[quote(instance.pk), action])
                    query = urlencode({"next": self.request.get_full_path()})
                    buttons.append(MenuItem(label, url=f"{url}?{query}", icon_name="check", priority=5))
        return buttons


class ScopedObjectMixin:
    """The comment, if the user's portals hold it; others are not found."""

    scope_action = "view"

    def get_object(self, queryset=None):
        comment = super().get_object()
        if not policy().user_has_permission_for_instance(self.request.user, self.scope_action, comment):
            raise Http404
        return comment


class DraftCommentEditView(ScopedObjectMixin, EditView):
    scope_action = "change"


class DraftCommentInspectView(ScopedObjectMixin, InspectView):
    pass


class DraftCommentHistoryView(ScopedObjectMixin, HistoryView):
    pass


class DraftCommentUsageView(ScopedObjectMixin, UsageView):
    pass


class ModerateView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Publish or decline one comment: asked with GET, done with POST, then back to the listing it came from."""

    permission_required = "change"
    template_name = "consultations/admin/moderate.html"
    header_icon = "comment"

    @property
    def permission_policy(self):
        return policy()

    def dispatch(self, request, *args, **kwargs):
        if kwargs["action"] not in MODERATION:
            raise Http404
        self.status, self.label, self.question = MODERATION[kwargs["action"]]
        return super().dispatch(request, *args, **kwargs)

    def get_comment(self):
        comments = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        return get_object_or_404(comments.select_related("draft", "section"), pk=self.kwargs["pk"])

    def get_page_title(self):
        return self.label

    def next_url(self) -> str:
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return reverse("draft_comments:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(comment=self.get_comment(), question=self.question, label=self.label, next=self.next_url())
        return context

    def post(self, request, *args, **kwargs):
        comment = self.get_comment()
        comment.moderate(self.status, request.POST.get("moderation_note") or None)
        messages.success(
            request, gettext("%(comment)s: %(status)s") % {"comment": comment, "status": comment.get_status_display()}
        )
        return redirect(self.next_url())


class DraftCountsView(IndexView):
    """The drafts of the user's portals with their comments counted by status, newest first; exportable too."""

    model = DraftPage
    any_permission_required = ["view"]
    page_title = _("Drafts for comment")
    header_icon = "comment"
    index_url_name = "draft_comments:drafts"
    index_results_url_name = "draft_comments:drafts_results"
    default_ordering = "-opens_on"
    paginate_by = 50
    list_export = ["title", "drafting_office", "opens_on", "closes_on", "pending", "approved", "rejected", "total"]
    export_headings = {
        "title": _("Draft document"),
        "drafting_office": _("Drafting office"),
        "opens_on": _("Comments open on"),
        "closes_on": _("Comments close on"),
        "pending": _("Awaiting moderation"),
        "approved": _("Shown on the page"),
        "rejected": _("Not published"),
        "total": _("All comments"),
    }
    export_filename = "du-thao-lay-y-kien"

    @property
    def permission_policy(self):
        return policy()

    def get_base_queryset(self):
        def counted(status):
            return Count("comments", filter=Q(comments__status=status))

        return drafts_for(self.request.user).annotate(
            pending=counted(CommentStatus.PENDING),
            approved=counted(CommentStatus.APPROVED),
            rejected=counted(CommentStatus.REJECTED),
            total=Count("comments"),
        )

    def get_valid_orderings(self):
        return ["title", "-title", "opens_on", "-opens_on", "closes_on", "-closes_on", "pending", "-pending"]

    @property
    def columns(self):
        comments = reverse("draft_comments:index")

        def listing(status=None):
            def url(draft):
                query = {"draft": draft.pk, **({"status": status} if status else {})}
                return f"{comments}?{urlencode(query)}"

            return url

        return [
            TitleColumn("title", label=_("Draft document"), get_url=listing(), sort_key="title"),
            Column("drafting_office", label=_("Drafting office")),
            DateColumn("opens_on", label=_("Comments open on"), sort_key="opens_on"),
            DateColumn("closes_on", label=_("Comments close on"), sort_key="closes_on"),
            TitleColumn(
                "pending", label=_("Awaiting moderation"), get_url=listing(CommentStatus.PENDING), sort_key="pending"
            ),
            TitleColumn("approved", label=_("Shown on the page"), get_url=listing(CommentStatus.APPROVED)),
            TitleColumn("rejected", label=_("Not published"), get_url=listing(CommentStatus.REJECTED)),
            Column("total", label=_("All comments")),
        ]
