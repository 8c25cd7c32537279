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


# The kinds as they appear in addresses (filters and feeds): /thong-bao/?loai=tuyen-dung, /thong-bao/rss/moi-hop/.
KIND_SLUGS = {
    NoticeKind.RECRUITMENT: "tuyen-dung",
    NoticeKind.EXAM_SUMMONS: "trieu-tap-thi-sinh",
    NoticeKind.EXAM_FORMAT: "noi-dung-hinh-thuc-sat-hach",
    NoticeKind.RESULTS: "ket-qua",
    NoticeKind.TENDER: "lua-chon-nha-thau",
    NoticeKind.MEETING: "moi-hop",
    NoticeKind.DECISION: "quyet-dinh",
    NoticeKind.GENERAL: "thong-bao-chung",
}
KIND_BY_SLUG = {slug: kind for kind, slug in KIND_SLUGS.items()}

# Kinds that can carry exam sessions.
EXAM_KINDS = {NoticeKind.RECRUITMENT, NoticeKind.EXAM_SUMMONS, NoticeKind.EXAM_FORMAT, NoticeKind.RESULTS}


class NoticeStatus(models.TextChoices):
    OPEN = "con-han", _("Open")
    EXPIRED = "het-han", _("Expired")


class ExamFormat(models.TextChoices):
    WRITTEN = "written", _("Written exam")
    INTERVIEW = "interview", _("Interview")
    ASSESSMENT = "assessment", _("Assessment")
    PRACTICAL = "practical", _("Practical test")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
