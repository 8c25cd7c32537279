"""The leaders' work schedule: a week at a time, any ?tuan= value safe, today marked, meetings included, iCal feed."""

import datetime

from django.utils import timezone

import pytest
import time_machine
from bs4 import BeautifulSoup
from icalendar import Calendar
from pytest_django.asserts import assertContains

from notices.enums import NoticeKind
from notices.models import NoticePage, ScheduleEntry, WorkSchedulePage, WorkWeekPage
from notices.weeks import Week

pytestmark = pytest.mark.django_db
VN = datetime.timezone(datetime.timedelta(hours=7))


def test_this_weeks_schedule_is_shown_by_day_with_today_marked(client):
    response = client.get("/lich-lam-viec/")
    assert response.context["week"] == Week.current()
    days = response.context["days"]
    assert [day["date"] for day in days] == Week.current().days
    assert [day["date"] for day in days if day["is_today"]] == [timezone.localdate()]
    monday = days[0]["items"]
    assert monday[0]["content"].startswith("Chào cờ đầu tuần")
    assert [item["time"] for item in monday] == sorted(item["time"] for item in monday)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('tbody[aria-current="date"]')


def test_meeting_invitation_appears_on_its_day(client):
    meeting = NoticePage.objects.get(kind=NoticeKind.MEETING)
    day = timezone.localtime(meeting.meeting_start).date()
    response = client.get("/lich-lam-viec/", {"tuan": Week.containing(day).iso})
    items = next(d["items"] for d in response.context["days"] if d["date"] == day)
    assert any(item["is_meeting"] and item["content"] == meeting.title and item["url"] == meeting.url for item in items)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-W06", ""),
        ("2023w6", ""),
        ("garbage", "không phải là một tuần"),
        ("1800-W01", "Lịch chỉ có từ năm 2000"),
        ("9999-W01", "Lịch chỉ có từ năm 2000"),
        ("2021-W53", "không có tuần 53"),
        ("2020-W53", ""),
        ("2023-W00", "không có tuần 0"),
        ("<script>", "không phải là một tuần"),
    ],
)
def test_any_week_value_gives_a_page(client, value, message):
    response = client.get("/lich-lam-viec/", {"tuan": value})
    assert response.status_code == 200
    if message:
        assertContains(response, message)
        assert response.context["week"] == Week.current()
    else:
        assert response.context["week_message"] == ""


def test_week_navigation_moves_by_seven_days(client):
    response = client.get("/lich-lam-viec/", {"tuan": "2023-W06"})
    assert response.context["week"].start == datetime.date(2023, 2, 6)
    assert response.context["previous_url"].endswith("?tuan=2023-W05")
    assert response.context["next_url"].endswith("?tuan=2023-W07")
    assert response.context["is_this_week"] is False
    assert all(day["items"] == [] for day in response.context["days"])
    assertContains(response, "Không có lịch.")


@time_machine.travel(datetime.datetime(2026, 11, 29, 23, 50, tzinfo=VN))
def test_today_follows_vietnam_time_not_utc(client):
    days = client.get("/lich-lam-viec/", {"tuan": "2026-W48"}).context["days"]
    assert [day["date"] for day in days if day["is_today"]] == [datetime.date(2026, 11, 29)]


def test_week_page_is_named_after_its_week_and_redirects_to_the_schedule(client):
    week = WorkWeekPage.objects.live().first()
    assert week.slug == week.week.iso.lower()
    assert week.title.startswith("Lịch làm việc tuần")
    response = client.get(week.url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/lich-lam-viec/?tuan={week.week.iso}")


def test_a_week_can_have_only_one_schedule(admin_client):
    existing = WorkWeekPage.objects.live().first()
    schedule = existing.get_parent()
    two_days_later = (existing.week_start + datetime.timedelta(days=2)).strftime("%d/%m/%Y")
    data = {
        "week_start": two_days_later,
        "entries-TOTAL_FORMS": "1",
        "entries-INITIAL_FORMS": "0",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
        "entries-0-weekday": "0",
        "entries-0-start_time": "08:00",
        "entries-0-content": "Họp",
        "entries-0-ORDER": "1",
        "action-publish": "publish",
    }
    response = admin_client.post(f"/admin/pages/add/notices/workweekpage/{schedule.pk}/", data)
    assertContains(response, "Tuần này đã có lịch")
    assert WorkWeekPage.objects.filter(week_start=existing.week_start).count() == 1
    data["week_start"] = "06/01/2031"
    response = admin_client.post(f"/admin/pages/add/notices/workweekpage/{schedule.pk}/", data)
    assert response.status_code == 302
    created = WorkWeekPage.objects.get(week_start=datetime.date(2031, 1, 6))
    assert created.slug == "2031-w02"
    assert created.entries.get().content == "Họp"


def test_unpublished_week_is_not_shown(client):
    week = WorkWeekPage.objects.live().filter(week_start=Week.current().start).get()
    week.unpublish()
    days = client.get("/lich-lam-viec/").context["days"]
    assert not any(item for day in days for item in day["items"] if not item["is_meeting"])


def test_schedule_feed_is_valid_icalendar_in_vietnam_time(client):
    response = client.get("/lich-lam-viec/ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    entries = ScheduleEntry.objects.filter(page__live=True).count()
    assert len(events) == entries + NoticePage.objects.live().filter(kind=NoticeKind.MEETING).count()
    timed = [event for event in events if hasattr(event["DTSTART"].dt, "hour")]
    assert timed and all(event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh" for event in timed)
    whole_days = [event for event in events if not hasattr(event["DTSTART"].dt, "hour")]
    assert whole_days, "rows without a time are whole-day events"
    assert WorkSchedulePage.objects.count() == 1
