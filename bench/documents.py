"""Legal-document library benchmark: the listing, its filters and keyword search, and a document page, at any size.

Usage: python -m bench.documents [--documents 1000 50000] [--rounds 10] [--stores sqlite postgresql]
       [--explain-over MS] [--pg-options "-c jit=off"] [--sqlite-analyze] [--keep]

For each store (SQLite; PostgreSQL too when postgres://postgres@127.0.0.1:5432 answers, in a database
portal_bench_documents made and dropped by the run) and each size it builds a throwaway portal: migrations, the demo
(`manage.py load_demo`), then N published legal documents inserted in bulk with their tree paths, spread over the
library's five collections, with types, issuers, fields, issue dates from 2000 to 2025, a file each (one shared
PDF), ~5 % of them replacing or amending an earlier one; then their rows of the public search index, written by the
indexer's bulk path (`search.indexer.write_new`). Every request is then rendered with Django's test client (DEBUG
off, no network, no server): the median of N renders after 2 warm-up renders, taken in rounds of one render of each
request (so that a busy moment of the machine touches them all alike); its ratio to /healthz/live (one query, measured
in blocks of its own before and after) in the same run; and the number of SQL queries of one render. For each
request slower than --explain-over ms, the plan of its slowest SQL statement is printed (EXPLAIN QUERY PLAN on
SQLite, EXPLAIN ANALYZE on PostgreSQL).

--pg-options passes session settings to PostgreSQL (through PGOPTIONS); --sqlite-analyze runs ANALYZE on SQLite
before measuring (the portal never does); --keep keeps the last database for inspection.

Each store and size needs its own database, and Django configures its connection once: one process per run.
"""

import argparse
import datetime
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "portal_bench_documents"

