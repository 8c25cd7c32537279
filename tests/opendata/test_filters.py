"""The query parameters: Wagtail's type and field filters, the portal's vocabularies by slug, date ranges on each type's
own date, paging; every value that is not understood is a 400 with a message naming it."""

import datetime

from django.utils import timezone

import pytest

from documents.enums import LegalStatus, RelationKind
from documents.models import DocumentRelation
from gallery.models import AlbumPage, VideoPage
from news.models import NewsArticlePage, NewsCategory
from notices.enums import NoticeKind
from notices.models import NoticePage
from tests.opendata.conftest import day, ids

pytestmark = pytest.mark.django_db

NEWS = "news.NewsArticlePage"
NOTICES = "notices.NoticePage"
DOCUMENTS = "documents.LegalDocumentPage"


def local(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def test_type_gives_only_that_type(api):
    answer = api("pages/", type=NOTICES, limit=20)
    assert answer["meta"]["total_count"] == NoticePage.objects.live().public().count()
    assert {item["meta"]["type"] for item in answer["items"]} == {NOTICES}
    several = api("pages/", type=f"{NEWS},{NOTICES}", limit=1)
    assert several["meta"]["total_count"] == (
        NewsArticlePage.objects.live().public().count() + NoticePage.objects.live().public().count()
    )


def test_unknown_type_is_a_400(api):
    answer = api("pages/", expect=400, type="news.KhongCo")
    assert "news.KhongCo" in answer["message"]
    assert api("pages/", expect=400, type="wagtailimages.Image")["message"]


def test_category(api, make_article, category):
    other = NewsCategory.objects.create(name="Khác (thử)", slug="khac-thu")
    mine = make_article("Tin trong chuyên mục", "tin-trong-chuyen-muc")
    also = make_article("Tin hai chuyên mục", "tin-hai-chuyen-muc", categories=[other, category])
    make_article("Tin chuyên mục khác", "tin-chuyen-muc-khac", categories=[other])
    assert sorted(ids(api("pages/", type=NEWS, category=category.slug))) == sorted([mine.pk, also.pk])


def test_unknown_category_is_a_400_naming_it(api):
    answer = api("pages/", expect=400, type=NEWS, category="khong-co-chuyen-muc")
    assert "khong-co-chuyen-muc" in answer["message"]
    assert "category" in answer["message"]
    # The known slugs are listed.
    assert NewsCategory.objects.first().slug in answer["message"]


def test_a_filter_of_another_type_is_a_400(api):
    for params in [{"category": "x"}, {"type": NOTICES, "category": "x"}, {"kind": "recruitment"}]:
        answer = api("pages/", expect=400, **params)
        assert next(iter(name for name in params if name != "type")) in answer["message"]
    answer = api("pages/", expect=400, type=NEWS, collection="cua-huyen")
    assert DOCUMENTS in answer["message"]
    answer = api("pages/", expect=400, date_from="2023-01-01")
    assert NEWS in answer["message"]


def test_unknown_parameter_is_a_400(api):
    answer = api("pages/", expect=400, type=NEWS, chuyen_muc="abc")
    assert "chuyen_muc" in answer["message"]
    # One site per request: ?site= is not offered.
    assert "site" in api("pages/", expect=400, site="localhost")["message"]


@pytest.mark.parametrize("value", [NoticeKind.RECRUITMENT.value, "tuyen-dung"])
def test_notice_kind_by_value_or_vietnamese_slug(api, value):
    answer = api("pages/", type=NOTICES, kind=value, fields="kind")
    expected = NoticePage.objects.live().public().filter(kind=NoticeKind.RECRUITMENT)
    assert sorted(ids(answer)) == sorted(expected.values_list("pk", flat=True))
    assert answer["items"]
    assert {item["kind"] for item in answer["items"]} == {"recruitment"}


def test_unknown_notice_kind_is_a_400(api):
    answer = api("pages/", expect=400, type=NOTICES, kind="tuyen-sinh")
    assert "tuyen-sinh" in answer["message"]
    assert "tuyen-dung" in answer["message"]


def test_notice_status(api, make_notice):
    today = timezone.localdate()
    issued = today - datetime.timedelta(days=5)
    open_notice = make_notice("Còn hạn", "con-han-thu", valid_until=today, issued_on=issued)
    expired = make_notice("Hết hạn", "het-han-thu", valid_until=today - datetime.timedelta(days=1), issued_on=issued)
    open_ids = ids(api("pages/", type=NOTICES, status="open", limit=20))
    expired_ids = ids(api("pages/", type=NOTICES, status="het-han", limit=20))
    assert open_notice.pk in open_ids
    assert open_notice.pk not in expired_ids
    assert expired.pk in expired_ids
    assert expired.pk not in open_ids
    assert "status" in api("pages/", expect=400, type=NOTICES, status="sap-het")["message"]


def test_notice_issuer_is_the_plain_field(api, make_notice):
    notice = make_notice("Thông báo của xã", "thong-bao-cua-xa-thu", issuer="UBND xã Đức Xương (thử)")
    assert ids(api("pages/", type=NOTICES, issuer="UBND xã Đức Xương (thử)")) == [notice.pk]


def test_document_filters(api, add_document, vocab):
    a = add_document("1/QĐ-UBND", fields=[vocab["land"]])
    b = add_document("2/KH-UBND", kind="kh", issuer="hdnd", collection="hdnd")
    c = add_document("3/QĐ-UBND", issued_on=day("2021-05-01"), expires_on=day("2022-01-01"))
    d = add_document("4/QĐ-UBND", relations=[DocumentRelation(kind=RelationKind.AMENDS, target=a)])

    def found(**params):
        return sorted(ids(api("pages/", type=DOCUMENTS, limit=20, **params)))

    assert found(collection="cua-huyen") == sorted([a.pk, c.pk, d.pk])
    assert found(collection="hdnd") == [b.pk]
    assert found(document_type="kh-test") == [b.pk]
    assert found(issuer="hdnd-test") == [b.pk]
    assert found(policy_area="dat-dai-test") == [a.pk]
    assert found(collection="cua-huyen", status="expired") == [c.pk]
    assert found(collection="cua-huyen", status="het-hieu-luc-mot-phan") == [a.pk]
    assert found(collection="cua-huyen", status=LegalStatus.IN_FORCE) == [d.pk]
    assert found(collection="cua-huyen", document_type="qd-test", date_from="2023-01-01") == sorted([a.pk, d.pk])
    assert found(number="2/KH-UBND") == [b.pk]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("collection", "khong-co"),
        ("document_type", "khong-co"),
        ("issuer", "khong-co"),
        ("policy_area", "khong-co"),
        ("status", "mat-hieu-luc"),
    ],
)
def test_unknown_document_filter_values_are_400s(api, collections, name, value):
    answer = api("pages/", expect=400, type=DOCUMENTS, **{name: value})
    assert name in answer["message"]
    assert value in answer["message"]


