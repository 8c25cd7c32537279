"""Extra pages the relevance tests need beside the demo: document numbers and words that differ only in marks."""

import datetime

import pytest

from notices.enums import NoticeKind
from notices.models import NoticeIndexPage, NoticePage

EXTRA_NOTICES = [
    (
        "qd-12-2023-gia-dat",
        "12/2023/QĐ-UBND",
        NoticeKind.DECISION,
        "Quyết định ban hành bảng giá đất điều chỉnh",
        "2023-04-03",
    ),
    (
        "qd-120-2023",
        "120/2023/QĐ-UBND",
        NoticeKind.DECISION,
        "Quyết định về quy chế phối hợp quản lý cụm công nghiệp",
        "2023-05-03",
    ),
    ("cho-phien-ban-nong-san", "", NoticeKind.GENERAL, "Chợ phiên bán hàng nông sản an toàn", "2023-01-05"),
    ("ban-giao-mat-bang", "", NoticeKind.GENERAL, "Bàn giao mặt bằng thi công đường trục xã", "2023-01-06"),
    ("ban-doc-hoi", "", NoticeKind.GENERAL, "Bạn đọc hỏi về thủ tục đăng ký hộ kinh doanh", "2023-01-07"),
    (
        "giao-thong-nong-thon",
        "",
        NoticeKind.GENERAL,
        "Giao thông nông thôn và an toàn lao động trên công trường",
        "2023-06-20",
    ),
]


@pytest.fixture
def search_corpus(db):
    index = NoticeIndexPage.objects.get()
    for slug, number, kind, title, issued in EXTRA_NOTICES:
        notice = NoticePage(
            title=title,
            slug=slug,
            number=number,
            kind=kind,
            issued_on=datetime.date.fromisoformat(issued),
            summary=title,
        )
        index.add_child(instance=notice)
        notice.save_revision().publish()
