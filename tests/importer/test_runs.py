"""Importing again: nothing new when nothing changed, an update (not a duplicate) when a record changed; a dry run
changes nothing at all; the command's summary, exit status and progress bar."""

import datetime
import io
import os
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone, translation

from wagtail.models import Page, Revision

import pytest

from importer.models import ImportedRecord
from news.models import NewsArticlePage
from notices.models import ExamSession, NoticePage, ScheduleEntry, WorkWeekPage
from search.models import SearchDocument
from tests.importer.helpers import EXAMPLE, command, document, exam, news, recruitment, run, write

pytestmark = pytest.mark.django_db


def every_type(folder):
    return write(
        folder,
        news("tin-1", feature_image="files/hoi-nghi.jpg", tags=["một cửa"]),
        recruitment("tb-1", attachments=["files/thong-bao-tuyen-dung.pdf"]),
        exam("tb-1"),
        exam("tb-1", id="ca-2", date="2019-12-29"),
        document(),
        {"type": "album", "id": "a-1", "title": "Album", "date": "2019-12-27", "photos": ["files/le-hoi.png"]},
        {"type": "video", "id": "v-1", "title": "Video", "date": "2019-10-01", "file": "files/video-mau.mp4"},
        {"type": "schedule_entry", "date": "2019-12-02", "time": "08:00", "content": "Chào cờ"},
    )


def database_state():
    """The number of rows of every model, and the newest id of each."""
    state = {}
    for model in apps.get_models():
        rows = model._base_manager.all()
        state[model._meta.label] = (rows.count(), rows.order_by("-pk").values_list("pk", flat=True).first())
    return state


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {
        (str(Path(folder).relative_to(root)), tuple(sorted(files)), tuple(sorted(folders)))
        for folder, folders, files in os.walk(root)
    }


def test_importing_the_same_file_twice_creates_nothing_new(folder):
    path = every_type(folder)
    first = run(path)
    assert (first.total("created"), first.failed) == (8, 0)
    before, files = database_state(), media_files()
    second = run(path)
    assert [second.total(outcome) for outcome in ("created", "updated", "skipped", "failed")] == [0, 0, 8, 0]
    assert second.counts["exam_session"]["skipped"] == 2
    assert database_state() == before
    assert media_files() == files


def test_a_changed_record_updates_what_it_became(folder):
    path = every_type(folder)
    run(path)
    article = NewsArticlePage.objects.get(title="Tin nhập khẩu tin-1")
    session = ExamSession.objects.get(pk=ImportedRecord.objects.get(key="exam_session:ca-2").object_id)
    pages, revisions = Page.objects.count(), Revision.objects.count()
    changed = write(
        folder,
        news("tin-1", title="Tin đã sửa", date="2020-01-05", feature_image="files/hoi-nghi.jpg", tags=["mới"]),
        recruitment("tb-1", attachments=["files/thong-bao-tuyen-dung.pdf"]),
        exam("tb-1", id="ca-2", date="2019-12-30", start_time="13:30"),
        name="changed.jsonl",
    )
    summary = run(changed)
    assert (summary.total("updated"), summary.total("skipped"), summary.total("created")) == (2, 1, 0)
    assert Page.objects.count() == pages
    article = NewsArticlePage.objects.get(pk=article.pk)
    assert article.title == "Tin đã sửa"
    assert list(article.tags.names()) == ["mới"]
    assert article.display_date == article.first_published_at == article.last_published_at
    assert timezone.localtime(article.display_date).date() == datetime.date(2020, 1, 5)
    assert article.live_revision_id == article.latest_revision_id
    session.refresh_from_db()
    assert (session.date, session.start_time) == (datetime.date(2019, 12, 30), datetime.time(13, 30))
    assert session.changed_at is not None  # candidates are told it was rescheduled
    assert ExamSession.objects.filter(page__title="Thông báo tuyển dụng tb-1").count() == 2
    assert Revision.objects.count() == revisions + 2  # the article's and the notice's new revisions
    assert SearchDocument.objects.get(key=f"page:{article.pk}").title == "Tin đã sửa"


