"""Drafts for comment in tests: the demo's section and open draft, drafts made with the dates a test needs, and a
comment posted as a person's browser would post it."""

import datetime

from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Site

import pytest

from consultations.models import DraftIndexPage, DraftPage, DraftSection
from portal.tree import publish
from tests.citizen_forms import guard_fields

OPEN_DRAFT_SLUG = "du-thao-de-an-dat-ten-duong-pho-thi-tran-gia-loc"


@pytest.fixture(autouse=True)
def fresh_limits():
    """The per-address limits count in the cache, which outlives each test's transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def draft_index(db):
    return DraftIndexPage.objects.get(url_path="/home/lay-y-kien/")


@pytest.fixture
def open_draft(draft_index):
    return DraftPage.objects.child_of(draft_index).get(slug=OPEN_DRAFT_SLUG)


def make_draft(index, slug, *, opens_in=-5, closes_in=20, sections=("Điều 1", "Điều 2"), **fields) -> DraftPage:
    today = timezone.localdate()
    page = DraftPage(
        title=fields.pop("title", f"Dự thảo {slug}"),
        slug=slug,
        drafting_office=fields.pop("drafting_office", "Phòng Tư pháp"),
        opens_on=today + datetime.timedelta(days=opens_in),
        closes_on=today + datetime.timedelta(days=closes_in),
        **fields,
    )
    page.sections = [DraftSection(label=label, title="", sort_order=n) for n, label in enumerate(sections)]
    return publish(index, page)


@pytest.fixture
def new_draft(draft_index):
    def build(slug="du-thao-thu-nghiem", **kwargs):
        return make_draft(draft_index, slug, **kwargs)

    return build


def comment_data(draft=None, **overrides) -> dict:
    data = {
        **guard_fields(),
        "commenter_kind": "person",
        "organisation": "",
        "name": "Phạm Thị Lan",
        "email": "lan@example.vn",
        "phone": "",
        "section": "",
        "text": "Đề nghị làm rõ mức thu áp dụng cho hộ kinh doanh nhỏ.",
        "consent": "on",
    }
    data.update(overrides)
    return data


def post_comment(client, draft, *, ip="198.51.100.7", **overrides):
    return client.post(draft.comment_url(), comment_data(draft, **overrides), REMOTE_ADDR=ip)


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)
