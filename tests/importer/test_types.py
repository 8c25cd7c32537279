"""Every record type becomes what an editor would have made: a published page with the record's fields and dates."""

import datetime
import unicodedata
from zoneinfo import ZoneInfo

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest

from documents.models import DocumentCollectionPage, DocumentType, Issuer, LegalDocumentPage, LegalField
from gallery.models import AlbumPage, VideoPage
from importer.models import ImportedRecord
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from notices.enums import ExamFormat, NoticeKind
from notices.models import NoticePage, WorkSchedulePage, WorkWeekPage
from tests.importer.helpers import EXAMPLE, command, document, exam, news, recruitment, run, write

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def only_failures(summary):
    assert summary.failures == []
    return summary


def test_the_example_file_imports_cleanly():
    status, _out, err = command(EXAMPLE / "content.jsonl")
    assert (status, err) == (0, "")
    assert ImportedRecord.objects.count() == 12
    assert run(EXAMPLE / "content.jsonl").total("skipped") == 12
    assert {key.split(":")[0] for key in ImportedRecord.objects.values_list("key", flat=True)} == {
        "news",
        "notice",
        "exam_session",
        "document",
        "album",
        "video",
        "schedule_entry",
    }


def test_news_with_every_field(folder):
    existing = NewsCategory.objects.get(slug="kinh-te")
    only_failures(
        run(
            write(
                folder,
                news(
                    "tin-1024",
                    source_url="https://old.example/tin/1024.html",
                    title="Hội nghị tổng kết công tác cải cách hành chính năm 2019",
                    lead="Sáng 26/12, UBND huyện tổ chức hội nghị tổng kết.",
                    body="<p>Dự hội nghị có <strong>lãnh đạo</strong> huyện.</p><h3>Kết quả</h3><p>Tốt.</p>",
                    byline="Minh Anh",
                    source="Văn phòng UBND huyện",
                    categories=["cai cach hanh chinh", "kinh-te", "Di sản – Lễ hội"],
                    tags=["một cửa", "cải cách hành chính"],
                    feature_image="files/hoi-nghi.jpg",
                    feature_image_caption="Quang cảnh hội nghị",
                    featured="có",
                ),
            )
        )
    )
    page = NewsArticlePage.objects.get(title="Hội nghị tổng kết công tác cải cách hành chính năm 2019")
    published = datetime.datetime(2019, 12, 26, 9, 30, tzinfo=VN)
    assert page.get_parent().specific == NewsIndexPage.objects.get()
    assert page.slug == "hoi-nghi-tong-ket-cong-tac-cai-cach-hanh-chinh-nam-2019"
    assert (page.live, page.has_unpublished_changes) == (True, False)
    assert page.live_revision_id == page.latest_revision_id
    assert page.first_published_at == page.last_published_at == page.display_date == published
    assert page.lead == "Sáng 26/12, UBND huyện tổ chức hội nghị tổng kết."
    assert page.body.raw_data[0]["value"] == "<p>Dự hội nghị có <b>lãnh đạo</b> huyện.</p>"
    assert page.body.raw_data[1]["type"] == "heading"
    assert page.body.raw_data[1]["value"] == {"text": "Kết quả", "level": "h3"}
    assert (page.byline, page.source, page.featured) == ("Minh Anh", "Văn phòng UBND huyện", True)
    assert page.primary_category.slug == "cai-cach-hanh-chinh"
    created = NewsCategory.objects.get(name="Di sản – Lễ hội")
    assert created.slug == "di-san-le-hoi"
    assert set(page.categories.all()) == {page.primary_category, existing, created}
    assert set(page.tags.names()) == {"một cửa", "cải cách hành chính"}
    assert page.feature_image.title == "Quang cảnh hội nghị"
    assert page.feature_image.file_hash and page.feature_image.width == 48
    assert page.feature_image_caption == "Quang cảnh hội nghị"
    record = ImportedRecord.objects.get(key="news:tin-1024")
    assert (record.object_id, record.source_url) == (page.pk, "https://old.example/tin/1024.html")


