"""Whole-portal benchmark: a portal of 100,000 news articles, 50,000 legal documents and 5,000 notices built in bulk,
how each page's render time grows with the content, and throughput through gunicorn against the framework's floor.

Usage: python -m bench.portal [--sizes 1000 10000 100000] [--rounds 10] [--seconds 10] [--connections 64]
       [--chart docs/img/portal-growth.png]

On PostgreSQL (postgres://postgres@127.0.0.1:5432, a database portal_bench_portal made and dropped by the run), with
the production settings (DEBUG off, manifest static files, pages cached on disk as without Redis):

1. Builds the portal: migrations, the demo (`manage.py load_demo`), then grows it to each size in turn — N news
   articles (Page rows and their own rows inserted in bulk with their tree paths, categories, a feature image on a
   third of them, dates over ten years), N/2 legal documents (`bench.documents.generate`) and N/20 notices, and their
   rows of the public search index through the indexer's bulk path, then VACUUM ANALYZE (what autovacuum does soon
   after). The time of each step is printed.
2. At each size, renders home, the news listing's first and last page, an article and a search in process (Django's
   test client, no network): the median of --rounds renders, taken in rounds, with the page cache off and the
   layout's fragments kept (what a page the page cache misses costs), beside /healthz/live (one `SELECT 1`) and the
   number of SQL queries. The growth is drawn as a chart (--chart).
3. At the largest size, serves the portal with gunicorn as `make serve` does and loads it with wrk (2 threads):
   - 2 workers, page cache on: /healthz/live, then the home page, the news listing and an article, each already cached,
     at --connections connections for --seconds seconds;
   - 1 worker, page cache off: /healthz/live, then 500 different articles in turn (every request renders), at 4
     connections: the requests per second of one worker.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.beacon import WRK_PLAIN, Server, wrk
from bench.documents import answers, psql

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "portal_bench_portal"
ARTICLES_PER_NOTICE = 20
ARTICLES_PER_DOCUMENT = 2
SEARCH = "/tim-kiem/?q=cai+cach+hanh+chinh"

WRK_PATHS = """
local paths = {%(paths)s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
""" + WRK_PLAIN.replace("%", "%%")


def environment(workdir: Path, **extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-secret-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_HTTPS": "false",
        "SERVE_MEDIA": "true",
        "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "PAGE_CACHE_DIR": str(workdir / "page-cache"),
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
        **extra,
    }


# Building --------------------------------------------------------------------------------------------------------


def generate_news(count: int, first: int, seed: int, index=None) -> list[int]:
    """``count`` published articles under the news section ``index`` (the portal's only one when not given),
    numbered from ``first``; returns their ids."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F

    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page

    from bench.building import insert_pages, next_steps, page_fields
    from bench.search import sentences
    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

    rng = random.Random(seed)
    pool = sentences()
    index = index or NewsIndexPage.objects.get()
    categories = list(NewsCategory.objects.order_by("pk"))
    images = list(get_image_model().objects.order_by("pk")[:12])
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    locale = Locale.objects.first()
    through = NewsArticlePage._meta.get_field("categories").remote_field.through
    paths = iter(next_steps(index, count))
    newest = datetime.datetime(2026, 11, 1, 8, tzinfo=datetime.UTC)
    ids = []
    for offset in range(0, count, 2000):
        articles = []
        for number in range(first + offset, first + min(count, offset + 2000)):
            words = rng.choice(pool).split()
            title = " ".join(words[: rng.randint(8, 16)]).rstrip(".,")
            published = newest - datetime.timedelta(minutes=rng.randint(0, 10 * 365 * 24 * 60))
            slug = f"tin-{number}"
            article = NewsArticlePage(
                **page_fields(index, next(paths), slug, content_type, locale, title, published),
                lead=" ".join(rng.sample(pool, 2)),
                body=[{"type": "paragraph", "value": "<p>" + " ".join(rng.sample(pool, 6)) + "</p>"} for _ in range(3)],
                display_date=published,
                primary_category=rng.choice(categories),
                feature_image=rng.choice(images) if images and rng.random() < 0.33 else None,
            )
            articles.append(article)
        with transaction.atomic():
            insert_pages(NewsArticlePage, articles)
            through.objects.bulk_create(
                [through(newsarticlepage_id=a.pk, newscategory_id=a.primary_category_id) for a in articles]
            )
        ids += [article.pk for article in articles]
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    return ids


def generate_notices(count: int, first: int, seed: int, index=None, issuer="UBND huyện Gia Lộc") -> list[int]:
    """``count`` published notices of every kind under the notices section ``index`` (the portal's only one when not
    given), numbered from ``first``."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F

    from wagtail.models import Locale, Page

    from bench.building import insert_pages, next_steps, page_fields
    from bench.search import sentences
    from notices.enums import NoticeKind
    from notices.models import NoticeIndexPage, NoticePage

    rng = random.Random(seed)
    pool = sentences()
    index = index or NoticeIndexPage.objects.get()
    content_type = ContentType.objects.get_for_model(NoticePage)
    locale = Locale.objects.first()
    paths = iter(next_steps(index, count))
    today = datetime.date(2026, 11, 1)
    notices = []
    for number in range(first, first + count):
        issued = today - datetime.timedelta(days=rng.randint(0, 10 * 365))
        kind = rng.choice(list(NoticeKind))
        title = f"Thông báo {rng.choice(pool).split('.')[0][:150]}"
        published = datetime.datetime.combine(issued, datetime.time(10), tzinfo=datetime.UTC)
        notices.append(
            NoticePage(
                **page_fields(index, next(paths), f"tb-{number}", content_type, locale, title, published),
                kind=kind,
                number=f"{number}/TB-UBND",
                issuer=issuer,
                issued_on=issued,
                valid_until=issued + datetime.timedelta(days=30) if rng.random() < 0.5 else None,
                summary=rng.choice(pool),
                body=[{"type": "paragraph", "value": "<p>" + " ".join(rng.sample(pool, 4)) + "</p>"}],
            )
        )
    with transaction.atomic():
        for offset in range(0, count, 2000):
            insert_pages(NoticePage, notices[offset : offset + 2000])
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    return [notice.pk for notice in notices]


def grow(news: int, first: int) -> dict:
    """Adds ``news`` articles (numbered from ``first``), half as many documents and a twentieth as many notices,
    and their search rows; returns the seconds each step took."""
    from bench import documents
    from bench.building import index_pages
    from news.models import NewsArticlePage
    from notices.models import NoticePage

    took, ids = {}, {}
    steps = [
        ("news", lambda: generate_news(news, first, seed=first + 1)),
        ("documents", lambda: documents.generate(news // ARTICLES_PER_DOCUMENT, first=first, seed=first + 2)["ids"]),
        ("notices", lambda: generate_notices(news // ARTICLES_PER_NOTICE, first, seed=first + 3)),
    ]
    for name, step in steps:
        started = time.perf_counter()
        ids[name] = step()
        took[name] = time.perf_counter() - started
    started = time.perf_counter()
    index_pages(NewsArticlePage.objects.all(), ids["news"])
    documents.index(ids["documents"])
    index_pages(NoticePage.objects.all(), ids["notices"])
    took["search index"] = time.perf_counter() - started
    return took


# Measuring in process --------------------------------------------------------------------------------------------


def growth_requests(size: int) -> list[tuple[str, str]]:
    from news.models import NewsArticlePage, NewsIndexPage

    index = NewsIndexPage.objects.get()
    total = NewsArticlePage.objects.live().child_of(index).count()
    article = NewsArticlePage.objects.get(slug=f"tin-{size // 2}")
    return [
        ("healthz", "/healthz/live"),
        ("home", "/"),
        ("listing, page 1", index.url),
        ("listing, last page", f"{index.url}?page={-(-total // 20)}"),
        ("article", article.url),
        ("search", SEARCH),
    ]


def measure(size: int, rounds: int) -> list[dict]:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    measured = growth_requests(size)
    results, timings = {}, {label: [] for label, _url in measured}
    for label, url in measured:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results[label] = {"label": label, "url": url, "queries": len(queries)}
    for _ in range(rounds):
        for label, url in measured:
            started = time.perf_counter()
            client.get(url)
            timings[label].append((time.perf_counter() - started) * 1000)
            reset_queries()
    for label, values in timings.items():
        results[label]["median_ms"] = statistics.median(values)
    return list(results.values())


def build_and_measure(sizes: list[int], rounds: int):
    """In the child process: grows the portal to each size and prints one JSON line per size."""
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from django.db import connection

    done = 0
    for size in sizes:
        took = grow(size - done, done)
        done = size
        with connection.cursor() as cursor:
            # What autovacuum does soon after a bulk load: statistics for the planner, and the visibility map that
            # lets index-only scans skip the table.
            cursor.execute("VACUUM ANALYZE")
        print("RESULT " + json.dumps({"size": size, "took": took, "pages": measure(size, rounds)}), flush=True)


# Through gunicorn ------------------------------------------------------------------------------------------------


def load(workdir: Path, args, pages: list[dict], articles: list[str]) -> dict:
    env = environment(workdir)
    served = {}
    server = Server(env, workers=2)
    try:
        cached = [page for page in pages if page["label"] in ("home", "listing, page 1", "article")]
        for page in cached:
            server.get(page["url"])
            status, cache_state, _body = server.get(page["url"])
            assert status == 200 and cache_state == "hit", (page["url"], status, cache_state)
        served["healthz (2 workers)"] = wrk(f"{server.base}/healthz/live", WRK_PLAIN, args)
        for page in cached:
            served[f"{page['label']}, cached"] = wrk(server.base + page["url"], WRK_PLAIN, args)
    finally:
        server.stop()
    server = Server(environment(workdir, PAGE_CACHE_SECONDS="0"), workers=1)
    one_worker = argparse.Namespace(connections=4, seconds=args.seconds)
    try:
        status, cache_state, _body = server.get(articles[0])
        assert status == 200 and cache_state is None, (status, cache_state)
        served["healthz (1 worker)"] = wrk(f"{server.base}/healthz/live", WRK_PLAIN, one_worker)
        paths = ", ".join(json.dumps(path) for path in articles)
        served["500 articles, not cached (1 worker)"] = wrk(server.base, WRK_PATHS % {"paths": paths}, one_worker)
    finally:
        server.stop()
    return served


# Report ----------------------------------------------------------------------------------------------------------


def chart(results: list[dict], path: Path):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    sizes = [result["size"] for result in results]
    figure, axes = pyplot.subplots(figsize=(8, 4.5), dpi=100)
    for label in [page["label"] for page in results[0]["pages"]]:
        medians = [next(p["median_ms"] for p in result["pages"] if p["label"] == label) for result in results]
        axes.plot(sizes, medians, marker="o", label=label)
    axes.set_xscale("log")
    axes.set_xticks(sizes, [f"{size:,}" for size in sizes])
    axes.minorticks_off()
    axes.set_xlabel("news articles (documents: half as many, notices: a twentieth)")
    axes.set_ylabel("median render, ms (page cache off)")
    axes.set_ylim(bottom=0)
    axes.grid(True, alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    print(f"\nChart written to {path}")


def report(results: list[dict], served: dict, prepared: float):
    print(f"\nMigrations and demo: {prepared:.0f} s")
    print("\n| articles | news s | documents s | notices s | search index s | total s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for result in results:
        took = result["took"]
        print(
            f"| {result['size']:,} | {took['news']:.1f} | {took['documents']:.1f} | {took['notices']:.1f} | "
            f"{took['search index']:.1f} | {sum(took.values()):.1f} |"
        )
    labels = [page["label"] for page in results[0]["pages"]]
    print("\nMedian render in ms (queries), page cache off, layout fragments kept:\n")
    print("| page | " + " | ".join(f"{result['size']:,}" for result in results) + " | last ÷ first |")
    print("|---|" + "---:|" * (len(results) + 1))
    for label in labels:
        rows = [next(p for p in result["pages"] if p["label"] == label) for result in results]
        cells = " | ".join(f"{row['median_ms']:.1f} ({row['queries']})" for row in rows)
        print(f"| {label} | {cells} | {rows[-1]['median_ms'] / rows[0]['median_ms']:.2f} |")
    if served:
        floor = served["healthz (2 workers)"]["per_second"]
        one = served["healthz (1 worker)"]["per_second"]
        print("\n| request (wrk) | connections | req/s | ÷ healthz | p50 ms | p95 ms | p99 ms | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for label, row in served.items():
            connections = 4 if "1 worker" in label else 64
            base = one if "1 worker" in label else floor
            errors = row["non_2xx"] + row["socket_errors"]
            print(
                f"| {label} | {connections} | {row['per_second']:.0f} | {row['per_second'] / base:.2f} | "
                f"{row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['p99_ms']:.1f} | {errors} |"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--chart", type=Path, default=ROOT / "docs/img/portal-growth.png")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn and wrk part")
    parser.add_argument("--keep", action="store_true", help="keep the database and media for inspection")
    parser.add_argument("--build-and-measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    if args.build_and_measure:
        build_and_measure(sizes, args.rounds)
        return
    if not answers(POSTGRES):
        sys.exit(f"PostgreSQL does not answer at {POSTGRES}")
    if not args.no_load and not shutil.which("wrk"):
        sys.exit("wrk is needed (apt-get install wrk), or pass --no-load")
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-portal-"))
    psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    psql(f"CREATE DATABASE {DATABASE}")
    env = environment(workdir, PAGE_CACHE_SECONDS="0")
    try:
        started = time.perf_counter()
        for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        prepared = time.perf_counter() - started
        command = [sys.executable, "-m", "bench.portal", "--build-and-measure", "--rounds", str(args.rounds)]
        child = subprocess.Popen(
            [*command, "--sizes", *map(str, sizes)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        results = []
        for line in child.stdout:
            if line.startswith("RESULT "):
                results.append(json.loads(line[len("RESULT ") :]))
                print(f"{results[-1]['size']:,} articles: built and measured", flush=True)
        if child.wait():
            sys.exit("building or measuring failed")
        served = {}
        if not args.no_load:
            size = sizes[-1]
            step = max(1, size // 500)
            articles = [f"/tin-tuc/tin-{number}/" for number in range(0, size, step)][:500]
            served = load(workdir, args, results[-1]["pages"], articles)
        report(results, served, prepared)
        if len(results) > 1:
            chart(results, args.chart)
    finally:
        if args.keep:
            print(f"Kept for inspection: {POSTGRES}/{DATABASE}, files in {workdir}")
        else:
            psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", check=False)
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