# (name, slug, symbol in numbers, weight)
TYPES = [
    ("Quyết định", "quyet-dinh", "QĐ", 40),
    ("Công văn", "cong-van", "", 20),
    ("Kế hoạch", "ke-hoach", "KH", 10),
    ("Thông báo", "thong-bao", "TB", 8),
    ("Báo cáo", "bao-cao", "BC", 8),
    ("Nghị quyết", "nghi-quyet", "NQ", 6),
    ("Chỉ thị", "chi-thi", "CT", 4),
    ("Tờ trình", "to-trinh", "TTr", 4),
]
# (name, slug, symbol in numbers, weight, collection kinds it publishes in)
ISSUERS = [
    ("UBND huyện Gia Lộc", "ubnd-huyen-gia-loc", "UBND", 50, ("district", "normative")),
    ("HĐND huyện Gia Lộc", "hdnd-huyen-gia-loc", "HĐND", 12, ("council", "normative")),
    ("UBND tỉnh Hải Dương", "ubnd-tinh-hai-duong", "UBND", 20, ("province", "gazette", "normative")),
    ("HĐND tỉnh Hải Dương", "hdnd-tinh-hai-duong", "HĐND", 6, ("province", "gazette")),
    ("Văn phòng HĐND và UBND huyện", "van-phong-hdnd-ubnd-huyen", "VP", 8, ("district",)),
    ("Phòng Tài nguyên và Môi trường", "phong-tai-nguyen-moi-truong", "TNMT", 4, ("district",)),
]
FIELDS = [
    ("Đất đai", "dat-dai"),
    ("Giáo dục – Đào tạo", "giao-duc-dao-tao"),
    ("Y tế", "y-te"),
    ("Tổ chức – Cán bộ", "to-chuc-can-bo"),
    ("Tài chính – Ngân sách", "tai-chinh-ngan-sach"),
    ("Xây dựng – Giao thông", "xay-dung-giao-thong"),
    ("Nông nghiệp", "nong-nghiep"),
    ("Văn hóa – Xã hội", "van-hoa-xa-hoi"),
    ("Cải cách hành chính", "cai-cach-hanh-chinh"),
    ("Quốc phòng – An ninh", "quoc-phong-an-ninh"),
]
# (collection kind, share of documents)
SPREAD = [("district", 40), ("province", 20), ("normative", 15), ("council", 15), ("gazette", 10)]
COLLECTION_TITLES = {
    "district": ("Văn bản của huyện", "van-ban-cua-huyen"),
    "province": ("Văn bản của tỉnh", "van-ban-cua-tinh"),
    "normative": ("Văn bản quy phạm pháp luật", "van-ban-quy-pham-phap-luat"),
    "council": ("Tài liệu họp HĐND", "tai-lieu-hop-hdnd"),
    "gazette": ("Công báo tỉnh", "cong-bao-tinh"),
}
SUBJECTS = [
    "phê duyệt kế hoạch sử dụng đất năm {year} của huyện Gia Lộc",
    "thu hồi đất để thực hiện dự án đường trục xã {commune}",
    "giao chỉ tiêu phát triển kinh tế – xã hội năm {year}",
    "ban hành quy chế làm việc của Ủy ban nhân dân huyện",
    "thành lập Ban chỉ đạo cải cách hành chính huyện năm {year}",
    "kiện toàn Hội đồng thi đua – khen thưởng huyện",
    "tăng cường công tác phòng cháy, chữa cháy trên địa bàn huyện",
    "tổ chức kỳ thi tuyển viên chức giáo dục năm {year}",
    "phân bổ dự toán ngân sách xã {commune} năm {year}",
    "triển khai tiêm chủng mở rộng tại trạm y tế xã {commune}",
    "công nhận xã {commune} đạt chuẩn nông thôn mới",
    "phê duyệt quy hoạch chi tiết cụm công nghiệp {commune}",
    "khen thưởng các tập thể, cá nhân có thành tích trong phong trào thi đua năm {year}",
    "chuyển đổi cơ cấu cây trồng vụ đông năm {year}",
    "đảm bảo an toàn giao thông dịp Tết Nguyên đán",
    "bổ nhiệm cán bộ lãnh đạo phòng chuyên môn thuộc Ủy ban nhân dân huyện",
]
RARE_SUBJECT = "cấp giấy phép kinh doanh dịch vụ karaoke tại xã {commune}"  # ~0.2 % of the documents
COMMUNES = ["Thống Kênh", "Đức Xương", "Gia Khánh", "Gia Tân", "Gia Lương", "Đồng Quang", "Toàn Thắng", "Hồng Hưng"]
SIGNERS = [("Nguyễn Văn Hùng", "Chủ tịch"), ("Trần Thị Lan", "Phó Chủ tịch"), ("Phạm Đức Minh", "Phó Chủ tịch")]
# (relation kind, weight) for the ~5 % of documents that act on an earlier one
RELATION_KINDS = [("replaces", 45), ("amends", 35), ("partly_repeals", 5), ("guides", 10), ("based_on", 5)]


def answers(url: str) -> bool:
    try:
        subprocess.run(["psql", f"{url}/postgres", "-qAtc", "SELECT 1"], check=True, capture_output=True)
        return True
    except (OSError, subprocess.CalledProcessError):
        return False


def psql(command: str, check=True):
    subprocess.run(["psql", f"{POSTGRES}/postgres", "-qc", command], check=check, capture_output=True)


def environment(store: str, workdir: Path, pg_options: str = "") -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir),
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
    }
    if store == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    else:
        env["DATABASE_URL"] = f"{POSTGRES}/{DATABASE}"
        if pg_options:
            env["PGOPTIONS"] = pg_options  # read by libpq for every connection, e.g. "-c jit=off"
    return env


def run_store(store: str, size: int, args):
    """A fresh database for one store and size, filled and measured by a child process with its settings."""
    workdir = Path(tempfile.mkdtemp(prefix=f"portal-bench-documents-{size}-"))
    if store == "postgresql":
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        psql(f"CREATE DATABASE {DATABASE}")
    try:
        command = [sys.executable, "-m", "bench.documents", "--run", str(size), "--store", store]
        command += ["--rounds", str(args.rounds), "--explain-over", str(args.explain_over)]
        command += ["--sqlite-analyze"] if args.sqlite_analyze else []
        subprocess.run(command, cwd=ROOT, env=environment(store, workdir, args.pg_options), check=True)
    finally:
        if args.keep:
            kept = workdir / "bench.sqlite3" if store == "sqlite" else f"{POSTGRES}/{DATABASE}"
            print(f"Kept for inspection: {kept} (media in {workdir / 'media'})")
        else:
            if store == "postgresql":
                psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", check=False)
            shutil.rmtree(workdir, ignore_errors=True)