def test_private_collection_is_unknown(api, collections, add_document):
    from wagtail.models import PageViewRestriction

    add_document("5/QĐ-UBND", collection="hdnd")
    PageViewRestriction.objects.create(
        page=collections["hdnd"], restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    assert "hdnd" in api("pages/", expect=400, type=DOCUMENTS, collection="hdnd")["message"]


def test_dates_of_news(api, make_article, category):
    march = make_article("Tin tháng ba", "tin-thang-ba", when=local("2023-03-31T23:30:00"))
    april = make_article("Tin tháng tư", "tin-thang-tu", when=local("2023-04-01T00:10:00"))
    make_article("Tin tháng năm", "tin-thang-nam", when=local("2023-05-02T08:00:00"))

    def found(**params):
        return ids(api("pages/", type=NEWS, category=category.slug, order="display_date", **params))

    # Days are Vietnam's: 23:30 on 31 March is March, 00:10 on 1 April is April.
    assert found(date_to="2023-03-31") == [march.pk]
    assert found(date_from="2023-04-01", date_to="2023-04-30") == [april.pk]
    assert found(date_from="2023-03-31", date_to="2023-04-01") == [march.pk, april.pk]
    assert len(found(date_from="2023-03-01")) == 3


def test_dates_of_notices_documents_and_gallery(api, make_notice, add_document):
    notice = make_notice("Thông báo ngày 2/1", "thong-bao-2-1-thu", issued_on=day("2019-01-02"))
    assert ids(api("pages/", type=NOTICES, date_from="2019-01-02", date_to="2019-01-02")) == [notice.pk]
    document = add_document("9/QĐ-UBND", issued_on=day("2019-01-03"))
    assert ids(api("pages/", type=DOCUMENTS, date_from="2019-01-03", date_to="2019-01-03")) == [document.pk]
    album = AlbumPage.objects.live().first()
    assert album.pk in ids(api("pages/", type="gallery.AlbumPage", date_from=album.date, date_to=album.date))
    video = VideoPage.objects.live().first()
    later = video.date + datetime.timedelta(days=1)
    assert video.pk not in ids(api("pages/", type="gallery.VideoPage", date_from=later))


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "01/03/2023"},
        {"date_from": "2023-02-30"},
        {"date_to": "hom-nay"},
        {"date_to": ""},
        {"date_from": "20230301"},
        {"date_from": "0001-01-01"},
        {"date_to": "9999-12-31"},
    ],
)
def test_unreadable_dates_are_400s(api, params):
    answer = api("pages/", expect=400, type=NEWS, **params)
    (name,) = params
    assert name in answer["message"]
    assert "YYYY-MM-DD" in answer["message"]


