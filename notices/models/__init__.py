from .notices import ExamSession, NoticeAttachment, NoticeIndexPage, NoticePage, RelatedNotice
from .schedule import ScheduleEntry, WorkSchedulePage, WorkWeekPage

__all__ = [
    "ExamSession",
    "NoticeAttachment",
    "NoticeIndexPage",
    "NoticePage",
    "RelatedNotice",
    "ScheduleEntry",
    "WorkSchedulePage",
    "WorkWeekPage",
]
