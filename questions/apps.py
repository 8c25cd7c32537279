from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Questions and answers")

    def ready(self):
        from wagtail.signals import page_published

        from questions import views
        from questions.handling import published
        from questions.models import QuestionIndexPage, QuestionPage

        QuestionIndexPage.citizen_views = views

        page_published.connect(published, sender=QuestionPage, weak=False, dispatch_uid="questions_answer_published")