# Building the portal ---------------------------------------------------------------------------------------------


def weighted(rng, items, weight_index):
    return rng.choices(items, weights=[item[weight_index] for item in items])[0]


def vocabulary(model, entries):
    """The entries by slug: the demo's where it has them (by slug or by name), the missing ones created."""
    found = {}
    for order, (name, slug, *_rest) in enumerate(entries):
        item = model.objects.filter(slug=slug).first() or model.objects.filter(name=name).first()
        found[slug] = item or model.objects.create(name=name, slug=slug, sort_order=order)
    return found


def library_and_collections():
    """The demo's library (/van-ban/) and one collection of each kind; what the demo lacks is added."""
    from documents.models import DocumentCollectionPage, DocumentLibraryPage
    from home.models import HomePage

    library = DocumentLibraryPage.objects.first()
    if library is None:
        library = DocumentLibraryPage(title="Hệ thống văn bản", slug="van-ban")
        HomePage.objects.get().add_child(instance=library)
        library.save_revision().publish()
    collections = {}
    for kind, _share in SPREAD:
        page = DocumentCollectionPage.objects.child_of(library).filter(kind=kind).order_by("path").first()
        if page is None:
            title, slug = COLLECTION_TITLES[kind]
            page = DocumentCollectionPage(title=title, slug=slug, kind=kind)
            library.add_child(instance=page)
            page.save_revision().publish()
        collections[kind] = page
    return library, collections


def shared_file():
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Van ban dung chung cho phep do")
    content = bytes(pdf.output())
    document = get_document_model()(title="Văn bản (tệp dùng chung của phép đo)", file_size=len(content))
    document.file.save("bench-van-ban.pdf", ContentFile(content), save=False)
    document.save()
    return document


