"""Each type's fields in the listing (``fields=*``) and the detail, with the values the editors entered."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from documents.enums import LegalStatus, RelationKind
from documents.models import DocumentRelation
from gallery.models import AlbumPage, AudioPage, VideoPage
from news.models import NewsCategory
from notices.enums import ExamFormat, NoticeKind
from notices.models import ExamSession
from tests.opendata.conftest import day, ids, pdf_file

pytestmark = pytest.mark.django_db


def local(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


# News -------------------------------------------------------------------------------------------------------------


@pytest.fixture
def article(make_article, category):
    other = NewsCategory.objects.create(name="Chuyển đổi số (thử)", slug="chuyen-doi-so-thu", sort_order=0)
    shown = make_article("Tin liên quan được xem", "tin-lien-quan-duoc-xem")
    draft = make_article("Tin liên quan chưa đăng", "tin-lien-quan-chua-dang", publish=False)
    private = make_article("Tin liên quan riêng tư", "tin-lien-quan-rieng-tu")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat")
    return make_article(
        "Gia Lộc mở dữ liệu cải cách hành chính",
        "gia-loc-mo-du-lieu",
        when=local("2023-03-05T10:30:00"),
        categories=[category, other],
        tags=["cải cách hành chính", "dữ liệu mở"],
        image=2,
        related=[draft, shown, private],
        lead="Huyện công bố dữ liệu mở về thủ tục hành chính.",
        byline="Nguyễn Văn Bình",
        source="Phòng Văn hóa và Thông tin",
        feature_image_caption="Quang cảnh buổi công bố",
        body=[("paragraph", "<p>Nội dung chi tiết của tin.</p>")],
    )


def test_news_listing_fields(api, article, category):
    answer = api("pages/", type="news.NewsArticlePage", category=category.slug, fields="*")
    (item,) = [item for item in answer["items"] if item["id"] == article.pk]
    assert item["meta"]["type"] == "news.NewsArticlePage"
    assert item["meta"]["html_url"] == "http://localhost/tin-tuc/gia-loc-mo-du-lieu/"
    assert item["title"] == "Gia Lộc mở dữ liệu cải cách hành chính"
    assert item["lead"] == "Huyện công bố dữ liệu mở về thủ tục hành chính."
    assert item["display_date"] == "2023-03-05T10:30:00+07:00"
    assert item["byline"] == "Nguyễn Văn Bình"
    assert item["source"] == "Phòng Văn hóa và Thông tin"
    assert item["primary_category"] == {"name": "Dữ liệu mở (thử)", "slug": "du-lieu-mo-thu"}
    # In the editors' order of categories (sort_order), then by name.
    assert item["categories"] == [
        {"name": "Chuyển đổi số (thử)", "slug": "chuyen-doi-so-thu"},
        {"name": "Dữ liệu mở (thử)", "slug": "du-lieu-mo-thu"},
    ]
    assert item["tags"] == [
        {"name": "cải cách hành chính", "slug": "cai-cach-hanh-chinh"},
        {"name": "dữ liệu mở", "slug": "du-lieu-mo"},
    ]
    assert item["feature_image"]["id"] == article.feature_image_id
    assert item["feature_image"]["meta"]["detail_url"] == f"http://localhost/api/v2/images/{article.feature_image_id}/"
    rendition = item["feature_image_rendition"]
    assert ".fill-1200x630" in rendition["url"]
    assert rendition["full_url"] == "http://localhost" + rendition["url"]
    assert (rendition["width"], rendition["height"]) == (1200, 630)
    assert item["feature_image_caption"] == "Quang cảnh buổi công bố"
    # Only the related article a citizen may see: not the draft, not the private one.
    assert [related["title"] for related in item["related_articles"]] == ["Tin liên quan được xem"]
    assert item["related_articles"][0]["html_url"] == "http://localhost/tin-tuc/tin-lien-quan-duoc-xem/"
    # The body is on the detail only.
    assert "body" not in item


def test_news_detail_has_the_body(api, article):
    detail = api(f"pages/{article.pk}/")
    assert detail["body"][0]["type"] == "paragraph"
    assert detail["body"][0]["value"] == "<p>Nội dung chi tiết của tin.</p>"
    assert detail["meta"]["parent"]["title"] == "Tin tức"
    assert detail["primary_category"]["slug"] == "du-lieu-mo-thu"
    assert [related["title"] for related in detail["related_articles"]] == ["Tin liên quan được xem"]


def test_body_cannot_be_asked_for_in_a_listing(api, article):
    answer = api("pages/", expect=400, type="news.NewsArticlePage", fields="body")
    assert "body" in answer["message"]


# Notices ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def recruitment(make_notice):
    document = pdf_file("Thông báo tuyển dụng (bản ký)", "7/TB-UBND", "Nội dung thông báo tuyển dụng.")
    notice = make_notice(
        "Thông báo tuyển dụng công chức cấp xã năm 2023",
        "tuyen-dung-cong-chuc-thu",
        kind=NoticeKind.RECRUITMENT,
        number="7/TB-UBND",
        issuer="UBND huyện Gia Lộc",
        issued_on=day("2023-02-01"),
        valid_until=day("2023-02-28"),
        summary="Tuyển 5 công chức cấp xã.",
        files=[(document, "Thông báo số 7/TB-UBND")],
        sessions=[
            {
                "date": day("2023-03-10"),
                "start_time": datetime.time(8, 0),
                "end_time": datetime.time(11, 30),
                "place": "Hội trường UBND huyện",
                "room": "Phòng 2",
                "position": "Tư pháp – Hộ tịch",
                "unit": "xã Đức Xương",
                "exam_format": ExamFormat.WRITTEN,
                "notes": "Mang theo căn cước.",
            },
            {
                "date": day("2023-03-11"),
                "start_time": datetime.time(14, 0),
                "place": "Trường THCS Gia Lộc",
                "position": "Văn phòng – Thống kê",
                "unit": "thị trấn Gia Lộc",
            },
        ],
    )
    # The second sitting moves after publication: candidates see when, and what it replaced.
    moved = ExamSession.objects.get(page=notice, unit="thị trấn Gia Lộc")
    moved.start_time = datetime.time(15, 0)
    moved.save()
    return notice


def test_notice_fields(api, recruitment):
    answer = api("pages/", type="notices.NoticePage", fields="*", issuer="UBND huyện Gia Lộc", kind="recruitment")
    (item,) = [item for item in answer["items"] if item["id"] == recruitment.pk]
    assert item["kind"] == "recruitment"
    assert item["kind_label"] == "Tuyển dụng"
    assert item["kind_slug"] == "tuyen-dung"
    assert item["number"] == "7/TB-UBND"
    assert item["issuer"] == "UBND huyện Gia Lộc"
    assert item["issued_on"] == "2023-02-01"
    assert item["valid_until"] == "2023-02-28"
    assert item["is_open"] is False
    assert item["summary"] == "Tuyển 5 công chức cấp xã."
    (attachment,) = item["attachments"]
    document = recruitment.attachments.get().document
    assert attachment["title"] == "Thông báo số 7/TB-UBND"
    assert attachment["download_url"] == f"http://localhost{document.url}"
    assert attachment["file_extension"] == "pdf"
    assert item["meeting_start"] is None
    first, second = item["exam_sessions"]
    assert {key: value for key, value in first.items() if key != "id"} == {
        "date": "2023-03-10",
        "start_time": "08:00",
        "end_time": "11:30",
        "place": "Hội trường UBND huyện",
        "room": "Phòng 2",
        "job_title": "Tư pháp – Hộ tịch",
        "unit": "xã Đức Xương",
        "exam_format": "written",
        "exam_format_label": "Thi viết",
        "notes": "Mang theo căn cước.",
        "rescheduled_at": None,
        "previous_schedule": "",
    }
    assert second["start_time"] == "15:00"
    assert second["end_time"] is None
    assert second["exam_format"] == "interview"
    assert second["previous_schedule"] == "14:00 11/03/2023 – Trường THCS Gia Lộc"
    assert second["rescheduled_at"].startswith(timezone.localdate().isoformat())
    assert "body" not in item


def test_meeting_invitation_fields(api, make_notice):
    meeting = make_notice(
        "Giấy mời họp giao ban tháng 3",
        "giay-moi-hop-giao-ban-thu",
        kind=NoticeKind.MEETING,
        meeting_start=local("2023-03-20T14:00:00"),
        meeting_place="Phòng họp tầng 2, UBND huyện",
        issued_on=day("2023-03-15"),
    )
    detail = api(f"pages/{meeting.pk}/")
    assert detail["kind"] == "meeting"
    assert detail["kind_label"] == "Mời họp"
    assert detail["meeting_start"] == "2023-03-20T14:00:00+07:00"
    assert detail["meeting_place"] == "Phòng họp tầng 2, UBND huyện"
    assert detail["is_open"] is True
    assert detail["exam_sessions"] == []
    assert detail["body"] == []


# Legal documents --------------------------------------------------------------------------------------------------


def test_legal_document_fields(api, add_document, vocab):
    old = add_document("3/QĐ-UBND", title="Quy chế cũ", issued_on=day("2022-01-10"))
    amended = add_document("4/QĐ-UBND", title="Quy định được sửa", issued_on=day("2022-02-10"))
    page = add_document(
        "12/QĐ-UBND",
        title="Về việc ban hành quy chế quản lý dữ liệu mở",
        collection="cua-huyen",
        issued_on=day("2023-03-01"),
        effective_on=day("2023-03-15"),
        expires_on=day("2099-12-31"),
        signer="Nguyễn Văn A",
        signer_title="Chủ tịch",
        council_session="",
        notes="Thay thế Quy chế số 3/QĐ-UBND.",
        fields=[vocab["land"]],
        relations=[
            DocumentRelation(kind=RelationKind.REPLACES, target=old),
            DocumentRelation(kind=RelationKind.AMENDS, target=amended),
        ],
    )
    answer = api("pages/", type="documents.LegalDocumentPage", collection="cua-huyen", fields="*")
    items = {item["id"]: item for item in answer["items"]}
    item = items[page.pk]
    assert item["number"] == "12/QĐ-UBND"
    assert item["title"] == "Về việc ban hành quy chế quản lý dữ liệu mở"
    assert item["document_type"] == {"name": vocab["qd"].name, "slug": "qd-test"}
    assert item["issuer"] == {"name": vocab["ubnd"].name, "slug": "ubnd-test"}
    assert (item["signer"], item["signer_title"]) == ("Nguyễn Văn A", "Chủ tịch")
    assert (item["issued_on"], item["effective_on"], item["expires_on"]) == ("2023-03-01", "2023-03-15", "2099-12-31")
    assert (item["legal_status"], item["legal_status_label"]) == ("in_force", "Còn hiệu lực")
    assert item["policy_areas"] == [{"name": vocab["land"].name, "slug": "dat-dai-test"}]
    assert item["notes"] == "Thay thế Quy chế số 3/QĐ-UBND."
    (file,) = item["files"]
    document = page.files.get().document
    assert file == {
        "id": document.pk,
        "title": document.title,
        "download_url": f"http://localhost{document.url}",
        "file_extension": "pdf",
    }
    assert [(r["direction"], r["kind"], r["label"], r["document"]["number"]) for r in item["relations"]] == [
        ("outgoing", "replaces", "Thay thế", "3/QĐ-UBND"),
        ("outgoing", "amends", "Sửa đổi, bổ sung", "4/QĐ-UBND"),
    ]
    assert item["relations"][0]["document"]["id"] == old.pk
    assert item["relations"][0]["document"]["title"] == "Quy chế cũ"
    # The status is computed from the relations, the way the library computes it.
    assert (items[old.pk]["legal_status"], items[old.pk]["legal_status_label"]) == (
        "expired",
        str(LegalStatus.EXPIRED.label),
    )
    assert items[amended.pk]["legal_status"] == "partly_expired"
    assert [(r["direction"], r["label"], r["document"]["id"]) for r in items[old.pk]["relations"]] == [
        ("incoming", "Bị thay thế bởi", page.pk)
    ]
    # The detail computes the same.
    detail = api(f"pages/{old.pk}/")
    assert detail["legal_status"] == "expired"
    assert detail["relations"][0]["document"]["number"] == "12/QĐ-UBND"


def test_status_override_and_not_yet_in_force(api, add_document):
    override = add_document("21/QĐ-UBND", status_override=LegalStatus.PARTLY_EXPIRED)
    future = add_document("22/QĐ-UBND", issued_on=timezone.localdate(), effective_on=day("2099-01-01"))
    detail = api(f"pages/{override.pk}/")
    assert (detail["legal_status"], detail["legal_status_label"]) == ("partly_expired", "Hết hiệu lực một phần")
    answer = api("pages/", type="documents.LegalDocumentPage", collection="cua-huyen", fields="legal_status")
    statuses = {item["id"]: item["legal_status"] for item in answer["items"]}
    assert statuses[future.pk] == "not_yet"
    assert statuses[override.pk] == "partly_expired"


def test_relations_to_hidden_documents_are_left_out(api, add_document):
    target = add_document("31/QĐ-UBND", title="Văn bản sẽ bị gỡ")
    page = add_document("32/QĐ-UBND", relations=[DocumentRelation(kind=RelationKind.GUIDES, target=target)])
    assert len(api(f"pages/{page.pk}/")["relations"]) == 1
    target.unpublish()
    assert api(f"pages/{page.pk}/")["relations"] == []


# Gallery ----------------------------------------------------------------------------------------------------------


def test_album_fields(api):
    album = AlbumPage.objects.live().exclude(cover=None).first()
    answer = api("pages/", type="gallery.AlbumPage", fields="*")
    item = next(item for item in answer["items"] if item["id"] == album.pk)
    assert item["date"] == album.date.isoformat()
    assert item["description"] == album.description
    assert item["cover"]["id"] == album.cover_id
    assert ".max-1600x1600" in item["cover_rendition"]["url"]
    assert item["cover_rendition"]["full_url"].startswith("http://localhost/media/images/")


def test_video_fields(api):
    on_youtube = VideoPage.objects.live().exclude(youtube_id="").first()
    as_file = VideoPage.objects.live().exclude(media=None).first()
    answer = api("pages/", type="gallery.VideoPage", fields="*")
    items = {item["id"]: item for item in answer["items"]}
    youtube_item, file_item = items[on_youtube.pk], items[as_file.pk]
    assert len(youtube_item["youtube_id"]) == 11
    assert youtube_item["youtube_id"] == on_youtube.youtube_id
    assert youtube_item["youtube_watch_url"] == f"https://www.youtube.com/watch?v={on_youtube.youtube_id}"
    assert youtube_item["media_url"] is None
    assert file_item["youtube_id"] == ""
    assert file_item["media_url"] == f"http://localhost{as_file.media.url}"
    assert file_item["media_type"] == "video/mp4"
    assert file_item["date"] == as_file.date.isoformat()
    if as_file.poster_id:
        assert ".max-1600x1600" in file_item["poster_rendition"]["url"]


def test_audio_fields(api):
    song = AudioPage.objects.live().first()
    item = api(f"pages/{song.pk}/")
    assert item["performer"] == song.performer
    assert item["media_url"] == f"http://localhost{song.media.url}"
    assert item["media_type"] in {"audio/mpeg", "audio/ogg"}
    assert item["lyrics"] == song.lyrics
    assert item["date"] == song.date.isoformat()


# Images and documents ---------------------------------------------------------------------------------------------


def test_images_and_documents_endpoints(api, add_document):
    page = add_document("41/QĐ-UBND")
    document = page.files.get().document
    detail = api(f"documents/{document.pk}/")
    assert detail["title"] == document.title
    assert detail["meta"]["download_url"] == f"http://localhost{document.url}"
    images = api("images/", limit=5)
    assert images["meta"]["total_count"] >= 5
    assert len(ids(images)) == 5
    image = api(f"images/{ids(images)[0]}/")
    assert image["width"] > 0
    assert image["height"] > 0
