"""Exam schedules: upcoming sessions by day, filters, calendar files in Vietnam's time zone, changes shown."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from pytest_django.asserts import assertContains

from notices.models import ExamSession, NoticePage

pytestmark = pytest.mark.django_db
RECRUITMENT = "tuyen-dung-vien-chuc-giao-duc-mam-non-tieu-hoc"
SUMMONS = "trieu-tap-thi-sinh-sat-hach-van-phong-thong-ke-duc-xuong-tu-phap-ho-tich-thi-tran"


def test_schedule_lists_upcoming_sessions_by_day(client):
    response = client.get("/thong-bao/lich-thi/")
    sessions = response.context["sessions"]
    assert sessions
    assert all(session.date >= timezone.localdate() for session in sessions)
    assert [s.starts_at for s in sessions] == sorted(s.starts_at for s in sessions)
    past = ExamSession.objects.get(page__slug=SUMMONS, position="Tư pháp – Hộ tịch")
    assert past not in sessions
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select("h2.exam-day")) == len({session.date for session in sessions})


def test_schedule_filters_by_job_title_and_unit(client):
    response = client.get("/thong-bao/lich-thi/", {"chuc_danh": "Giáo viên tiểu học"})
    assert {s.position for s in response.context["sessions"]} == {"Giáo viên tiểu học"}
    response = client.get("/thong-bao/lich-thi/", {"don_vi": "Trường Mầm non Gia Tân"})
    assert {s.unit for s in response.context["sessions"]} == {"Trường Mầm non Gia Tân"}


@pytest.mark.parametrize("query", [{"chuc_danh": "Không có"}, {"don_vi": "<b>x</b>"}, {"chuc_danh": "\x00"}])
def test_unknown_filter_values_show_everything_with_a_message(client, query):
    response = client.get("/thong-bao/lich-thi/", query)
    assert response.status_code == 200
    assertContains(response, "đang hiển thị tất cả kỳ thi sắp tới")
    assert len(response.context["sessions"]) == 3


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_session_calendar_file_states_the_vietnam_time_zone(client):
    session = ExamSession.objects.filter(page__slug=RECRUITMENT).order_by("date", "start_time").first()
    calendar = parse_calendar(client.get(f"/thong-bao/lich-thi/{session.pk}/ical/"))
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    start = events[0]["DTSTART"]
    assert start.params["TZID"] == "Asia/Ho_Chi_Minh"
    assert start.dt == session.starts_at
    assert start.dt.utcoffset() == datetime.timedelta(hours=7)
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert "Giáo viên" in str(events[0]["SUMMARY"])
    assert "Hội trường" in str(events[0]["LOCATION"]) or "Trường" in str(events[0]["LOCATION"])


def test_recruitment_calendar_holds_all_its_sessions(client):
    notice = NoticePage.objects.get(slug=RECRUITMENT)
    calendar = parse_calendar(client.get(f"/thong-bao/lich-thi/thong-bao-{notice.pk}/ical/"))
    uids = {str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")}
    assert uids == {f"exam-session-{pk}" for pk in notice.exam_sessions.values_list("pk", flat=True)}


def test_notice_page_links_each_session_to_its_calendar_file(client):
    notice = NoticePage.objects.get(slug=RECRUITMENT)
    soup = BeautifulSoup(client.get(notice.url).content, "html.parser")
    links = [a["href"] for a in soup.select(".exam-table .calendar-link")]
    assert links == [
        f"/thong-bao/lich-thi/{pk}/ical/"
        for pk in notice.exam_sessions.order_by("date", "start_time", "pk").values_list("pk", flat=True)
    ]
    assert soup.select_one(f'a[href="/thong-bao/lich-thi/thong-bao-{notice.pk}/ical/"]')


def test_a_rescheduled_session_shows_when_and_what_changed(client):
    notice = NoticePage.objects.get(slug=RECRUITMENT)
    session = notice.exam_sessions.order_by("date", "start_time").first()
    session.start_time = datetime.time(13, 30)
    session.room = "Phòng thi số 5"
    session.save()
    session.refresh_from_db()
    assert session.changed_at is not None
    assert session.previous_schedule.startswith("07:30")
    response = client.get("/thong-bao/lich-thi/")
    assertContains(response, "Đã thay đổi lúc")
    assertContains(response, "trước đó: 07:30")


def test_saving_without_changing_time_or_place_is_not_a_change():
    session = ExamSession.objects.filter(page__slug=RECRUITMENT).first()
    session.notes = "Mang theo bút bi."
    session.save()
    session.refresh_from_db()
    assert session.changed_at is None


def test_sessions_of_hidden_notices_are_nowhere(client):
    notice = NoticePage.objects.get(slug=RECRUITMENT)
    session_ids = list(notice.exam_sessions.values_list("pk", flat=True))
    notice.unpublish()
    assert client.get("/thong-bao/lich-thi/").context["sessions"] == []
    assert client.get(f"/thong-bao/lich-thi/{session_ids[0]}/ical/").status_code == 404
    assert client.get(f"/thong-bao/lich-thi/thong-bao-{notice.pk}/ical/").status_code == 404


@pytest.mark.parametrize("path", ["lich-thi/abc/ical/", "lich-thi/999999/ical/", "lich-thi/thong-bao-999999/ical/"])
def test_bad_calendar_addresses_are_a_404(client, path):
    assert client.get(f"/thong-bao/{path}").status_code == 404
