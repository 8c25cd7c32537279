"""How the open-data API writes a notice's exam sessions."""

from rest_framework import serializers
from rest_framework.fields import Field


class ExamSessionListField(Field):
    """Every sitting of a recruitment exam, in the editor's order, with every field."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        return [
            {
                "id": session.pk,
                "date": session.date.isoformat(),
                "start_time": session.start_time.strftime("%H:%M"),
                "end_time": session.end_time.strftime("%H:%M") if session.end_time else None,
                "place": session.place,
                "room": session.room,
                "job_title": session.position,
                "unit": session.unit,
                "exam_format": session.exam_format,
                "exam_format_label": str(session.get_exam_format_display()),
                "notes": session.notes,
                "rescheduled_at": serializers.DateTimeField().to_representation(session.changed_at)
                if session.changed_at
                else None,
                "previous_schedule": session.previous_schedule,
            }
            for session in value.all()
        ]
