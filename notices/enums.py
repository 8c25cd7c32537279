from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    RECRUITMENT = "recruitment", _("Recruitment")
    EXAM_SUMMONS = "exam_summons", _("Exam summons")
    EXAM_FORMAT = "exam_format", _("Exam content and format")
    RESULTS = "results", _("Results")
    TENDER = "tender", _("Contractor selection")
    MEETING = "meeting", _("Meeting invitation")
    DECISION = "decision", _("Decision")
    GENERAL = "general", _("General notice")