def test_date_from_after_date_to_is_a_400(api):
    answer = api("pages/", expect=400, type=NOTICES, date_from="2023-05-01", date_to="2023-04-01")
    assert "date_from" in answer["message"]
    assert "date_to" in answer["message"]


def test_unreadable_field_filters_are_400s_not_500s(api):
    assert api("pages/", expect=400, type=NOTICES, issued_on="hom-qua")["message"]
    assert api("pages/", expect=400, type=NEWS, featured="co")["message"]
    assert api("pages/", expect=400, type=NEWS, primary_category="abc")["message"]
    assert "title" in api("pages/", expect=400, title="a\x00b")["message"]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "-1"},
        {"limit": "abc"},
        {"offset": "-5"},
        {"offset": "1.5"},
        {"limit": "1000"},
        {"offset": "99999999999999999999999"},
    ],
)
def test_bad_paging_is_a_400(api, params):
    (name,) = params
    assert name in api("pages/", expect=400, **params)["message"]
    assert name in api("documents/", expect=400, **params)["message"]


def test_paging(api):
    first = api("pages/", type=NOTICES, limit=2, order="-issued_on")
    second = api("pages/", type=NOTICES, limit=2, offset=2, order="-issued_on")
    assert first["meta"]["total_count"] == second["meta"]["total_count"] > 4
    every = ids(api("pages/", type=NOTICES, limit=20, order="-issued_on"))
    assert ids(first) + ids(second) == every[:4]


def test_messages_are_in_the_portals_language(api):
    # Wagtail's own messages too.
    assert api("pages/", expect=400, type=NEWS, fields="khong_co")["message"] == "Không có các trường: khong_co."
    assert api("pages/", expect=400, child_of="abc")["message"] == "child_of phải là một số nguyên dương hoặc “root”."
    assert api("pages/", expect=400, type=NEWS, chuyen_muc="x")["message"] == (
        "Không hỗ trợ các tham số truy vấn: chuyen_muc."
    )
    assert api("pages/", expect=400, type=NOTICES, date_from="2023-13-01")["message"] == (
        "“2023-13-01” không phải là giá trị hợp lệ của date_from. "
        "Hãy viết ngày trong các năm 1900 đến 2200 theo dạng YYYY-MM-DD, ví dụ 2023-03-01."
    )
