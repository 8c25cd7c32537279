"""``manage.py backup`` and ``manage.py restore``: the demo portal, committed in the test database with download
counts added, is backed up, then restored by another process into a fresh database (of the test run's kind) and an
empty media folder, where every page, revision, document file, image original, video and counter is found again.
A damaged backup, or one whose counts the restore does not reach, is refused loudly."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command

from wagtail.documents.models import Document
from wagtail.images.models import Image, Rendition
from wagtail.models import Page, Revision

import pytest
from wagtailmedia.models import Media

from documents.models import FileDownload
from tests.databases import scratch_database
from visitors.models import DailyCount, PageDailyCount

pytestmark = [pytest.mark.xdist_group("backup"), pytest.mark.django_db]  # one worker backs the demo up once
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Restored:
    backup: Path
    database_url: str
    media_root: Path
    output: str
    workdir: Path


def restore(folder: Path, database_url: str, media_root: Path, *options: str) -> subprocess.CompletedProcess:
    """``manage.py restore`` in a process of its own, with the settings a new machine would have."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DEBUG="false",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
    )
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(folder), *options],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def query(database_url: str, sql: str) -> list[tuple]:
    """Rows of the restored database, read through a connection of its own; dates as text, booleans as 0/1."""
    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        if not path.exists():
            return []
        with closing(sqlite3.connect(path)) as database:
            rows = database.execute(sql).fetchall()
    else:
        import psycopg

        with psycopg.connect(database_url) as database:
            rows = database.execute(sql).fetchall()
    return [tuple(normal(value) for value in row) for row in rows]


