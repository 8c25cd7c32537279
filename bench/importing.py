"""Content import benchmark: `manage.py import_content` with N generated news records, then again (nothing changed).

Usage: python -m bench.importing [--records 10000] [--sample 200] [--postgres] [--keep]

For each store (SQLite; also PostgreSQL at postgres://postgres@127.0.0.1:5432 with --postgres, in a database
portal_bench_import made and dropped by the run) a child process builds a throwaway portal (migrations and the demo,
`manage.py load_demo`), writes a JSON Lines file of N news records in a temporary folder and imports it:

- the records: a title, lead, body of 3–6 paragraphs of old-portal HTML (bold, links, lists, spans with inline
  styles, now and then a script or an iframe for the sanitiser to remove), a date between 2010 and 2024, one or two of
  twelve categories (six the demo has, six created by the import), one to three of 200 keywords, and for every fifth
  record a feature image of its own (a small JPEG: N/5 images in all);
- the first import, timed as a whole (with the search indexes written in bulk at the end of each batch), and
  per 1,000 records;
- the second import of the same file: every record skipped;
- two comparisons on a sample of --sample records, timed per record and extrapolated to N (so, estimates):
  the importer with the per-page indexing left on (what deferring it saves), and the same articles made as the
  demo makes its pages (images saved one by one, then `demo.tree.publish`: an editor's save, revision and
  publish, indexed page by page as it is published), from the same values (the body converted by the importer's
  sanitiser, categories looked up, no checks of the file or the record) — the way a migration script written
  without the importer would work.

Each store needs its own database, and Django configures its connection once: one process per store.
"""

import argparse
import contextlib
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "portal_bench_import"
CATEGORIES = [
    "Tin tức – Sự kiện",  # the demo's
    "Cải cách hành chính",
    "Học tập và làm theo lời Bác",
    "Kinh tế",
    "Văn hóa – Xã hội",
    "kinh-te",  # by slug
    "Nông nghiệp – Nông thôn",  # created by the import
    "Giáo dục – Đào tạo",
    "Y tế",
    "Quốc phòng – An ninh",
    "Thể dục – Thể thao",
    "Xây dựng nông thôn mới",
]
COMMUNES = ["Thống Kênh", "Đức Xương", "Gia Khánh", "Gia Tân", "Gia Lương", "Đồng Quang", "Toàn Thắng", "Hồng Hưng"]
SUBJECTS = [
    "tổ chức hội nghị sơ kết công tác {topic}",
    "ra quân thực hiện {topic}",
    "kiểm tra tiến độ {topic}",
    "tập huấn nghiệp vụ {topic}",
    "biểu dương điển hình tiên tiến trong {topic}",
]
TOPICS = [
    "cải cách hành chính",
    "xây dựng nông thôn mới",
    "phòng chống thiên tai",
    "chuyển đổi số",
    "bảo vệ môi trường",
    "an toàn thực phẩm",
    "tiêm chủng mở rộng",
    "sản xuất vụ đông",
]
PARAGRAPHS = [
    "<p>Sáng nay, tại hội trường UBND xã {commune}, <b>Ủy ban nhân dân huyện</b> đã {subject}.</p>",
    '<p style="text-align:justify"><span style="font-family:Arial">Theo báo cáo, năm {year} toàn huyện đã hoàn '
    "thành {n}% kế hoạch đề ra.</span></p>",
    "<ul><li>Tuyên truyền sâu rộng trong nhân dân;</li><li>Phân công cán bộ phụ trách từng thôn;</li>"
    "<li>Báo cáo kết quả trước ngày {day}/{month}.</li></ul>",
    '<p>Xem thêm tại <a href="https://gialoc.old.example/van-ban/{n}.html" target="_blank">văn bản hướng dẫn</a>.</p>',
    "<div>Phát biểu tại hội nghị, đồng chí Chủ tịch UBND huyện <i>đề nghị</i> các xã tiếp tục {subject}.<br>"
    "Các phòng chuyên môn phối hợp chặt chẽ.</div>",
    "<p>&nbsp;</p><p>Hội nghị đã trao giấy khen cho {n} tập thể và cá nhân.</p>",
    '<p onclick="track()">Tin, ảnh: Phòng Văn hóa và Thông tin huyện.</p><script>var views = {n};</script>',
    "<h3>Một số kết quả nổi bật</h3><p>Tỷ lệ hồ sơ giải quyết đúng hạn đạt 9{day},{month}%.</p>"
    '<iframe src="https://ads.example/"></iframe>',
]


def answers(url: str) -> bool:
    try:
        subprocess.run(["psql", f"{url}/postgres", "-qAtc", "SELECT 1"], check=True, capture_output=True)
        return True
    except (OSError, subprocess.CalledProcessError):
        return False


