"""A draft's state follows the calendar in Vietnam (upcoming → open → closed → concluded), never an editor's hand;
the section lists drafts by state; editors cannot close comments before they open."""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

import pytest
import time_machine

from consultations.enums import DraftState
from consultations.models import DraftPage

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def draft_on(opens, closes, **fields):
    return DraftPage(title="Dự thảo", drafting_office="Phòng Tư pháp", opens_on=opens, closes_on=closes, **fields)


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        (datetime.datetime(2026, 3, 9, 23, 59, tzinfo=VN), DraftState.UPCOMING),
        (datetime.datetime(2026, 3, 10, 0, 1, tzinfo=VN), DraftState.OPEN),
        (datetime.datetime(2026, 3, 31, 23, 59, tzinfo=VN), DraftState.OPEN),
        (datetime.datetime(2026, 4, 1, 0, 1, tzinfo=VN), DraftState.CLOSED),
    ],
)
def test_the_state_changes_at_midnight_in_vietnam(moment, state):
    draft = draft_on(datetime.date(2026, 3, 10), datetime.date(2026, 3, 31))
    with time_machine.travel(moment, tick=False):
        assert draft.state == state
        assert draft.is_open is (state == DraftState.OPEN)


def test_a_closed_draft_is_concluded_once_the_report_or_conclusion_is_given():
    draft = draft_on(datetime.date(2026, 3, 10), datetime.date(2026, 3, 31), conclusion="Đã tiếp thu 12 ý kiến.")
    with time_machine.travel(datetime.datetime(2026, 4, 2, 9, tzinfo=VN), tick=False):
        assert draft.state == DraftState.CONCLUDED
    with time_machine.travel(datetime.datetime(2026, 3, 20, 9, tzinfo=VN), tick=False):
        assert draft.state == DraftState.OPEN, "a conclusion given early does not close the comments"


def test_the_report_is_due_thirty_days_after_closing_unless_set():
    draft = draft_on(datetime.date(2026, 3, 10), datetime.date(2026, 3, 31))
    assert draft.report_due == datetime.date(2026, 4, 30)
    draft.report_due_on = datetime.date(2026, 4, 15)
    assert draft.report_due == datetime.date(2026, 4, 15)


def test_comments_cannot_close_before_they_open_nor_the_report_fall_due_before_closing():
    with pytest.raises(ValidationError) as refused:
        draft_on(datetime.date(2026, 3, 10), datetime.date(2026, 3, 9)).clean()
    assert "closes_on" in refused.value.message_dict
    late = draft_on(datetime.date(2026, 3, 10), datetime.date(2026, 3, 31), report_due_on=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError) as refused:
        late.clean()
    assert "report_due_on" in refused.value.message_dict


def test_the_listing_computes_the_same_states_in_the_database(draft_index, new_draft):
    new_draft("sap-mo", opens_in=3, closes_in=20)
    states = {draft.slug: draft.state for draft in draft_index.get_drafts()}
    assert states["sap-mo"] == DraftState.UPCOMING
    assert states["du-thao-de-an-dat-ten-duong-pho-thi-tran-gia-loc"] == DraftState.OPEN
    assert states["du-thao-quy-dinh-ho-tro-thu-gom-xu-ly-rac-thai-sinh-hoat"] == DraftState.CLOSED
    assert states["du-thao-ke-hoach-chuyen-doi-co-cau-cay-trong-2025"] == DraftState.CONCLUDED
    for draft in DraftPage.objects.live():
        assert draft.get_state() == states[draft.slug]


def test_the_section_lists_open_drafts_first_and_filters_by_state(client, draft_index):
    page = client.get("/lay-y-kien/").content.decode()
    assert page.index("Đề án đặt tên đường") < page.index("thu gom, xử lý rác") < page.index("cơ cấu cây trồng")
    closed = client.get("/lay-y-kien/?tinh_trang=dang-tong-hop").content.decode()
    assert "thu gom, xử lý rác" in closed and "Đề án đặt tên đường" not in closed
    unknown = client.get("/lay-y-kien/?tinh_trang=khong-co")
    assert unknown.status_code == 200
    assert "Đề án đặt tên đường" in unknown.content.decode() and "cơ cấu cây trồng" in unknown.content.decode()


def test_the_draft_page_says_what_each_state_offers(client, open_draft, new_draft):
    open_page = client.get(open_draft.url).content.decode()
    assert open_draft.comment_url() in open_page
    closed = DraftPage.objects.get(slug="du-thao-quy-dinh-ho-tro-thu-gom-xu-ly-rac-thai-sinh-hoat")
    closed_page = client.get(closed.url).content.decode()
    assert closed.comment_url() not in closed_page
    assert closed.report_due.strftime("%d/%m/%Y") in closed_page
    concluded = DraftPage.objects.get(slug="du-thao-ke-hoach-chuyen-doi-co-cau-cay-trong-2025")
    concluded_page = client.get(concluded.url).content.decode()
    assert "Quyết định số 215/QĐ-UBND" in concluded_page
    assert concluded.report.url in concluded_page
    upcoming = new_draft("sap-mo", opens_in=3)
    assert upcoming.comment_url() not in client.get(upcoming.url).content.decode()


def test_drafts_are_found_by_the_public_search(open_draft):
    (document,) = open_draft.get_search_documents()
    assert document["kind"] == "consultation"
    assert "Phòng Văn hóa và Thông tin" in document["body"]
    assert "Điều 2" in document["body"]
    assert document["expires"] == open_draft.closes_on