def test_news_without_lead_takes_the_body_words_and_a_date_alone_is_the_start_of_the_day(folder):
    body = "<p>" + "Nông dân Gia Lộc thu hoạch dưa hấu được mùa được giá. " * 12 + "</p>"
    only_failures(run(write(folder, news("tin-2", lead="", body=body, date="07/02/2023"))))
    page = NewsArticlePage.objects.get(title="Tin nhập khẩu tin-2")
    assert page.lead.startswith("Nông dân Gia Lộc thu hoạch dưa hấu")
    assert page.lead.endswith("…") and len(page.lead) <= 301
    assert page.display_date == datetime.datetime(2023, 2, 7, tzinfo=VN)


def test_news_with_neither_lead_nor_body_is_kept_with_its_title_as_lead(folder):
    only_failures(run(write(folder, news("tin-3", lead="", body=""), news("tin-4", lead=None, body=None))))
    for key in ("tin-3", "tin-4"):
        page = NewsArticlePage.objects.get(title=f"Tin nhập khẩu {key}")
        assert page.lead == page.title
        assert page.live


def test_a_notice_with_its_files_and_a_meeting_invitation(folder):
    summary = run(
        write(
            folder,
            recruitment(
                "tb-1",
                kind="tuyen-dung",
                number="215/TB-UBND",
                issuer="UBND huyện Gia Lộc",
                valid_until="20/12/2019",
                summary="Tuyển 35 giáo viên.",
                body="<p>Hồ sơ nộp tại Phòng Nội vụ.</p>",
                attachments=[{"path": "files/thong-bao-tuyen-dung.pdf", "title": "Chỉ tiêu chi tiết"}],
            ),
            {
                "type": "notice",
                "id": "gm-1",
                "title": "Giấy mời họp giao ban",
                "kind": "Mời họp",
                "issued_on": "2019-12-02",
                "meeting_start": "2019-12-06 14:00",
                "meeting_place": "Phòng họp tầng 2",
            },
        )
    )
    only_failures(summary)
    notice = NoticePage.objects.get(title="Thông báo tuyển dụng tb-1")
    assert (notice.kind, notice.number, notice.issuer) == (NoticeKind.RECRUITMENT, "215/TB-UBND", "UBND huyện Gia Lộc")
    assert (notice.issued_on, notice.valid_until) == (datetime.date(2019, 11, 20), datetime.date(2019, 12, 20))
    assert notice.summary == "Tuyển 35 giáo viên."
    assert notice.first_published_at == datetime.datetime(2019, 11, 20, tzinfo=VN)
    (attachment,) = notice.attachments.all()
    assert attachment.title == "Chỉ tiêu chi tiết"
    assert attachment.document.file.name.startswith("documents/thong-bao-tuyen-dung")
    assert attachment.document.file_hash
    meeting = NoticePage.objects.get(title="Giấy mời họp giao ban")
    assert meeting.kind == NoticeKind.MEETING
    assert meeting.meeting_start == datetime.datetime(2019, 12, 6, 14, tzinfo=VN)
    assert meeting.meeting_place == "Phòng họp tầng 2"


def test_exam_sessions_join_their_notice_by_its_key(folder, client):
    summary = run(
        write(
            folder,
            recruitment("tb-1", source_url="https://old.example/tb/1"),
            exam("tb-1", id="ca-1", end_time="9h30", room="Phòng 1", exam_format="Thi viết", notes="Mang CCCD."),
            exam("https://old.example/tb/1", date="29/12/2019", start_time="8h", position="Giáo viên mầm non"),
        )
    )
    only_failures(summary)
    notice = NoticePage.objects.get(title="Thông báo tuyển dụng tb-1")
    first, second = notice.exam_sessions.order_by("sort_order")
    assert (first.date, first.start_time, first.end_time) == (
        datetime.date(2019, 12, 28),
        datetime.time(7, 30),
        datetime.time(9, 30),
    )
    assert (first.place, first.room, first.position, first.unit) == (
        "Trường THCS Gia Lộc",
        "Phòng 1",
        "Giáo viên tiểu học",
        "Trường Tiểu học Đức Xương",
    )
    assert (first.exam_format, first.notes) == (ExamFormat.WRITTEN, "Mang CCCD.")
    assert (second.date, second.start_time, second.exam_format) == (
        datetime.date(2019, 12, 29),
        datetime.time(8),
        ExamFormat.INTERVIEW,
    )
    # In the latest revision too, so that editing the notice keeps them.
    revision = notice.get_latest_revision_as_object()
    assert [session.pk for session in revision.exam_sessions.all()] == [first.pk, second.pk]
    assert notice.first_published_at == datetime.datetime(2019, 11, 20, tzinfo=VN)
    assert ImportedRecord.objects.get(key="exam_session:ca-1").object_id == first.pk
    response = client.get(notice.url)
    assert response.status_code == 200
    assert "Giáo viên mầm non" in response.content.decode()


