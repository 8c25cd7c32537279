from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    NEWS = "news", _("News")
    NOTICE = "notice", _("Notice")
    EXAM = "exam", _("Exam session")
    DOCUMENT = "document", _("Legal document")
    PAGE = "page", _("Information page")
    SCHEDULE = "schedule", _("Work schedule")
    MEDIA = "media", _("Photos, videos and audio")
    CONSULTATION = "consultation", _("Draft for comment")
    QUESTION = "question", _("Questions and answers")