def test_an_exam_session_moves_to_another_notice_and_a_row_to_another_week(folder):
    run(write(folder, recruitment("tb-1"), recruitment("tb-2"), exam("tb-1", id="ca-1")))
    run(write(folder, recruitment("tb-1"), recruitment("tb-2"), exam("tb-2", id="ca-1")))
    assert NoticePage.objects.get(title="Thông báo tuyển dụng tb-1").exam_sessions.count() == 0
    assert NoticePage.objects.get(title="Thông báo tuyển dụng tb-2").exam_sessions.count() == 1
    row = {"type": "schedule_entry", "id": "r-1", "date": "2019-12-02", "content": "Tiếp công dân"}
    run(write(folder, row))
    run(write(folder, {**row, "date": "2019-12-10"}))
    entry = ScheduleEntry.objects.get(pk=ImportedRecord.objects.get(key="schedule_entry:r-1").object_id)
    assert (entry.page.week_start, entry.weekday) == (datetime.date(2019, 12, 9), 1)
    assert WorkWeekPage.objects.get(week_start=datetime.date(2019, 12, 2)).entries.count() == 0


def test_a_page_deleted_after_its_import_is_imported_again(folder):
    path = write(folder, news("tin-1"))
    run(path)
    NewsArticlePage.objects.get(title="Tin nhập khẩu tin-1").delete()
    summary = run(path)
    assert summary.total("created") == 1
    assert NewsArticlePage.objects.filter(title="Tin nhập khẩu tin-1").count() == 1


def test_a_dry_run_leaves_the_database_and_the_media_storage_as_they_were(folder):
    path = every_type(folder)
    bad = write(folder, document("sai số"), name="bad.jsonl")
    before, files = database_state(), media_files()
    dry = run(path, dry_run=True)
    dry_bad = run(bad, dry_run=True)
    assert database_state() == before
    assert media_files() == files
    assert (dry.total("created"), dry.failed, dry_bad.failed) == (8, 0, 1)
    real = run(path)
    assert real.counts == dry.counts
    assert media_files() != files


def test_the_command_prints_the_summary_and_exits_0(folder):
    path = write(folder, news("tin-1"), news("tin-2"))
    with translation.override("en"):
        status, out, err = command(path)
        assert (status, err) == (0, "")
        assert "news (news article): created 2, updated 0, skipped (unchanged) 0, failed 0" in out
        status, out, _err = command(path, "--dry-run")
    assert status == 0
    assert out.startswith("Dry run: nothing was saved.")
    assert "skipped (unchanged) 2" in out


def test_the_command_speaks_vietnamese(folder):
    status, out, err = command(write(folder, news("tin-1"), "{"))
    assert status == 1
    assert "Dòng 2: JSON không hợp lệ" in err
    assert "bài tin): tạo mới 1, cập nhật 0, bỏ qua (không đổi) 0, lỗi 0" in out


def test_exit_status_1_when_a_line_failed_and_2_when_the_file_cannot_be_read(folder):
    status, _out, err = command(write(folder, news("tin-1"), news("tin-2", date="hôm qua")))
    assert status == 1
    assert NewsArticlePage.objects.filter(title="Tin nhập khẩu tin-1").exists()
    status, out, err = command(folder / "missing.jsonl")
    assert (status, out) == (2, "")
    assert "missing.jsonl" in err


def test_a_progress_bar_only_on_a_terminal(folder):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    path = write(folder, news("tin-1"))
    piped, terminal = io.StringIO(), Terminal()
    call_command("import_content", str(path), "--dry-run", stdout=piped, stderr=io.StringIO())
    call_command("import_content", str(path), "--dry-run", stdout=terminal, stderr=io.StringIO())
    assert "\r" not in piped.getvalue() and "|" not in piped.getvalue()
    assert "%|" in terminal.getvalue() and "/1 [" in terminal.getvalue()


def test_publishing_is_indexed_again_after_an_import(folder, client):
    """The import switches per-page indexing off only while it runs."""
    run(write(folder, news("tin-1")))
    article = NewsArticlePage.objects.get(title="Tin nhập khẩu tin-1")
    article.title = "Bản tin hoàn toàn khác"
    article.save_revision().publish()
    assert SearchDocument.objects.get(key=f"page:{article.pk}").title == "Bản tin hoàn toàn khác"
    from wagtail.search.backends import get_search_backend

    assert article in list(get_search_backend().search("hoàn toàn khác", NewsArticlePage))


def test_the_example_file_names_every_type():
    lines = (EXAMPLE / "content.jsonl").read_text(encoding="utf-8").splitlines()
    assert {line.split('"type": "')[1].split('"')[0] for line in lines} == {
        "news",
        "notice",
        "exam_session",
        "document",
        "album",
        "video",
        "schedule_entry",
    }
