"""``?search=`` goes through the portal's own folded index: words typed without marks find the marked text, document
numbers are found however they are typed, and results are those of the listing (type, filters, privacy)."""

import datetime

from wagtail.models import PageViewRestriction

import pytest

from tests.opendata.conftest import day, ids

pytestmark = pytest.mark.django_db

NEWS = "news.NewsArticlePage"


def test_words_without_marks_find_marked_text(api, make_article, category):
    article = make_article("Đổi mới cải cách hành chính ở xã Đức Xương", "doi-moi-cai-cach-duc-xuong")
    make_article("Tin không liên quan về nông nghiệp", "tin-khong-lien-quan")
    found = ids(api("pages/", type=NEWS, category=category.slug, search="cai cach hanh chinh duc xuong"))
    assert found == [article.pk]
    # The same with marks, and without a type.
    assert ids(api("pages/", type=NEWS, category=category.slug, search="Cải cách hành chính Đức Xương")) == [article.pk]
    assert article.pk in ids(api("pages/", search="cai cach hanh chinh duc xuong", limit=20))


def test_every_word_must_match(api, make_article, category):
    make_article("Cải cách hành chính năm nay", "cai-cach-nam-nay")
    assert ids(api("pages/", type=NEWS, category=category.slug, search="cai cach hanh chinh tuyen sinh")) == []


def test_document_numbers(api, add_document):
    twelve = add_document("12/QĐ-UBND", title="Về việc ban hành quy chế thử")
    add_document("121/QĐ-UBND", title="Về việc khác")
    for typed in ["qd-ubnd 12", "12/QĐ-UBND", "QĐ-UBND số 12"]:
        found = ids(api("pages/", type="documents.LegalDocumentPage", collection="cua-huyen", search=typed))
        assert found == [twelve.pk], typed


def test_the_text_of_a_document_file_is_searched(api, add_document):
    page = add_document("13/QĐ-UBND", text="Quy định về quản lý nghĩa trang nhân dân.")
    found = ids(api("pages/", type="documents.LegalDocumentPage", search="nghia trang nhan dan"))
    assert page.pk in found


def test_a_notice_is_found_by_its_exam_sessions(api, make_notice):
    notice = make_notice(
        "Thông báo triệu tập thí sinh (thử)",
        "trieu-tap-thi-sinh-thu",
        sessions=[
            {
                "date": day("2023-06-01"),
                "start_time": datetime.time(8, 0),
                "place": "Hội trường",
                "position": "Địa chính – Xây dựng",
                "unit": "xã Yết Kiêu",
            }
        ],
    )
    assert notice.pk in ids(api("pages/", type="notices.NoticePage", search="dia chinh xay dung yet kieu"))


def test_search_keeps_the_listing_filters(api, make_article, category):
    from django.utils import timezone

    old = make_article(
        "Cải cách hành chính năm cũ",
        "cai-cach-nam-cu",
        when=timezone.make_aware(timezone.datetime(2020, 5, 1, 9)),
    )
    new = make_article("Cải cách hành chính năm mới", "cai-cach-nam-moi")
    found = ids(api("pages/", type=NEWS, category=category.slug, search="cai cach hanh chinh", date_from="2021-01-01"))
    assert found == [new.pk]
    assert old.pk in ids(api("pages/", type=NEWS, category=category.slug, search="cai cach hanh chinh"))


def test_search_never_shows_what_citizens_cannot_see(api, make_article, category):
    private = make_article("Tin riêng tư về mận tím lam ngọc", "tin-rieng-tu-man-tim")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat")
    make_article("Tin nháp về mận tím lam ngọc", "tin-nhap-man-tim", publish=False)
    public = make_article("Tin công khai về mận tím lam ngọc", "tin-cong-khai-man-tim")
    assert ids(api("pages/", search="man tim lam ngoc", limit=20)) == [public.pk]
    assert ids(api("pages/", type=NEWS, search="man tim lam ngoc")) == [public.pk]


def test_search_with_no_words_is_a_400_and_blank_is_no_search(api):
    assert api("pages/", expect=400, search="!!! ...")["message"]
    everything = api("pages/", type=NEWS)["meta"]["total_count"]
    assert api("pages/", type=NEWS, search="  ")["meta"]["total_count"] == everything


def test_images_and_documents_have_no_search(api):
    for endpoint in ["images/", "documents/"]:
        assert "pages" in api(endpoint, expect=400, search="quyet dinh")["message"]