def generate(count: int, seed: int = 11, first: int = 0, shelves=None, file=None) -> dict:
    """Published documents inserted in bulk (pages, their table rows, files, fields, relations), numbered from
    ``first`` (slugs ``vb-N``); returns what the requests need: the library, the collections, the vocabularies and
    the new documents' ids. ``shelves`` = (library, {kind of SPREAD: collection page}) puts them on another
    portal's shelves (several kinds may share one); ``file`` is the document every one of them links to (a new PDF
    when not given)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F

    from wagtail.models import Locale, Page

    from bench.building import insert_pages, next_steps, page_fields
    from documents.models import (
        DocumentRelation,
        DocumentType,
        Issuer,
        LegalDocumentFile,
        LegalDocumentPage,
        LegalField,
    )

    rng = random.Random(seed)
    library, collections = shelves or library_and_collections()
    types = vocabulary(DocumentType, TYPES)
    issuers = vocabulary(Issuer, ISSUERS)
    fields = vocabulary(LegalField, FIELDS)
    document = file or shared_file()
    content_type = ContentType.objects.get_for_model(LegalDocumentPage)
    locale = Locale.objects.first()
    field_through = LegalDocumentPage._meta.get_field("fields").remote_field.through

    kinds = rng.choices([kind for kind, _ in SPREAD], weights=[share for _, share in SPREAD], k=count)
    parents = {page.pk: page for page in collections.values()}
    per_parent = {pk: sum(kinds.count(kind) for kind, _ in SPREAD if collections[kind].pk == pk) for pk in parents}
    paths = {pk: iter(next_steps(parents[pk], per_parent[pk])) for pk in parents}
    first_day = datetime.date(2000, 1, 1).toordinal()
    last_day = datetime.date(2025, 12, 31).toordinal()
    numbers: dict[tuple, int] = {}
    created = []  # (pk, issued_on)
    for offset in range(0, count, 2000):
        documents = []
        for position in range(offset, min(count, offset + 2000)):
            kind = kinds[position]
            issuer_entry = rng.choice([entry for entry in ISSUERS if kind in entry[4]])
            # Council meetings publish resolutions, submissions and reports.
            type_entry = rng.choice([TYPES[5], TYPES[7], TYPES[4]]) if kind == "council" else weighted(rng, TYPES, 3)
            issued = datetime.date.fromordinal(rng.randint(first_day, last_day))
            # Numbers restart every year for each issuer and type, as they do in practice.
            key = (issued.year, issuer_entry[1], type_entry[1])
            numbers[key] = numbers.get(key, 0) + 1
            symbol = f"{issuer_entry[2]}-{rng.choice(['NV', 'TNMT', 'TCKH', 'VP'])}"
            if type_entry[2]:
                symbol = f"{type_entry[2]}-{issuer_entry[2]}"
            number = f"{numbers[key]}/{issued.year}/{symbol}" if kind == "normative" else f"{numbers[key]}/{symbol}"
            subject = RARE_SUBJECT if rng.random() < 0.002 else rng.choice(SUBJECTS)
            title = "Về việc " + subject.format(year=issued.year, commune=rng.choice(COMMUNES))
            signer, signer_title = rng.choice(SIGNERS)
            published = datetime.datetime.combine(issued, datetime.time(9), tzinfo=datetime.UTC)
            parent = collections[kind]
            slug = f"vb-{first + position}"
            expires = issued + datetime.timedelta(days=rng.randint(365, 5 * 365)) if rng.random() < 0.05 else None
            documents.append(
                LegalDocumentPage(
                    **page_fields(parent, next(paths[parent.pk]), slug, content_type, locale, title, published),
                    number=number,
                    document_type=types[type_entry[1]],
                    issuer=issuers[issuer_entry[1]],
                    signer=signer,
                    signer_title=signer_title,
                    issued_on=issued,
                    effective_on=issued + datetime.timedelta(days=rng.randint(0, 45)) if rng.random() < 0.5 else None,
                    expires_on=expires,
                    status_override="expired" if rng.random() < 0.01 else "",
                    council_session=(
                        f"Kỳ họp thứ {rng.randint(1, 12)}, HĐND huyện khóa {rng.choice(['XIX', 'XX'])}"
                        if kind == "council"
                        else ""
                    ),
                )
            )
        with transaction.atomic():
            insert_pages(LegalDocumentPage, documents)
            LegalDocumentFile.objects.bulk_create(
                [LegalDocumentFile(page_id=doc.pk, document=document, sort_order=0) for doc in documents]
            )
            field_rows = []
            for doc in documents:
                for field in rng.sample(list(fields.values()), rng.choice([1, 1, 2])):
                    field_rows.append(field_through(legaldocumentpage_id=doc.pk, legalfield_id=field.pk))
            field_through.objects.bulk_create(field_rows)
        created += [(doc.pk, doc.issued_on) for doc in documents]
    relations = []
    for pk, issued in created:
        if rng.random() < 0.05:
            for _ in range(5):  # an earlier document to act on
                target, target_issued = rng.choice(created)
                if target_issued < issued:
                    kind = weighted(rng, RELATION_KINDS, 1)[0]
                    relations.append(DocumentRelation(page_id=pk, target_id=target, kind=kind, sort_order=0))
                    break
    DocumentRelation.objects.bulk_create(relations, batch_size=2000)
    for pk, added in per_parent.items():
        Page.objects.filter(pk=pk).update(numchild=F("numchild") + added)
    return {
        "library": library,
        "collections": collections,
        "types": types,
        "issuers": issuers,
        "fields": fields,
        "ids": [pk for pk, _ in created],
        "relations": relations,
    }


def index(ids) -> int:
    """The documents' rows of the public search index, through the indexer's bulk path."""
    from bench.building import index_pages
    from documents.models import LegalDocumentPage

    queryset = LegalDocumentPage.objects.select_related("document_type", "issuer").prefetch_related("files__document")
    return index_pages(queryset, ids)


# Measuring -------------------------------------------------------------------------------------------------------


def requests(built: dict) -> list[tuple[str, str]]:
    """(label, url) of every request measured."""
    from documents.enums import STATUS_SLUGS, LegalStatus
    from documents.models import LISTING_PAGE_SIZE, DocumentRelation, LegalDocumentPage

    library, collections = built["library"], built["collections"]
    base = library.url
    total = LegalDocumentPage.objects.for_listing().descendant_of(library).count()
    deep = max(1, -(-total // LISTING_PAGE_SIZE) - 1)
    types, issuers, fields = built["types"], built["issuers"], built["fields"]
    expired, in_force = STATUS_SLUGS[LegalStatus.EXPIRED], STATUS_SLUGS[LegalStatus.IN_FORCE]
    # A generated document acted on by another and, if there is one, acting on another itself: relations both ways.
    targets = [relation.target_id for relation in built["relations"]]
    both = DocumentRelation.objects.filter(page__in=targets).values_list("page", flat=True).first()
    document = LegalDocumentPage.objects.get(pk=both or (targets or built["ids"])[0])

    def listing(**params):
        return f"{base}?{urlencode(params)}" if params else base

    return [
        ("`/healthz/live` (baseline: one query)", "/healthz/live"),
        ("listing, page 1", listing()),
        (f"listing, page {deep} (near the end)", listing(page=deep)),
        ("collection alone (`danh_muc`, the largest)", listing(danh_muc=collections["district"].slug)),
        ("type alone (`loai=quyet-dinh`)", listing(loai=types["quyet-dinh"].slug)),
        ("issuer alone (`co_quan`, UBND huyện)", listing(co_quan=issuers["ubnd-huyen-gia-loc"].slug)),
        ("field alone (`linh_vuc=dat-dai`)", listing(linh_vuc=fields["dat-dai"].slug)),
        ("year alone (`nam=2015`)", listing(nam=2015)),
        (f"status alone (`tinh_trang={expired}`)", listing(tinh_trang=expired)),
        (f"status alone (`tinh_trang={in_force}`)", listing(tinh_trang=in_force)),
        ("keyword, a number (`q=12/QĐ-UBND`)", listing(q="12/QĐ-UBND")),
        ("keyword, a common word (`q=huyện`)", listing(q="huyện")),
        ("keyword, a rare word (`q=karaoke`)", listing(q="karaoke")),
        (
            "type + year + status + keyword (`đất`)",
            listing(loai=types["quyet-dinh"].slug, nam=2015, tinh_trang=in_force, q="đất"),
        ),
        ("collection page (`van-ban-cua-huyen/`), page 1", collections["district"].url),
        ("document page (files, relations both ways)", document.url),
    ]


COUNT = re.compile(rb'class="listing__count"[^>]*>\s*([\d.,\s]+)')


def found(content: bytes) -> str:
    match = COUNT.search(content)
    if match:
        return f"{int(re.sub(rb'[^0-9]', b'', match.group(1))):,}"
    return "0" if b"listing__empty" in content else ""


def slowest(queries) -> tuple[float, str]:
    """The statement among ``queries`` that takes longest when run again with all its rows fetched (SQLite does
    most of its work while rows are fetched, after the time Django records), and its time in ms."""
    from django.db import connection

    timed = []
    with connection.cursor() as cursor:
        for query in queries:
            started = time.perf_counter()
            cursor.execute(query["sql"])
            cursor.fetchall()
            timed.append(((time.perf_counter() - started) * 1000, query["sql"]))
    return max(timed)


def explain(sql: str) -> str:
    from django.db import connection

    prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return "\n".join(row[0] for row in rows)
    return "\n".join(f"{row[1]:>4} {row[3]}" for row in rows)  # id, parent, notused, detail


def shorten(sql: str, keep=400) -> str:
    return sql if len(sql) <= 2 * keep else f"{sql[:keep]} … {sql[-keep:]}"


def measure(built: dict, rounds: int, explain_over: float):
    """Each request's median time over ``rounds`` rounds, one render of every request per round (so that a busy
    moment of the machine touches all of them alike), its query count, and the plans of the slow ones. The first
    request is the baseline."""
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    measured = requests(built)
    queries, counts, timings = {}, {}, {url: [] for _label, url in measured}
    for _label, url in measured:
        cache.clear()
        for _ in range(2):  # warm caches and per-process lookups
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries[url] = captured.captured_queries  # read now: reset_queries() below empties the log
        counts[url] = found(response.content)

    def render(url):
        started = time.perf_counter()
        client.get(url)
        timings[url].append(time.perf_counter() - started)
        reset_queries()

    # The baseline alone, in a block of its own before and after the others (as bench/__main__.py measures it):
    # interleaved with renders of 100 ms it would measure the garbage they leave rather than the floor.
    baseline, others = measured[0][1], [url for _label, url in measured[1:]]
    for _ in range(max(rounds, 25)):
        render(baseline)
    for _ in range(rounds):
        for url in others:
            render(url)
    for _ in range(max(rounds, 25)):
        render(baseline)
    results, plans = [], []
    for label, url in measured:
        median = statistics.median(timings[url])
        results.append((label, url, median, len(queries[url]), counts[url]))
        if median * 1000 > explain_over and url != "/healthz/live":
            took, sql = slowest(queries[url])
            plans.append((label, took, sql, explain(sql)))
    return results, plans


def run(size: int, store: str, rounds: int, explain_over: float, analyze: bool):
    import logging

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per page created and published
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    prepared = time.perf_counter() - started
    started = time.perf_counter()
    built = generate(size)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    indexed = index(built["ids"])
    indexing = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does soon after a bulk load
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
        if os.environ.get("PGOPTIONS"):
            version += f", PGOPTIONS={os.environ['PGOPTIONS']}"
    else:
        import sqlite3

        version = f"SQLite {sqlite3.sqlite_version}"
        if analyze:  # the portal never runs it; without statistics SQLite guesses every table's size
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            version += ", after ANALYZE"
    print(
        f"\n{size:,} documents on {version}: migrations and demo {prepared:.0f} s; documents generated in "
        f"{generated:.1f} s ({len(built['relations']):,} relations); {indexed:,} search rows written in "
        f"{indexing:.1f} s",
        flush=True,
    )
    results, plans = measure(built, rounds, explain_over)
    baseline = results[0][2]
    print(f"\n{size:,} documents, {version}, median of {rounds} renders\n")
    print("| request | median ms | × healthz | queries | documents found |")
    print("|---|---:|---:|---:|---:|")
    for label, _url, median, queries, count in results:
        print(f"| {label} | {median * 1000:.2f} | {median / baseline:.1f} | {queries} | {count} |")
    for label, took, sql, plan in plans:
        print(f"\nSlowest statement of {label} ({took:.1f} ms run again):\n{shorten(sql)}\nPlan:\n{plan}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 50000])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--stores", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--explain-over", type=float, default=100, help="print query plans for requests over MS")
    parser.add_argument("--pg-options", default="", help='PostgreSQL session settings, e.g. "-c jit=off"')
    parser.add_argument("--sqlite-analyze", action="store_true", help="run ANALYZE on SQLite before measuring")
    parser.add_argument("--keep", action="store_true", help="keep the last database (and media) for inspection")
    parser.add_argument("--run", type=int, help=argparse.SUPPRESS)  # inside a child process: one size
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run(args.run, args.store, args.rounds, args.explain_over, args.sqlite_analyze)
        return
    for store in args.stores:
        if store == "postgresql" and not answers(POSTGRES):
            print(f"PostgreSQL does not answer at {POSTGRES}: skipped.")
            continue
        for size in args.documents:
            started = time.perf_counter()
            run_store(store, size, args)
            print(f"({store}, {size:,} documents: {time.perf_counter() - started:.0f} s in all)", flush=True)


if __name__ == "__main__":
    main()