def normal(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def table_names(database_url: str) -> list[str]:
    if database_url.startswith("sqlite:///"):
        return [name for (name,) in query(database_url, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [name for (name,) in query(database_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]


@pytest.fixture(scope="module")
def restored(django_db_setup, django_db_blocker):
    """The backup of the committed demo portal, and its restore into a new database and media folder."""
    workdir = Path(tempfile.mkdtemp(prefix="portal-backup-"))
    database_url, drop_database = scratch_database(workdir, "portal_restore")
    output = StringIO()
    with django_db_blocker.unblock():
        # The demo counts visits but no downloads: some are committed here, where pg_dump sees them.
        downloads = [
            FileDownload.objects.create(document=document, count=index + 3)
            for index, document in enumerate(Document.objects.exclude(pk__in=FileDownload.objects.values("pk"))[:4])
        ]
    try:
        with django_db_blocker.unblock():
            call_command("backup", workdir / "backup", stdout=output)
        done = restore(workdir / "backup", database_url, workdir / "media")
        assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
        yield Restored(workdir / "backup", database_url, workdir / "media", done.stdout, workdir)
    finally:
        with django_db_blocker.unblock():
            FileDownload.objects.filter(pk__in=[download.pk for download in downloads]).delete()
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


def test_every_page_is_restored_with_its_title_address_and_state(restored):
    pages = [
        tuple(map(normal, row)) for row in Page.objects.order_by("pk").values_list("pk", "title", "url_path", "live")
    ]
    assert len(pages) > 50, "the demo portal was not loaded: nothing to compare"
    assert query(restored.database_url, "SELECT id, title, url_path, live FROM wagtailcore_page ORDER BY id") == pages


def test_every_revision_is_restored_with_its_content(restored):
    revisions = list(Revision.objects.order_by("pk").values_list("pk", "object_id", "base_content_type", "content"))
    assert len(revisions) > 50
    rows = query(
        restored.database_url,
        "SELECT id, object_id, base_content_type_id, content FROM wagtailcore_revision ORDER BY id",
    )
    assert [(*row[:3], json.loads(row[3]) if isinstance(row[3], str) else row[3]) for row in rows] == revisions


def same_file(name: str, media_root: Path) -> bool:
    restored = media_root / name
    return restored.is_file() and restored.read_bytes() == (Path(settings.MEDIA_ROOT) / name).read_bytes()


def test_every_document_is_restored_with_the_same_file(restored):
    documents = list(Document.objects.order_by("pk").values_list("pk", "title", "file"))
    assert len(documents) > 10
    assert query(restored.database_url, "SELECT id, title, file FROM wagtaildocs_document ORDER BY id") == documents
    assert [name for _, _, name in documents if not same_file(name, restored.media_root)] == []


def test_every_image_is_restored_with_its_original(restored):
    images = list(Image.objects.order_by("pk").values_list("pk", "file", "width", "height"))
    assert len(images) > 10
    sql = "SELECT id, file, width, height FROM wagtailimages_image ORDER BY id"
    assert query(restored.database_url, sql) == images
    assert [name for _, name, _, _ in images if not same_file(name, restored.media_root)] == []


def test_every_video_and_song_is_restored_with_its_file(restored):
    media = list(Media.objects.order_by("pk").values_list("pk", "title", "file"))
    assert media
    assert query(restored.database_url, "SELECT id, title, file FROM wagtailmedia_media ORDER BY id") == media
    assert [name for _, _, name in media if not same_file(name, restored.media_root)] == []


@pytest.mark.parametrize(
    ("model", "columns"),
    [
        (DailyCount, ("site_id", "day", "views", "visitors")),
        (PageDailyCount, ("page_id", "day", "views")),
        (FileDownload, ("document_id", "count")),
    ],
    ids=["site visits per day", "page views per day", "downloads"],
)
def test_every_counter_is_restored(restored, model, columns):
    counters = [tuple(map(normal, row)) for row in model.objects.order_by(*columns[:2]).values_list(*columns)]
    assert counters, f"no {model._meta.verbose_name_plural} to compare"
    sql = f"SELECT {', '.join(columns)} FROM {model._meta.db_table} ORDER BY {', '.join(columns[:2])}"  # noqa: S608
    assert query(restored.database_url, sql) == counters


def test_the_restore_says_what_it_restored_and_that_the_counts_match(restored):
    pages, documents = Page.objects.count(), Document.objects.count()
    assert f"Restored {pages} pages" in restored.output
    assert f"{documents} documents" in restored.output
    assert "tables have the backup's row counts" in restored.output


def test_renditions_are_left_out_and_made_again(restored):
    """Their files are not backed up, so their rows go too: Wagtail makes each again when it is first shown."""
    assert Rendition.objects.exists(), "the demo made no renditions: nothing to check"
    manifest = json.loads((restored.backup / "manifest.json").read_text())
    assert not [name for name in manifest["files"] if name.startswith("media/images/")]
    assert query(restored.database_url, "SELECT COUNT(*) FROM wagtailimages_rendition") == [(0,)]


def damage(folder: Path, name: str):
    path = folder / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("part", ["database", "document"])
def test_a_damaged_backup_is_refused_before_anything_is_restored(restored, part):
    damaged = restored.workdir / f"damaged-{part}"
    shutil.copytree(restored.backup, damaged)
    manifest = json.loads((damaged / "manifest.json").read_text())
    database = next(name for name in manifest["files"] if name.startswith("database."))
    name = database if part == "database" else next(n for n in manifest["files"] if n.startswith("media/documents/"))
    damage(damaged, name)
    database_url, drop_database = scratch_database(restored.workdir, f"portal_damaged_{part}")
    try:
        done = restore(damaged, database_url, restored.workdir / f"media-damaged-{part}")
        assert done.returncode != 0
        assert f"{name}: changed since the backup" in done.stderr
        assert table_names(database_url) == []
        assert not (restored.workdir / f"media-damaged-{part}").exists()
    finally:
        drop_database()


def test_a_restore_that_does_not_reach_the_backups_counts_fails_loudly(restored):
    changed = restored.workdir / "changed-counts"
    shutil.copytree(restored.backup, changed)
    manifest = json.loads((changed / "manifest.json").read_text())
    pages = manifest["tables"]["wagtailcore.page"]
    manifest["tables"]["wagtailcore.page"] = pages + 1
    (changed / "manifest.json").write_text(json.dumps(manifest))
    database_url, drop_database = scratch_database(restored.workdir, "portal_counts")
    try:
        done = restore(changed, database_url, restored.workdir / "media-counts")
        assert done.returncode != 0
        assert f"wagtailcore.page: {pages + 1} in the backup, {pages} restored" in done.stderr
    finally:
        drop_database()


def test_a_database_or_media_folder_that_is_not_empty_is_refused(restored):
    done = restore(restored.backup, restored.database_url, restored.media_root)
    assert done.returncode != 0
    assert "The database " in done.stderr
    assert "(MEDIA_ROOT) is not empty" in done.stderr


def test_a_backup_goes_into_a_new_folder(restored):
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", restored.backup, stdout=StringIO())


def test_force_replaces_a_portal_with_the_backup(restored):
    """Run last: the restored database is replaced by the same backup again."""
    query_pages = "SELECT COUNT(*) FROM wagtailcore_page"
    done = restore(restored.backup, restored.database_url, restored.media_root, "--force")
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    assert query(restored.database_url, query_pages) == [(Page.objects.count(),)]
