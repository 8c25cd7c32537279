"""Notices: filters that never fail, expiry by date, attachments, related notices and per-kind feeds."""

import datetime

from django.core.exceptions import ValidationError

import feedparser
import pytest
import time_machine
from bs4 import BeautifulSoup
from pytest_django.asserts import assertContains, assertNotContains

from notices.enums import NoticeKind
from notices.models import NoticeIndexPage, NoticePage

pytestmark = pytest.mark.django_db
SUMMONS = "trieu-tap-thi-sinh-sat-hach-van-phong-thong-ke-duc-xuong-tu-phap-ho-tich-thi-tran"
FORMAT_DECISION = "quyet-dinh-noi-dung-hinh-thuc-sat-hach-van-phong-thong-ke-duc-xuong-tu-phap-ho-tich"


def listed(response):
    return [notice.slug for notice in response.context["notices"]]


def test_filter_by_kind_year_and_status(client):
    summonses = listed(client.get("/thong-bao/", {"loai": "trieu-tap-thi-sinh"}))
    assert summonses and all(NoticePage.objects.get(slug=slug).kind == NoticeKind.EXAM_SUMMONS for slug in summonses)
    of_2023 = listed(client.get("/thong-bao/", {"nam": "2023"}))
    assert set(of_2023) == set(NoticePage.objects.filter(issued_on__year=2023).values_list("slug", flat=True))


@pytest.mark.parametrize(
    "query", [{"loai": "khong-co"}, {"nam": "abc"}, {"nam": "99999"}, {"tinh_trang": "?"}, {"page": "-3", "nam": "x"}]
)
def test_bad_filters_are_named_and_ignored(client, query):
    response = client.get("/thong-bao/", query)
    assert response.status_code == 200
    assertContains(response, "đã bỏ qua")
    assert len(listed(response)) == NoticePage.objects.live().count()


def make_notice(slug, valid_until):
    index = NoticeIndexPage.objects.get()
    notice = NoticePage(
        title=f"Thông báo {slug}",
        slug=slug,
        kind=NoticeKind.RECRUITMENT,
        issued_on=datetime.date(2026, 11, 1),
        valid_until=valid_until,
    )
    index.add_child(instance=notice)
    notice.save_revision().publish()
    return notice


@time_machine.travel(datetime.datetime(2026, 11, 20, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7))))
def test_notice_is_open_through_its_deadline_day_in_vietnam(client):
    notice = make_notice("han-20-11", datetime.date(2026, 11, 20))
    assert notice.is_open
    assertContains(client.get("/"), notice.title)
    assert notice.slug in listed(client.get("/thong-bao/", {"tinh_trang": "con-han"}))


@time_machine.travel(datetime.datetime(2026, 11, 21, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7))))
def test_expired_notice_leaves_the_home_box_but_stays_listed_and_marked(client):
    notice = make_notice("han-20-11", datetime.date(2026, 11, 20))
    assert not notice.is_open
    assertNotContains(client.get("/"), notice.title)
    assert notice.slug not in listed(client.get("/thong-bao/", {"tinh_trang": "con-han"}))
    assert notice.slug in listed(client.get("/thong-bao/", {"tinh_trang": "het-han"}))
    response = client.get("/thong-bao/")
    soup = BeautifulSoup(response.content, "html.parser")
    item = next(li for li in soup.select(".notice-item") if notice.title in li.get_text())
    assert "Đã hết hạn" in item.get_text()
    assertContains(client.get(notice.url), "Đã hết hạn")


def test_notice_shows_its_files_with_titles_and_types(client):
    notice = NoticePage.objects.get(slug=SUMMONS)
    soup = BeautifulSoup(client.get(notice.url).content, "html.parser")
    attachment = soup.select_one(".attachments .attachment")
    assert "Thông báo số 28/TB-UBND (bản ký)" in attachment.get_text()
    assert "(PDF" in attachment.get_text()
    download = client.get(attachment.a["href"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_related_notices_show_on_both_notices(client):
    summons, decision = NoticePage.objects.get(slug=SUMMONS), NoticePage.objects.get(slug=FORMAT_DECISION)
    assert decision in client.get(summons.url).context["related_notices"]
    assert summons in client.get(decision.url).context["related_notices"]


def test_meeting_invitation_needs_its_time():
    notice = NoticePage(title="Giấy mời", slug="giay-moi", kind=NoticeKind.MEETING, issued_on=datetime.date(2026, 1, 5))
    with pytest.raises(ValidationError) as error:
        notice.clean()
    assert "meeting_start" in error.value.message_dict


def test_per_kind_feed_holds_only_that_kind(client):
    response = client.get("/thong-bao/rss/trieu-tap-thi-sinh/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    titles = {entry.title for entry in feed.entries}
    assert titles == set(NoticePage.objects.live().filter(kind=NoticeKind.EXAM_SUMMONS).values_list("title", flat=True))
    assert client.get("/thong-bao/rss/khong-co/").status_code == 404


@time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7))))
def test_expired_notice_is_still_found_by_search_and_marked(client):
    notice = make_notice("tuyen-dung-ke-toan", datetime.date(2026, 11, 20))
    response = client.get("/tim-kiem/", {"q": "tuyen-dung-ke-toan"})
    soup = BeautifulSoup(response.content, "html.parser")
    result = next(li for li in soup.select(".search-results li") if notice.title in li.get_text())
    assert "Đã hết hạn" in result.get_text()


@pytest.mark.parametrize("url", ["/thong-bao/lich-thi/?print=1", "/lich-lam-viec/?print=1"])
def test_schedules_have_a_print_view(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "base_print.html" in [template.name for template in response.templates]
    assertNotContains(response, 'class="main-nav"')