def test_a_legal_document_with_vocabularies_collection_and_files(folder):
    summary = run(
        write(
            folder,
            document(
                signer="Nguyễn Văn An",
                signer_title="Chủ tịch",
                effective_on="2019-10-25",
                expires_on="2024-10-25",
                fields=["Tổ chức – Cán bộ (nhập)", "tổ chức – cán bộ (nhập)"],
                collection="normative",
                council_session="",
                notes="Bản sao từ cổng cũ.",
            ),
            document(
                "7/NQ-HĐND",
                id="nq-7",
                document_type="Nghị quyết (nhập)",
                issuer="HĐND huyện (nhập)",
                collection="tai-lieu-hop-hdnd",
                council_session="Kỳ họp thứ 7",
            ),
        )
    )
    only_failures(summary)
    decision = LegalDocumentPage.objects.get(number="15/2019/QĐ-UBND")
    assert decision.title == "Ban hành quy chế làm việc"
    assert decision.document_type == DocumentType.objects.get(name="Quyết định")
    assert decision.issuer == Issuer.objects.get(name="UBND huyện Gia Lộc")
    assert (decision.signer, decision.signer_title) == ("Nguyễn Văn An", "Chủ tịch")
    assert (decision.issued_on, decision.effective_on, decision.expires_on) == (
        datetime.date(2019, 10, 15),
        datetime.date(2019, 10, 25),
        datetime.date(2024, 10, 25),
    )
    assert [field.name for field in decision.fields.all()] == ["Tổ chức – Cán bộ (nhập)"]
    assert LegalField.objects.filter(name__startswith="Tổ chức – Cán bộ (nhập)").count() == 1
    assert decision.get_parent().specific.kind == "normative"
    (file,) = decision.files.all()
    assert (file.title, file.document.title) == ("Bản ký", "Bản ký")
    assert decision.notes == "Bản sao từ cổng cũ."
    assert ImportedRecord.objects.filter(key="document:15/2019/qd-ubnd|ubnd-huyen-gia-loc").exists()
    resolution = LegalDocumentPage.objects.get(number="7/NQ-HĐND")
    assert resolution.get_parent().slug == "tai-lieu-hop-hdnd"
    assert (resolution.document_type.name, resolution.issuer.name) == ("Nghị quyết (nhập)", "HĐND huyện (nhập)")
    assert resolution.council_session == "Kỳ họp thứ 7"
    # The same PDF twice is one document in the library.
    assert resolution.files.get().document == file.document


def test_a_document_goes_to_the_first_collection_of_the_site_by_default(folder):
    only_failures(run(write(folder, document())))
    first = DocumentCollectionPage.objects.order_by("path").first()
    assert LegalDocumentPage.objects.get(number="15/2019/QĐ-UBND").get_parent().pk == first.pk


def test_an_album_with_photos_captions_and_credits(folder):
    summary = run(
        write(
            folder,
            {
                "type": "album",
                "id": "album-1",
                "title": "Lễ hội đình làng",
                "date": "2019-12-27",
                "description": "Hình ảnh lễ hội.",
                "photos": [
                    {"path": "files/le-hoi.png", "caption": "Rước kiệu", "credit": "Ảnh: Minh Anh"},
                    "files/hoi-nghi.jpg",
                ],
            },
        )
    )
    only_failures(summary)
    album = AlbumPage.objects.get(title="Lễ hội đình làng")
    first, second = album.photos.order_by("sort_order")
    assert (first.caption, first.credit, first.image.title) == ("Rước kiệu", "Ảnh: Minh Anh", "Rước kiệu")
    assert (second.caption, second.image.title) == ("", "Lễ hội đình làng")
    assert album.cover == first.image
    assert (album.date, album.description) == (datetime.date(2019, 12, 27), "Hình ảnh lễ hội.")
    assert album.first_published_at == datetime.datetime(2019, 12, 27, tzinfo=VN)


