"""Every bad line is reported with its number and the reason, in Vietnamese, changes nothing (files written for it are
deleted), and every other line is still imported."""

import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import translation

from wagtail.documents import get_document_model

import pytest

from importer.models import ImportedRecord
from news.models import NewsArticlePage
from tests.importer.helpers import document, exam, news, recruitment, run, write

pytestmark = pytest.mark.django_db


def stored_files():
    return {str(Path(folder, name)) for folder, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names}


@pytest.fixture
def bad_files(folder):
    files = folder / "files"
    (files / "virus.pdf").write_bytes(b"MZ\x90\x00 this is a Windows program, not a PDF")
    (files / "page.mp4").write_bytes(b"<!doctype html><html>not a video</html>")
    (files / "png-named.jpg").write_bytes((files / "le-hoi.png").read_bytes())
    (files / "broken.jpg").write_bytes((files / "hoi-nghi.jpg").read_bytes()[:300])
    (folder.parent / "outside.pdf").write_bytes((files / "quyet-dinh-15-2019.pdf").read_bytes())
    return folder


# (the line, what the reason says in Vietnamese)
BAD_LINES = [
    ('{"type": "news", "id": "x"', "JSON không hợp lệ"),
    ('["news"]', "Mỗi dòng phải là một đối tượng JSON"),
    ({"type": "blog", "id": "b-1"}, "Loại “blog” không được hỗ trợ"),
    ({"id": "b-2", "title": "Không có loại"}, "Thiếu “type”"),
    (news("n-1", title=""), "Thiếu “title”"),
    (news("n-2", categories=[]), "Thiếu “categories”"),
    (news("n-3", date="32/13/2019"), "“date”: “32/13/2019” không phải là ngày"),
    (news("n-4", colour="đỏ"), "Trường không được hỗ trợ: colour"),
    (news("n-5", categories=["tin-khong-co"]), "“categories”: không có giá trị “tin-khong-co”"),
    (news("n-6", feature_image="files/khong-co.jpg"), "Không tìm thấy tệp “files/khong-co.jpg”"),
    (news("n-7", feature_image="files/png-named.jpg"), "không phải tệp .jpg thật"),
    (news("n-8", feature_image="files/broken.jpg"), "Ảnh này bị hỏng"),
    (news("n-9", feature_image="../outside.pdf"), "nằm ngoài thư mục của tệp nhập"),
    (news("n-10", featured="có lẽ"), "“featured”: “có lẽ” không phải là đúng hoặc sai"),
    (news("n-11"), None),  # good
    (recruitment("t-1", kind="hội thảo"), "“kind”: không có giá trị “hội thảo”"),
    (recruitment("t-2", attachments=["files/virus.pdf"]), "không phải tệp .pdf thật"),
    (recruitment("t-3", valid_until="2019-01-01"), "Hạn cuối không được trước ngày ban hành"),
    (recruitment("t-4"), None),  # good
    (exam("t-4", start_time="sáng"), "“start_time”: “sáng” không phải là giờ"),
    (exam("t-4", exam_format="vấn đáp"), "“exam_format”: không có giá trị “vấn đáp”"),
    (exam("khong-co"), "Không có thông báo “khong-co”"),
    (exam("t-4", start_time="10:00", end_time="09:00"), "Giờ kết thúc phải sau giờ bắt đầu"),
    (document("15/2019 QĐ UBND"), "số/ký hiệu: Hãy ghi số/ký hiệu như trên văn bản"),
    (document("16/2019/QĐ-UBND", files=["files/thong-bao-tuyen-dung.pdf", "files/virus.pdf"]), "virus.pdf"),
    (document("17/2019/QĐ-UBND", issuer="co-quan-khong-co"), "“issuer”: không có giá trị “co-quan-khong-co”"),
    (document("18/2019/QĐ-UBND", files=[]), "Thiếu “files”"),
    (
        {"type": "video", "id": "v-1", "title": "V", "date": "2019-01-01", "file": "files/page.mp4"},
        "không phải tệp .mp4 thật",
    ),
    ({"type": "video", "id": "v-2", "title": "V", "date": "2019-01-01"}, "YouTube"),
    (
        {"type": "video", "id": "v-3", "title": "V", "date": "2019-01-01", "youtube_url": "https://vimeo.com/1"},
        "YouTube",
    ),
    ({"type": "album", "id": "a-1", "title": "A", "date": "2019-01-01", "photos": []}, "Thiếu “photos”"),
    ({"type": "schedule_entry", "date": "2019-12-02", "time": "25:00", "content": "Họp"}, "không phải là giờ"),
    ({"type": "schedule_entry", "date": "2019-12-02"}, "Thiếu “content”"),
    (news("n-12"), None),  # good, after all the bad ones
]


def test_each_bad_line_is_reported_and_the_others_are_imported(bad_files):
    documents = get_document_model().objects.count()
    before = stored_files()
    path = write(bad_files, *(line for line, _reason in BAD_LINES))
    with translation.override("vi"):
        summary = run(path)
    expected = [(number, reason) for number, (_line, reason) in enumerate(BAD_LINES, 1) if reason]
    assert [number for number, _reason in summary.failures] == [number for number, _reason in expected]
    for (number, reason), (_expected_number, wanted) in zip(summary.failures, expected, strict=True):
        assert wanted in reason, (number, reason)
    assert summary.total("created") == 3
    assert summary.failed == len(expected)
    assert summary.counts[""]["failed"] == 4  # the lines without a known type
    assert NewsArticlePage.objects.filter(title__in=["Tin nhập khẩu n-11", "Tin nhập khẩu n-12"]).count() == 2
    assert ImportedRecord.objects.filter(key__startswith="news:n-").count() == 2
    # The document whose second file was refused stored neither (its first file was written, then deleted).
    assert get_document_model().objects.count() == documents
    assert stored_files() == before


def test_a_failed_record_removes_the_files_it_wrote(folder):
    before = stored_files()
    path = write(folder, document("99 / sai", files=["files/quyet-dinh-15-2019.pdf"]))
    summary = run(path)
    assert len(summary.failures) == 1
    assert stored_files() == before
    assert not get_document_model().objects.filter(title="Bản ký").exists()


def test_reasons_name_the_field_as_editors_see_it(folder):
    with translation.override("vi"):
        summary = run(write(folder, document("15/2019 QĐ UBND")))
    ((line, reason),) = summary.failures
    assert line == 1
    assert reason.startswith("số/ký hiệu: Hãy ghi số/ký hiệu như trên văn bản")


def test_an_exam_session_of_a_notice_that_is_not_a_recruitment_is_refused(folder):
    summary = run(write(folder, recruitment("t-1", kind="general"), exam("t-1")))
    ((line, reason),) = summary.failures
    assert line == 2
    assert "t-1" in reason


def test_a_line_that_is_not_utf8_and_blank_lines(folder):
    path = folder / "mixed.jsonl"
    good = json.dumps(news("n-1"), ensure_ascii=False).encode()
    path.write_bytes(b"\n" + '{"type": "news", "title": "Tin c\xe1"}'.encode("latin-1") + b"\n\n" + good + b"\n")
    summary = run(path)
    assert [line for line, _reason in summary.failures] == [2]
    assert summary.total("created") == 1
