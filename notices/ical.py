"""iCalendar output (RFC 5545) for exam sessions, meetings and the work schedule, built with `icalendar`.

Times are written in Asia/Ho_Chi_Minh with the zone stated (TZID and a VTIMEZONE), so phones show them right
wherever they are set.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone

from icalendar import Calendar, Event

PRODUCT_ID = "-//Cong thong tin dien tu//Lich//VI"


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    return calendar


def local_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=timezone.get_current_timezone())


def add_event(calendar, *, uid, summary, day, start=None, end=None, location="", description="", url="", changed=None):
    """One event: timed when ``start`` is given, otherwise lasting the whole ``day``."""
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstamp", changed or timezone.now())
    if start is None:
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
    else:
        event.add("dtstart", local_datetime(day, start))
        if end is not None and end > start:
            event.add("dtend", local_datetime(day, end))
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    if changed:
        event.add("last-modified", changed)
    calendar.add_component(event)
    return event


def calendar_response(calendar: Calendar, filename: str) -> HttpResponse:
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
