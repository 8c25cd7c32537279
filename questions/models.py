"""Questions and answers ("Hỏi đáp"): citizens ask through the portal, editors answer, and the approval workflow
publishes the question with its answer as a page.

A citizen's ``Question`` is a record, not a page: it holds what they sent (with their contact details, which are
never published and are erased after the site's retention period) and where its handling stands. Publishing makes a
``QuestionPage`` from it, whose text the editors may word for publication."""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Site
from wagtail.search import index

from portal.api_fields import LabelField
from portal.models import BasePage, PersonalData, RoutableSectionPage
from portal.pagination import MAX_PAGES, paginate
from portal.text import value_text
from search.enums import SearchKind

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to misread
CODE_LENGTH = 8


def private_storage():
    """Files citizens attach: under MEDIA_ROOT/private/, which the portal never serves (config/urls.py) and the
    proxy must refuse (docs/operations.md); editors open them through the admin."""
    return FileSystemStorage(location=os.path.join(settings.MEDIA_ROOT, "private"))


def new_code() -> str:
    """A tracking code such as ``HD-7K3M-9Q2P``: about 40 random bits, so codes cannot be guessed one from another."""
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"HD-{letters[:4]}-{letters[4:]}"


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Being handled")
    ANSWERED = "answered", _("Answered, awaiting approval")
    PUBLISHED = "published", _("Answered and published")
    DECLINED = "declined", _("Declined")


