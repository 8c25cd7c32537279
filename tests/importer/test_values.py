"""Values written the way old portals write them."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from importer.values import is_slug, match_choice, parse_date, parse_datetime, parse_time
from notices.enums import KIND_SLUGS, ExamFormat, NoticeKind

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize("text", ["2023-02-07", "07/02/2023", "7/2/2023", "07-02-2023", "07.02.2023", " 2023-2-7 "])
def test_dates(text):
    assert parse_date(text) == datetime.date(2023, 2, 7)


@pytest.mark.parametrize("text", ["02/31/2023", "2023/02/07", "hôm qua", "", "7 tháng 2", "31/02/2023"])
def test_not_dates(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:30", (8, 30)),
        ("8:30", (8, 30)),
        ("08:30:00", (8, 30)),
        ("8h30", (8, 30)),
        ("8h", (8, 0)),
        ("8 giờ 30", (8, 30)),
    ],
)
def test_times(text, expected):
    assert parse_time(text) == datetime.time(*expected)


@pytest.mark.parametrize("text", ["25:00", "8:75", "sáng", "", "8.30pm"])
def test_not_times(text):
    with pytest.raises(ValueError):
        parse_time(text)


@pytest.mark.parametrize(
    "text",
    ["2023-02-07T08:30", "2023-02-07T08:30:00+07:00", "2023-02-07T01:30:00Z", "2023-02-07 08:30", "07/02/2023 08:30"],
)
def test_dates_and_times_without_an_offset_are_vietnam_time(text):
    assert parse_datetime(text) == datetime.datetime(2023, 2, 7, 8, 30, tzinfo=VN)


def test_a_date_alone_is_the_start_of_the_day():
    assert parse_datetime("07/02/2023") == datetime.datetime(2023, 2, 7, tzinfo=VN)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("recruitment", NoticeKind.RECRUITMENT),
        ("Recruitment", NoticeKind.RECRUITMENT),
        ("Tuyển dụng", NoticeKind.RECRUITMENT),
        ("tuyen dung", NoticeKind.RECRUITMENT),
        ("tuyen-dung", NoticeKind.RECRUITMENT),
        ("MỜI HỌP", NoticeKind.MEETING),
        ("Meeting invitation", NoticeKind.MEETING),
        ("hội thảo", None),
        ("", None),
    ],
)
def test_notice_kinds_by_value_label_or_address(value, expected):
    assert match_choice(value, NoticeKind.choices, {slug: kind for kind, slug in KIND_SLUGS.items()}) == expected


def test_exam_formats_by_vietnamese_label():
    assert match_choice("Thi viết", ExamFormat.choices) == ExamFormat.WRITTEN
    assert match_choice("phong van", ExamFormat.choices) == ExamFormat.INTERVIEW


def test_slug_like_values():
    assert is_slug("kinh-te") and is_slug("van_ban_moi")
    assert not is_slug("Kinh tế") and not is_slug("kinh") and not is_slug("Kinh-Te")
