"""Unpublished and private notices appear nowhere: listings, feeds, the home box, exam schedules, calendars,
the work schedule and the sitemap."""

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from notices.models import NoticePage
from notices.weeks import Week

pytestmark = pytest.mark.django_db


def unpublish(notice):
    notice.unpublish()


def make_private(notice):
    PageViewRestriction.objects.create(page=notice, restriction_type=PageViewRestriction.LOGIN)


def places(client, notice):
    week = Week.containing(timezone.localtime(notice.meeting_start).date()).iso if notice.meeting_start else ""
    return {
        "listing": client.get("/thong-bao/").content.decode(),
        "feed": client.get("/thong-bao/rss/").content.decode(),
        "kind feed": client.get(f"/thong-bao/rss/{notice.kind_slug}/").content.decode(),
        "home box": client.get("/").content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
        "exam schedule": client.get("/thong-bao/lich-thi/").content.decode(),
        "work schedule": client.get("/lich-lam-viec/", {"tuan": week}).content.decode() if week else "",
        "schedule calendar": client.get("/lich-lam-viec/ical/").content.decode(),
    }


@pytest.mark.parametrize("hide", [unpublish, make_private])
@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        (
            "tuyen-dung-vien-chuc-giao-duc-mam-non-tieu-hoc",
            {"listing", "feed", "kind feed", "home box", "sitemap", "exam schedule"},
        ),
        (
            "giay-moi-hop-giao-ban-cai-cach-hanh-chinh",
            {"listing", "feed", "kind feed", "home box", "sitemap", "work schedule"},
        ),
    ],
)
def test_hidden_notice_appears_nowhere(client, hide, slug, expected):
    notice = NoticePage.objects.get(slug=slug)
    marker = notice.url
    seen = {name for name, text in places(client, notice).items() if marker in text}
    assert seen >= expected
    hide(notice)
    notice.refresh_from_db()
    assert {name for name, text in places(client, notice).items() if marker in text} == set()
    if notice.exam_sessions.exists():
        assert client.get(f"/thong-bao/lich-thi/thong-bao-{notice.pk}/ical/").status_code == 404