class QuestionTopic(models.Model):
    """A field questions are asked about, e.g. "Đất đai", "Hộ tịch"; each has its listing of answers."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in the address, e.g. dat-dai"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("question field")
        verbose_name_plural = _("question fields")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class QuestionIndexPage(RoutableSectionPage):
    """The questions section ("Hỏi đáp"): published answers by field, the form to ask, the status of a question by
    its tracking code, and a feed."""

    subpage_types = ["questions.QuestionPage"]

    # The form and the status page (questions/views.py), attached by QuestionsConfig.ready(): they use the forms,
    # which use the models of this module, so it cannot import them.
    citizen_views = None

    class Meta:
        verbose_name = _("questions section")
        verbose_name_plural = _("questions sections")

    def get_answers(self):
        """The section's published answers, newest first (a section holds only its own site's answers)."""
        return (
            QuestionPage.objects.live().public().child_of(self).select_related("topic").order_by("-answered_on", "-pk")
        )

    @path("", name="all")
    def all_answers(self, request):
        topics = list(QuestionTopic.objects.all())
        chosen = next((topic for topic in topics if topic.slug == request.GET.get("linh_vuc")), None)
        answers = self.get_answers()
        message = ""
        if request.GET.get("linh_vuc") and chosen is None:
            message = gettext("There is no such field; showing the answers of every field.")
        if chosen is not None:
            answers = answers.filter(topic=chosen)
        return self.render(
            request,
            context_overrides={
                "answers": paginate(request, answers, 20, max_pages=MAX_PAGES),
                "topics": topics,
                "chosen_topic": chosen,
                "filter_message": message,
                "ask_url": self.subpage_url("ask", request=request),
                "status_url": self.subpage_url("status", request=request),
                "feed_url": self.subpage_url("feed", request=request),
            },
        )

    @path("dat-cau-hoi/", name="ask")
    def ask(self, request):
        return self.citizen_views.ask(self, request)

    @path("tra-cuu/", name="status")
    def status(self, request):
        return self.citizen_views.status(self, request)

    @path("rss/", name="feed")
    def feed(self, request):
        from questions.feeds import AnswerFeed

        return AnswerFeed()(request, index=self)


class QuestionPage(BasePage):
    """A question and its answer, published. Its text is the editors' wording; nothing here names the citizen."""

    parent_page_types = ["questions.QuestionIndexPage"]
    subpage_types = []

    topic = models.ForeignKey(
        QuestionTopic, verbose_name=_("field"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    question = models.TextField(_("question"), help_text=_("As published: remove anything that identifies a person."))
    asked_on = models.DateField(_("asked on"), default=timezone.localdate)
    answer = RichTextField(_("answer"), features=["bold", "italic", "ol", "ul", "link", "document-link"])
    answered_by = models.CharField(
        _("answered by"), max_length=255, blank=True, help_text=_("The office that answered, e.g. Phòng Tư pháp")
    )
    answered_on = models.DateField(_("answered on"), default=timezone.localdate)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("topic"),
        FieldPanel("question"),
        FieldPanel("asked_on"),
        MultiFieldPanel(
            [FieldPanel("answer"), FieldPanel("answered_by"), FieldPanel("answered_on")], heading=_("Answer")
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("question"),
        index.SearchField("answer"),
        index.FilterField("topic"),
    ]

    api_fields = [
        APIField("topic", serializer=LabelField(source="topic_name")),
        APIField("question"),
        APIField("asked_on"),
        APIField("answer"),
        APIField("answered_by"),
        APIField("answered_on"),
    ]

    class Meta:
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    @property
    def topic_name(self) -> str:
        return self.topic.name if self.topic_id else ""

    def get_summary(self) -> str:
        return super().get_summary() or self.question[:300]

    def get_search_documents(self) -> list[dict]:
        (document,) = super().get_search_documents()
        document.update(
            kind=SearchKind.QUESTION,
            summary=self.question[:300],
            body=" ".join(filter(None, [value_text(self.answer), self.answered_by])),
            date=self.answered_on,
        )
        return [document]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        context["questions_index"] = index_page
        if self.topic_id:
            context["topic_url"] = f"{index_page.get_url(request)}?linh_vuc={self.topic.slug}"
        return context


class Question(PersonalData):
    """What a citizen asked, with how to reach them, and where its handling stands."""

    site = models.ForeignKey(Site, verbose_name=_("portal"), on_delete=models.CASCADE, related_name="+")
    code = models.CharField(_("tracking code"), max_length=16, unique=True, editable=False)
    submission_key = models.CharField(max_length=32, unique=True, editable=False)
    topic = models.ForeignKey(
        QuestionTopic, verbose_name=_("field"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("subject of the question"), max_length=200)
    text = models.TextField(_("question"))
    attachment = models.FileField(
        _("attached file"), upload_to="questions/%Y/%m/", storage=private_storage, blank=True, max_length=255
    )
    consent = models.BooleanField(_("consented to the handling of their data"), default=False)
    proven = models.BooleanField(
        _("sent from a browser that passed the check"),
        default=False,
        help_text=_("Questions sent without JavaScript have no browser check; they are limited more strictly."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=QuestionStatus.choices, default=QuestionStatus.RECEIVED, db_index=True
    )
    office_name = models.CharField(
        _("responsible office"), max_length=255, blank=True, help_text=_("E.g. Phòng Tài nguyên và Môi trường")
    )
    office_email = models.EmailField(
        _("office's e-mail"), blank=True, help_text=_("The office is told of the question at this address.")
    )
    answer = models.TextField(
        _("answer"), blank=True, help_text=_("Written by the responsible office; published after approval.")
    )
    decline_reason = models.TextField(
        _("reason for declining"), blank=True, help_text=_("Shown to the citizen on the status page.")
    )
    page = models.OneToOneField(
        QuestionPage,
        verbose_name=_("published page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_question",
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    personal_files = ("attachment",)
    retention_from = "closed_at"

    class Meta:
        verbose_name = _("citizen's question")
        verbose_name_plural = _("citizens' questions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.code} – {self.title}"

    @cached_property
    def status_explanation(self) -> str:
        return {
            QuestionStatus.RECEIVED: _("Your question has been received and will be sent to the responsible office."),
            QuestionStatus.ASSIGNED: _("The responsible office is preparing the answer."),
            QuestionStatus.ANSWERED: _("The answer has been written and is being approved for publication."),
            QuestionStatus.PUBLISHED: _("The answer has been published."),
            QuestionStatus.DECLINED: _("The portal cannot answer this question."),
        }[self.status]

    def close(self, status: str):
        self.status = status
        self.closed_at = timezone.now()
