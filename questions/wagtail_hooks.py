"""The questions in the admin: the queue of each portal's questions, handled by its editors, and the fields."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.admin_scope import sites_for_user
from questions.forms import HandleQuestionForm
from questions.handling import apply_step
from questions.models import Question, QuestionTopic


class QuestionTopicViewSet(SnippetViewSet):
    model = QuestionTopic
    icon = "help"
    menu_label = _("Question fields")
    menu_order = 240
    add_to_admin_menu = False
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


register_snippet(QuestionTopicViewSet)


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Questions come from citizens: nobody adds or deletes one in the admin (erasure is by retention)."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Question, QuestionPermissionPolicy(Question))


def scoped(queryset, user):
    """Each editor handles the questions of the portals they have roles on (all of them for the province's office)."""
    return queryset.filter(site__in=sites_for_user(user)).select_related("site", "topic")


class QuestionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return scoped(super().get_base_queryset(), self.request.user)


class QuestionEditView(generic.EditView):
    def get_queryset(self):
        return scoped(super().get_queryset(), self.request.user)

    def save_instance(self):
        question = super().save_instance()
        self.step_message = apply_step(question, self.form.cleaned_data["next_step"], self.request.user)
        return question

    def get_success_message(self):
        return self.step_message


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Citizens' questions")
    menu_order = 230
    add_to_admin_menu = True
    url_prefix = "cau-hoi"
    index_view_class = QuestionIndexView
    edit_view_class = QuestionEditView
    list_display = [
        "code",
        "title",
        Column("topic", label=_("Field of the question")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "office_name",
        Column("site", label=_("Portal"), accessor="site.site_name"),
        "created_at",
    ]
    list_filter = ["status", "topic", "site"]
    search_fields = ["code", "title", "text"]
    ordering = ["-created_at"]
    list_export = ["code", "title", "topic", "status", "office_name", "created_at", "closed_at"]
    export_filename = "cau-hoi"
    inspect_view_enabled = False
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            HelpPanel(template="questions/admin/question_summary.html", heading=_("What the citizen asked")),
            FieldPanel("topic"),
            MultiFieldPanel([FieldPanel("office_name"), FieldPanel("office_email")], heading=_("Responsible office")),
            FieldPanel("answer"),
            FieldPanel("decline_reason"),
            FieldPanel("next_step"),
        ],
        base_form_class=HandleQuestionForm,
    )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/tep/", self.attachment_view, name="attachment")]

    def attachment_view(self, request, pk):
        """The file a citizen attached, for the editors of its portal only (it is never public)."""
        question = get_object_or_404(scoped(Question.objects.all(), request.user), pk=pk)
        if not self.permission_policy.user_has_permission(request.user, "change") or not question.attachment:
            raise Http404
        return FileResponse(question.attachment.open("rb"), as_attachment=True)


question_viewset = QuestionViewSet("questions")


@hooks.register("register_admin_viewset")
def register_questions():
    return question_viewset
