"""Imported pages are ordinary pages of the portal: listed, found by the public search without marks, found by the
admin's search, and editable in the admin."""

import re

from django.contrib.auth import get_user_model

from wagtail.search.backends import get_search_backend

import pytest

from documents.models import LegalDocumentPage
from gallery.models import AlbumPage, VideoPage
from news.models import NewsArticlePage
from notices.models import NoticePage, WorkWeekPage
from search.models import SearchDocument
from tests.importer.helpers import EXAMPLE, document, news, recruitment, run, write

pytestmark = pytest.mark.django_db


def unmarked(title) -> str:
    return re.sub(r"</?mark>", "", str(title))


TITLE = "Nông dân Tứ Cường phấn khởi vụ vải thiều được mùa"


@pytest.fixture
def imported(folder):
    summary = run(
        write(
            folder,
            news("tin-1", title=TITLE, lead="Vải thiều năm nay sai quả.", date="2099-01-02T08:00"),
            recruitment("tb-1", title="Thông báo tuyển dụng công chức xã Phạm Trấn", issued_on="2099-01-03"),
            document("3/2099/QĐ-UBND", title="Quy định về quản lý chợ nông thôn Yết Kiêu", issued_on="2099-01-04"),
        )
    )
    assert summary.failures == []
    return NewsArticlePage.objects.get(title=TITLE)


def test_imported_news_is_on_the_news_listing_and_its_category(imported, client):
    html = client.get("/tin-tuc/").content.decode()
    assert TITLE in html
    assert TITLE in client.get("/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/").content.decode()
    assert TITLE in client.get("/tin-tuc/2099/01/").content.decode()
    assert client.get(imported.url).status_code == 200


def test_imported_pages_are_found_by_the_public_search_without_marks(imported, client):
    assert SearchDocument.objects.filter(page_id=imported.pk).count() == 1
    response = client.get("/tim-kiem/", {"q": "nong dan tu cuong vai thieu"})
    assert response.status_code == 200
    assert [hit.url for hit in response.context["results"].hits][:1] == [imported.url]
    notices = client.get("/tim-kiem/", {"q": "cong chuc xa pham tran"}).context["results"].hits
    assert "Thông báo tuyển dụng công chức xã Phạm Trấn" in [unmarked(hit.title) for hit in notices]
    documents = client.get("/tim-kiem/", {"q": "3/2099/qd-ubnd"}).context["results"].hits
    assert "Quy định về quản lý chợ nông thôn Yết Kiêu" in [unmarked(hit.title) for hit in documents][:3]
    assert client.get("/van-ban/", {"q": "cho nong thon yet kieu"}).content.decode().count("3/2099/QĐ-UBND") >= 1


def test_imported_pages_are_in_the_admin_search(imported):
    assert imported in list(get_search_backend().search("vải thiều", NewsArticlePage))


def test_every_imported_page_opens_in_the_admin_editor_with_its_content(client):
    assert run(EXAMPLE / "content.jsonl").failures == []
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    pages = [
        (NewsArticlePage.objects.get(title__startswith="Hội nghị tổng kết công tác cải cách"), "Quang cảnh hội nghị"),
        (NoticePage.objects.get(title="Thông báo tuyển dụng viên chức giáo dục năm 2019"), "Giáo viên mầm non"),
        (LegalDocumentPage.objects.get(number="15/2019/QĐ-UBND"), "Nguyễn Văn An"),
        (AlbumPage.objects.get(title="Lễ hội đình làng Đức Xương 2019"), "Rước kiệu"),
        (VideoPage.objects.get(title="Gia Lộc – miền quê đáng sống"), "dQw4w9WgXcQ"),
        (WorkWeekPage.objects.get(week_start="2019-12-02"), "Tiếp công dân định kỳ"),
    ]
    for page, content in pages:
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page
        assert content in response.content.decode(), page


def test_every_type_appears_where_citizens_look_for_it(client):
    assert run(EXAMPLE / "content.jsonl").failures == []
    expected = {
        "/tin-tuc/2019/12/": "Lễ hội truyền thống đình làng Đức Xương",
        "/tin-tuc/chuyen-muc/di-san-le-hoi/": "Lễ hội truyền thống đình làng Đức Xương",
        "/thong-bao/?nam=2019": "Thông báo tuyển dụng viên chức giáo dục năm 2019",
        "/van-ban/van-ban-quy-pham-phap-luat/?nam=2019": "15/2019/QĐ-UBND",
        "/thu-vien-anh/": "Lễ hội đình làng Đức Xương 2019",
        "/video/": "Hướng dẫn nộp hồ sơ trực tuyến",
        "/lich-lam-viec/?tuan=2019-W49": "Tiếp công dân định kỳ",
    }
    for url, text in expected.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
    assert "Giấy mời họp giao ban tháng 12/2019" in client.get("/lich-lam-viec/?tuan=2019-W49").content.decode()
