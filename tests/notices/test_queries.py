"""Notices, exam schedule and work schedule pages use a fixed number of queries, whatever the amount of content."""

import pytest

from notices.models import NoticePage
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


def test_notice_pages_use_the_same_queries_with_ten_times_more_content(client):
    recruitment = NoticePage.objects.get(slug="tuyen-dung-vien-chuc-giao-duc-mam-non-tieu-hoc")
    assert_queries_constant(
        client,
        [
            "/thong-bao/",
            "/thong-bao/?loai=tuyen-dung&nam=2026&tinh_trang=con-han",
            "/thong-bao/rss/",
            "/thong-bao/lich-thi/",
            "/thong-bao/lich-thi/?chuc_danh=Giáo viên tiểu học",
            "/lich-lam-viec/",
            "/lich-lam-viec/ical/",
            recruitment.url,
        ],
    )
