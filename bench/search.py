"""Search benchmark: our folded index against Wagtail's stock database backend, on the same generated pages.

Usage: python -m bench.search [--pages 10000 100000] [--rounds 20] [--stock-rounds 5] [--stock-queries 6]

For each size it builds a throwaway SQLite database of news articles whose Vietnamese text is drawn from the demo
articles, indexes them in both engines, and times each kind of query: p50 and p95 in milliseconds, plus their
ratio. Ours is timed end to end for the first page of results (ranking, loading the 20 rows, checking their pages,
marking snippets); the stock backend for the first 20 results of `NewsArticlePage.objects.live().search(...)`, with
the query typed as the stock backend needs it (with diacritics), since it does not fold.
"""

import argparse
import datetime
import json
import os
import random
import tempfile
import time
from pathlib import Path

QUERIES = [
    ("common word", "huyện", "huyện"),
    ("two common words", "gia loc", "Gia Lộc"),
    ("phrase without marks", "cai cach hanh chinh", "cải cách hành chính"),
    ("rare word", "dua hau", "dưa hấu"),
    ("marked word", "bán", "bán"),
    ("quoted phrase", '"an toan giao thong"', '"an toàn giao thông"'),
]


def setup(database: Path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["MEDIA_ROOT"] = str(database.parent / "media")
    os.environ["STATIC_ROOT"] = str(database.parent)
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def sentences() -> list[str]:
    data = json.loads((Path(__file__).parent.parent / "demo/data/news.json").read_text(encoding="utf-8"))
    found = []
    for article in data["articles"]:
        for item in [article["lead"], *article["body"]]:
            found += [part.strip() + "." for part in item.lstrip("#> ").split(".") if len(part.split()) > 4]
    return found


def generate(count: int, seed: int = 7):
    """Live news articles under one news section, inserted in bulk with their tree paths."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from wagtail.models import Locale, Page

    from bench.building import insert_pages, next_steps, page_fields
    from home.models import HomePage
    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

    rng = random.Random(seed)
    pool = sentences()
    home = HomePage.objects.get()
    index = NewsIndexPage(title="Tin tức", slug="tin-tuc")
    home.add_child(instance=index)
    category = NewsCategory.objects.create(name="Tin tức – Sự kiện", slug="tin-tuc-su-kien")
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    locale = Locale.objects.first()
    start = datetime.datetime(2015, 1, 1, tzinfo=datetime.UTC)
    paths = iter(next_steps(index, count))
    for offset in range(0, count, 2000):
        articles = []
        for number in range(offset, min(count, offset + 2000)):
            words = rng.choice(pool).split()
            title = " ".join(words[: rng.randint(8, 14)]).rstrip(".,")
            published = start + datetime.timedelta(hours=number)
            article = NewsArticlePage(
                **page_fields(index, next(paths), f"tin-{number}", content_type, locale, title, published),
                lead=" ".join(rng.sample(pool, 2)),
                body=[{"type": "paragraph", "value": "<p>" + " ".join(rng.sample(pool, 8)) + "</p>"} for _ in range(2)],
                display_date=published,
                primary_category=category,
            )
            articles.append(article)
        with transaction.atomic():
            insert_pages(NewsArticlePage, articles)
    Page.objects.filter(pk=index.pk).update(numchild=count)
    return index


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_ours(query_text, rounds):
    from django.test import RequestFactory
    from django.utils import timezone

    from wagtail.models import Site

    from search.engines import Scope
    from search.query import parse
    from search.service import hits, rank

    request = RequestFactory().get("/tim-kiem/")
    scope = Scope(path=Site.objects.get(is_default_site=True).root_page.path)
    timings, total = [], 0
    for _ in range(rounds):
        started = time.perf_counter()
        query = parse(query_text)
        ranking = rank(query, scope)
        hits(ranking.keys[:20], query, request, timezone.localdate())
        timings.append(time.perf_counter() - started)
        total = ranking.total
    return timings, total


def time_stock(query_text, rounds, limit_seconds):
    """Timings of the stock backend; a query still running after ``limit_seconds`` is stopped and reported as the
    limit (a lower bound), since at 100,000 pages one query can run for hours."""
    from django.db import OperationalError, connection

    from news.models import NewsArticlePage

    timings, found, stopped = [], 0, False
    for _ in range(rounds):
        started = time.perf_counter()
        connection.ensure_connection()
        deadline = started + limit_seconds
        connection.connection.set_progress_handler(lambda deadline=deadline: time.perf_counter() > deadline, 100_000)
        try:
            found = len(list(NewsArticlePage.objects.live().search(query_text)[:20]))
        except OperationalError:
            stopped = True
        finally:
            connection.connection.set_progress_handler(None, 0)
        timings.append(time.perf_counter() - started)
    return timings, found, stopped


def run(size, rounds, stock_rounds, stock_queries, stock_limit):
    workdir = Path(tempfile.mkdtemp(prefix=f"portal-search-{size}-"))
    setup(workdir / "bench.sqlite3")
    from wagtail.search.backends import get_search_backend

    from news.models import NewsArticlePage
    from search import indexer

    started = time.perf_counter()
    generate(size)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    indexer.rebuild()
    ours_indexing = time.perf_counter() - started
    started = time.perf_counter()
    backend = get_search_backend()
    articles = NewsArticlePage.objects.all()
    for offset in range(0, size, 1000):
        backend.add_bulk(NewsArticlePage, list(articles.order_by("pk")[offset : offset + 1000]))
    stock_indexing = time.perf_counter() - started
    size_mb = (workdir / "bench.sqlite3").stat().st_size / 1e6
    print(
        f"\n{size} pages: generated in {generated:.0f} s; indexed by ours in {ours_indexing:.0f} s, "
        f"by stock in {stock_indexing:.0f} s; database {size_mb:.0f} MB"
    )
    header = ["ours p50", "ours p95", "stock p50", "stock p95", "× p95", "ours found", "stock found"]
    print(f"{'query':24} " + " ".join(f"{name:>11}" for name in header))
    for position, (label, ours_text, stock_text) in enumerate(QUERIES):
        time_ours(ours_text, 2)
        ours, total = time_ours(ours_text, rounds)
        o50, o95 = percentile(ours, 0.5) * 1000, percentile(ours, 0.95) * 1000
        row = [f"{o50:.1f}", f"{o95:.1f}"]
        print(f"{label:24} ours measured: p50 {o50:.1f} ms, p95 {o95:.1f} ms, {total} found", flush=True)
        if position < stock_queries:
            stock, found, stopped = time_stock(stock_text, stock_rounds, stock_limit)
            s50, s95 = percentile(stock, 0.5) * 1000, percentile(stock, 0.95) * 1000
            bound = ">" if stopped else ""
            row += [f"{bound}{s50:.1f}", f"{bound}{s95:.1f}", f"{bound}{s95 / o95:.0f}", str(total), str(found)]
        else:
            row += ["–", "–", "–", str(total), "–"]
        print(f"{label:24} " + " ".join(f"{value:>11}" for value in row))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, nargs="+", default=[10000])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--stock-rounds", type=int, default=5)
    parser.add_argument(
        "--stock-queries", type=int, default=len(QUERIES), help="time the stock backend on the first N query kinds only"
    )
    parser.add_argument("--stock-limit", type=int, default=600, help="stop a stock query after this many seconds")
    args = parser.parse_args()
    # Each size needs its own database, and Django configures its connection once: one process per size.
    if len(args.pages) > 1:
        import subprocess
        import sys

        for size in args.pages:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.search",
                    "--pages",
                    str(size),
                    "--rounds",
                    str(args.rounds),
                    "--stock-rounds",
                    str(args.stock_rounds),
                    "--stock-queries",
                    str(args.stock_queries),
                    "--stock-limit",
                    str(args.stock_limit),
                ],
                check=True,
            )
        return
    run(args.pages[0], args.rounds, args.stock_rounds, args.stock_queries, args.stock_limit)


if __name__ == "__main__":
    main()