def psql(command: str, check=True):
    subprocess.run(["psql", f"{POSTGRES}/postgres", "-qc", command], check=check, capture_output=True)


def environment(store: str, workdir: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir),
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
    }
    env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}" if store == "sqlite" else f"{POSTGRES}/{DATABASE}"
    return env


def run_store(store: str, args):
    workdir = Path(tempfile.mkdtemp(prefix=f"portal-bench-import-{store}-"))
    if store == "postgresql":
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        psql(f"CREATE DATABASE {DATABASE}")
    try:
        command = [sys.executable, "-m", "bench.importing", "--run", store, "--records", str(args.records)]
        command += ["--sample", str(args.sample), "--workdir", str(workdir)]
        subprocess.run(command, cwd=ROOT, env=environment(store, workdir), check=True)
    finally:
        if args.keep:
            print(f"Kept: {workdir}" + (f" and {POSTGRES}/{DATABASE}" if store == "postgresql" else ""))
        else:
            if store == "postgresql":
                psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", check=False)
            shutil.rmtree(workdir, ignore_errors=True)


# The import file ---------------------------------------------------------------------------------------------------


def jpeg(rng) -> bytes:
    from io import BytesIO

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (64, 48), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    draw.rectangle([rng.randrange(30), rng.randrange(20), 40 + rng.randrange(24), 30 + rng.randrange(18)], fill="white")
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=60)
    return buffer.getvalue()


def generate(folder: Path, count: int, prefix="tin", seed=7) -> Path:
    rng = random.Random(seed)
    (folder / "anh").mkdir(exist_ok=True)
    tags = [f"{topic} {year}" for topic in TOPICS for year in range(2000, 2025)]
    first, last = datetime.date(2010, 1, 1).toordinal(), datetime.date(2024, 12, 31).toordinal()
    path = folder / f"{prefix}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            day = datetime.date.fromordinal(rng.randint(first, last))
            commune, topic = rng.choice(COMMUNES), rng.choice(TOPICS)
            subject = rng.choice(SUBJECTS).format(topic=topic)
            values = {"commune": commune, "subject": subject, "year": day.year, "n": rng.randint(10, 99)}
            values.update(day=day.day, month=day.month)
            body = "".join(paragraph.format(**values) for paragraph in rng.sample(PARAGRAPHS, rng.randint(3, 6)))
            record = {
                "type": "news",
                "id": f"{prefix}-{number}",
                "source_url": f"https://gialoc.old.example/tin-tuc/{prefix}-{number}.html",
                "title": f"Xã {commune} {subject} năm {day.year} ({number})",
                "lead": f"Ngày {day:%d/%m/%Y}, xã {commune} {subject}.",
                "body": body,
                "date": f"{day.isoformat()}T{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}",
                "byline": rng.choice(["Minh Anh", "Thu Hà", "Văn Nam", ""]),
                "source": rng.choice(["Phòng Văn hóa và Thông tin", "Đài Truyền thanh huyện", ""]),
                "categories": rng.sample(CATEGORIES, rng.choice([1, 1, 2])),
                "tags": rng.sample(tags, rng.randint(1, 3)),
                "featured": rng.random() < 0.02,
            }
            if number % 5 == 0:
                name = f"anh/{prefix}-{number}.jpg"
                (folder / name).write_bytes(jpeg(rng))
                record["feature_image"] = name
                record["feature_image_caption"] = f"Quang cảnh tại xã {commune}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# Measuring ---------------------------------------------------------------------------------------------------------


def seconds(started: float) -> float:
    return time.perf_counter() - started


def timed_importer(path: Path):
    """An importer that notes the time of every 1,000th line (``importer.marks``)."""
    from importer.run import Importer

    class TimedImporter(Importer):
        def import_line(self, number, raw):
            if number == 1:
                self.marks = [time.perf_counter()]
            super().import_line(number, raw)
            if number % 1000 == 0:
                self.marks.append(time.perf_counter())

    return TimedImporter(path)


def import_file(path: Path, deferred=True):
    """The importer's summary; with ``deferred=False`` the per-page indexing stays on (for the comparison)."""
    from importer import run as importer_run

    if deferred:
        return importer_run.Importer(path).run()
    original = importer_run.deferred_indexing
    importer_run.deferred_indexing = contextlib.nullcontext
    try:
        importer = importer_run.Importer(path)
        importer.flush_index = lambda: None
        return importer.run()
    finally:
        importer_run.deferred_indexing = original


