"""The demo command builds a believable portal and can be run again without changing anything."""

import io

from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

import pytest
from bs4 import BeautifulSoup

from documents.models import DocumentRelation, DocumentType, FileText, Issuer, LegalDocumentPage, LegalField
from news.models import NewsArticlePage, NewsCategory
from notices.models import NoticePage
from portal.models import Menu, MenuItem, PortalSettings
from visitors.models import DailyCount, PageDailyCount

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "path", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "menus": list(Menu.objects.values_list("pk", "title")),
        "menu_items": list(MenuItem.objects.order_by("pk").values_list("pk", "link_page", "link_url", "sort_order")),
        "categories": NewsCategory.objects.count(),
        "settings": list(PortalSettings.objects.values_list("pk", "unit_name", "visitor_count_baseline")),
        "reading": list(DailyCount.objects.order_by("day").values_list("day", "views")),
        "page_reading": PageDailyCount.objects.count(),
        "legal_documents": LegalDocumentPage.objects.count(),
        "relations": DocumentRelation.objects.count(),
        "vocabularies": [DocumentType.objects.count(), Issuer.objects.count(), LegalField.objects.count()],
        "files": get_document_model().objects.count(),
        "file_texts": FileText.objects.count(),
    }


def test_loading_the_demo_twice_changes_nothing():
    before = snapshot()
    out = io.StringIO()
    call_command("load_demo", "--single-site", stdout=out)
    assert snapshot() == before
    assert "nothing to do" in out.getvalue()
    assert "password" in out.getvalue()


def test_demo_holds_the_reference_facts():
    reform = NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")
    text = " ".join(str(block.value) for block in reform.body)
    for fact in [
        "12,5 tỷ",
        "Thống Kênh",
        "Đức Xương",
        "Gia Khánh",
        "Gia Tân",
        "Gia Lương",
        "Đồng Quang",
        "Toàn Thắng",
        "70%",
    ]:
        assert fact in text, fact
    assert reform.byline == "Vũ Minh Giáo"
    assert reform.display_date.astimezone().strftime("%d/%m/%Y") == "07/02/2023"
    assert reform.primary_category.slug == "cai-cach-hanh-chinh"
    assert NoticePage.objects.live().count() >= 5
    assert PortalSettings.objects.get().visitor_count_baseline == 4_843_358


def test_demo_articles_cover_every_category():
    assert NewsArticlePage.objects.live().count() >= 30
    for category in NewsCategory.objects.all():
        assert category.articles.count() >= 4, category.name


def test_demo_has_a_month_of_reading_for_the_counters_and_most_read(client):
    cache.clear()  # the most-read list is kept for minutes: an earlier test's (counts emptied, then rolled back) is not
    days = list(DailyCount.objects.order_by("day").values_list("day", flat=True))
    assert len(days) == 30 and days[-1] < timezone.localdate(), "thirty days up to yesterday; today is for real visits"
    soup = BeautifulSoup(client.get("/gioi-thieu/").content, "html.parser")
    box = soup.select_one(".box--most-read")
    assert box.h2.get_text() == "Tin đọc nhiều"
    assert len(box.select("li")) == 5
    assert int(soup.select_one("[data-counter='total']").get_text().replace(".", "")) > 4_843_358