def test_videos_from_youtube_and_from_a_file_with_a_poster(folder):
    summary = run(
        write(
            folder,
            {
                "type": "video",
                "id": "v1",
                "title": "Phóng sự",
                "date": "2019-09-02",
                "youtube_url": "youtu.be/dQw4w9WgXcQ?t=1m5s",
            },
            {
                "type": "video",
                "id": "v2",
                "title": "Hướng dẫn",
                "date": "2019-10-01",
                "description": "Nộp hồ sơ trực tuyến.",
                "file": "files/video-mau.mp4",
                "poster": "files/poster.jpg",
            },
        )
    )
    only_failures(summary)
    youtube = VideoPage.objects.get(title="Phóng sự")
    assert (youtube.youtube_id, youtube.youtube_start, youtube.media) == ("dQw4w9WgXcQ", 65, None)
    upload = VideoPage.objects.get(title="Hướng dẫn")
    assert upload.media.type == "video"
    assert upload.media.file.name.startswith("media/video-mau")
    assert upload.poster.title == "Hướng dẫn"
    assert (upload.youtube_id, upload.description) == ("", "Nộp hồ sơ trực tuyến.")


def test_schedule_rows_find_or_make_their_week(folder):
    schedule = WorkSchedulePage.objects.get()
    summary = run(
        write(
            folder,
            {
                "type": "schedule_entry",
                "date": "2019-12-04",
                "time": "14:00",
                "content": "Họp giao ban",
                "chair": "Chủ tịch UBND huyện",
                "participants": "Các phòng",
                "place": "Phòng họp 1",
                "preparing_unit": "Văn phòng",
            },
            {"type": "schedule_entry", "date": "02/12/2019", "content": "Tiếp công dân"},
            {"type": "schedule_entry", "date": "2019-12-02", "time": "08:00", "content": "Chào cờ"},
        )
    )
    only_failures(summary)
    week = WorkWeekPage.objects.child_of(schedule).get(week_start=datetime.date(2019, 12, 2))
    assert week.live and week.slug == "2019-w49"
    rows = list(week.entries.order_by("sort_order"))
    assert [(row.weekday, row.start_time, row.content) for row in rows] == [
        (0, None, "Tiếp công dân"),
        (0, datetime.time(8), "Chào cờ"),
        (2, datetime.time(14), "Họp giao ban"),
    ]
    assert (rows[2].chair, rows[2].participants, rows[2].place, rows[2].preparing_unit) == (
        "Chủ tịch UBND huyện",
        "Các phòng",
        "Phòng họp 1",
        "Văn phòng",
    )
    assert [row.pk for row in week.get_latest_revision_as_object().entries.all()] == [row.pk for row in rows]


def test_a_section_slug_picks_another_section(folder, home):
    other = NewsIndexPage(title="Tin cũ", slug="tin-cu")
    home.add_child(instance=other)
    only_failures(run(write(folder, news("tin-9", section="tin-cu"))))
    assert NewsArticlePage.objects.get(title="Tin nhập khẩu tin-9").get_parent().pk == other.pk


def test_files_are_stored_once_by_content(folder):
    images, documents = get_image_model().objects.count(), get_document_model().objects.count()
    (folder / "files" / "copy.jpg").write_bytes((folder / "files" / "hoi-nghi.jpg").read_bytes())
    only_failures(
        run(
            write(
                folder,
                news("a", feature_image="files/hoi-nghi.jpg"),
                news("b", feature_image="files/copy.jpg"),
                recruitment("c", attachments=["files/thong-bao-tuyen-dung.pdf", "files/thong-bao-tuyen-dung.pdf"]),
            )
        )
    )
    assert get_image_model().objects.count() == images + 1
    assert get_document_model().objects.count() == documents + 1


def test_decomposed_marks_and_control_characters_are_cleaned(folder):
    decomposed = unicodedata.normalize("NFD", "Cải cách hành chính")
    categories = NewsCategory.objects.count()
    summary = run(
        write(
            folder,
            news(
                "tin-nfd",
                title=unicodedata.normalize("NFD", "Tiếp dân\x00 định kỳ\x07"),
                categories=[decomposed],
                body=unicodedata.normalize("NFD", "<p>Đoạn\x00 văn</p>"),
            ),
        )
    )
    only_failures(summary)
    page = NewsArticlePage.objects.get(title="Tiếp dân định kỳ")
    assert page.primary_category.slug == "cai-cach-hanh-chinh"
    assert NewsCategory.objects.count() == categories
    assert page.body.raw_data[0]["value"] == "<p>Đoạn văn</p>"