def demo_publish(path: Path) -> int:
    """The records made into pages the way the demo makes its pages: images saved as the demo saves them, each page
    added and published through a revision (``demo.tree.publish``), indexed page by page as it is published."""
    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    from importer.html import body_blocks
    from importer.values import parse_datetime
    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
    from portal.tree import publish

    index = NewsIndexPage.objects.get()
    categories = {category.name: category for category in NewsCategory.objects.all()}
    categories.update({category.slug: category for category in NewsCategory.objects.all()})
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        published_at = parse_datetime(record["date"])
        image = None
        if record.get("feature_image"):
            with (path.parent / record["feature_image"]).open("rb") as handle:
                image = get_image_model()(title=record["feature_image_caption"])
                image.file = ImageFile(handle, name=Path(record["feature_image"]).name)
                image.save()
        chosen = [categories[name] for name in record["categories"]]
        article = NewsArticlePage(
            title=record["title"],
            slug=record["id"],
            lead=record["lead"],
            body=body_blocks(record["body"]),
            feature_image=image,
            feature_image_caption=record.get("feature_image_caption", ""),
            byline=record["byline"],
            source=record["source"],
            display_date=published_at,
            primary_category=chosen[0],
            featured=record["featured"],
        )
        article.categories = chosen
        article.tags.set(record["tags"])
        publish(index, article, published_at)
        count += 1
    return count


def child(store: str, records: int, sample: int, workdir: Path):
    import django

    started = time.perf_counter()
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from wagtail.images import get_image_model

    from importer.indexing import quiet_wagtail_log
    from news.models import NewsArticlePage, NewsCategory
    from search.models import SearchDocument

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    setup = seconds(started)
    started = time.perf_counter()
    path = generate(workdir, records)
    generated = seconds(started)
    articles, images = NewsArticlePage.objects.live().count(), get_image_model().objects.count()

    timed = timed_importer(path)
    first = timed.run()
    blocks = [later - earlier for earlier, later in zip(timed.marks, timed.marks[1:], strict=False)]
    second = import_file(path)
    assert first.failures == [] and first.total("created") == records, first.failures[:5]
    assert second.total("skipped") == records and second.total("created") == 0
    imported = NewsArticlePage.objects.live().count() - articles
    stored = get_image_model().objects.count() - images
    indexed = SearchDocument.objects.filter(page__in=NewsArticlePage.objects.all()).count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM wagtailsearch_indexentry")
        admin_index = cursor.fetchone()[0]

    sample_path = generate(workdir, sample, prefix="mau", seed=8)
    started = time.perf_counter()
    per_page = import_file(sample_path, deferred=False)
    per_page_seconds = seconds(started)
    assert per_page.total("created") == sample
    demo_path = generate(workdir, sample, prefix="demo", seed=9)
    for name in CATEGORIES:  # the categories the import created, which the demo's way expects to exist
        assert NewsCategory.objects.filter(name=name).exists() or NewsCategory.objects.filter(slug=name).exists()
    started = time.perf_counter()
    with quiet_wagtail_log():  # as during the import: Wagtail's INFO line per edit and publication left out
        demo_publish(demo_path)
    demo_seconds = seconds(started)

    rows = [
        (f"first import (created {first.total('created'):,})", first.seconds),
        (f"second import, same file (skipped {second.total('skipped'):,})", second.seconds),
        (f"importer, per-page indexing on (sample {sample}, extrapolated)", per_page_seconds / sample * records),
        (f"demo publish() page by page (sample {sample}, extrapolated)", demo_seconds / sample * records),
    ]
    print(f"\n== {store}: {records:,} news records ({records // 5:,} with an image of their own) ==")
    print(f"migrations and demo: {setup:.0f} s; file generated in {generated:.1f} s")
    print(f"{'run':62} {'seconds':>9} {'s / 1,000':>10}")
    for label, total in rows:
        print(f"{label:62} {total:9.1f} {total / records * 1000:10.2f}")
    if blocks:
        print("each 1,000 records of the first import, in order (s):", " ".join(f"{block:.0f}" for block in blocks))
    print(
        f"checks: {imported:,} live articles added, {stored:,} images stored, "
        f"{indexed:,} public search rows for news, {admin_index} admin search entries in all"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL at 127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true", help="keep the last database and media folder")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        child(args.run, args.records, args.sample, Path(args.workdir))
        return
    stores = ["sqlite"]
    if args.postgres:
        if not answers(POSTGRES):
            sys.exit(f"PostgreSQL does not answer at {POSTGRES}")
        stores.append("postgresql")
    for store in stores:
        started = time.perf_counter()
        run_store(store, args)
        print(f"({store}: the whole run took {seconds(started):.0f} s)")


if __name__ == "__main__":
    main()
