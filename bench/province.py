"""Province benchmark: a province portal with 150 component portals (communes) of 1,300 pages each, built in bulk;
whether a component's pages and the host lookup cost the same at 150 sites as at 1, and how fast the public search
answers over ~200,000 pages.

Usage: python -m bench.province [--sites 150] [--pages-per-site 1300] [--province-pages 5000] [--rounds 30]
       [--search-rounds 20] [--explain-over MS] [--keep]

On PostgreSQL (postgres://postgres@127.0.0.1:5432, a database portal_bench_province made and dropped by the run,
with two copies, _1 and _10), with the production settings (DEBUG off, manifest static files, pages cached on disk
as without Redis) and a media folder of its own:

1. Builds the province: migrations, the demo as a one-site portal (`manage.py load_demo --single-site`), which is the
   province (the default site, at localhost), and --province-pages more pages under its own sections (news, notices,
   legal documents; a tenth of them shared with every component portal, `share_with_components`).
2. Makes the first component portal with `province.components.create_component_site` (the real one: tree, settings,
   menus, side column, collection, groups, workflow) and fills it with --pages-per-site pages in bulk under its own
   sections: three quarters news articles, a sixth legal documents on its three shelves, the rest notices
   (`bench.portal.generate_news` / `generate_notices`, `bench.documents.generate`: Page rows and their own rows
   inserted many at a time with their tree paths), and their rows of the public search index through the indexer's
   bulk path (`bench.building.index_pages`); VACUUM ANALYZE (what autovacuum does soon after a bulk load). The
   database is copied as it is (portal_bench_province_1).
3. Makes components 2 to 10 the same way, without content, and copies the database again (_10); then components 11
   to --sites, fills components 2 to --sites like the first, writes their search rows, VACUUM ANALYZE.
4. Measures in process with Django's test client (no network), one process per database, taking turns block by
   block so that whatever else the machine does falls on each alike:
   - the first component's home page, news listing and an article at 1 site and at --sites: rendered (page cache off,
     layout fragments kept: what a page the page cache misses costs) and answered from the page cache; the median of
     --rounds, with /healthz/live (one `SELECT 1`) as a reading of the machine; and the SQL queries of one render;
   - the host lookup at 1, 10 and --sites sites: `Site.find_for_request` on a fresh request for the first
     component's host, median of 3,000 calls;
   - at --sites, the public search (/tim-kiem/): on the province's host over every unit's pages, with and without
     the unit filter (`don_vi=`), and on a component's host (its own pages and what the province shares); p50 and p95
     over --search-rounds rounds of every question. With --explain-over MS, the plan (EXPLAIN ANALYZE) of the
     slowest SQL statement of each search whose p95 is over MS is printed.

The time of each step is printed as it ends, the figures as Markdown tables at the end. With the defaults the
installation holds 150 × 1,300 + 5,000 generated pages (200,000) besides the demo's and the portals' own.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.documents import answers, psql
from bench.portal import environment as portal_environment
from bench.search import percentile

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "portal_bench_province"
PROVINCE_HOST = "localhost"  # the demo portal's host: the default site
DOMAIN = "haiphong.gov.vn"
SHARED_FRACTION = 10  # one province page in ten is shared with every component portal
LOOKUP_CALLS = 3000
BLOCKS = 6  # turns taken by the databases' processes

# Names of communes: 15 × 10 = 150 of them, each with a host of its own (the folded name).
FIRST_WORDS = ["An", "Tân", "Hồng", "Minh", "Gia", "Đông", "Tây", "Nam", "Phú", "Thanh", "Quang", "Hòa", "Vĩnh"]
FIRST_WORDS += ["Thuận", "Kiến"]
SECOND_WORDS = ["Lạc", "Hưng", "Phong", "Đức", "Tiến", "Thịnh", "Sơn", "Thành", "Lợi", "Bình"]


def environment(workdir: Path, database: str = DATABASE) -> dict:
    return portal_environment(
        workdir,
        DATABASE_URL=f"{POSTGRES}/{database}",
        ALLOWED_HOSTS=f"127.0.0.1,localhost,testserver,.{DOMAIN}",
        PAGE_CACHE_DIR=str(workdir / f"page-cache-{database}"),  # each database its own generation
    )


def commune_name(number: int) -> str:
    """The name of component ``number`` (from 0): "An Lạc", "Tân Lạc" … then "An Lạc 2" after 150."""
    name = f"{FIRST_WORDS[number % 15]} {SECOND_WORDS[number // 15 % 10]}"
    return name if number < 150 else f"{name} {number // 150 + 1}"


def unit(number: int):
    from province.components import ComponentUnit, UnitKind
    from search.folding import fold

    name = commune_name(number)
    return ComponentUnit(name, UnitKind.COMMUNE, re.sub(r"[^a-z0-9]", "", fold(name)) + f".{DOMAIN}")


# Building --------------------------------------------------------------------------------------------------------


class Clock:
    """The time of each step, printed as it ends and kept for the report."""

    def __init__(self):
        self.steps: list[tuple[str, float]] = []

    def run(self, name, step, *args):
        started = time.perf_counter()
        result = step(*args)
        took = time.perf_counter() - started
        self.steps.append((name, took))
        print(f"  {name}: {took:.1f} s", flush=True)
        return result


def split(pages: int) -> dict[str, int]:
    """How a site's generated pages are shared out: three quarters news, a sixth documents, the rest notices."""
    news, documents = pages * 3 // 4, pages // 6
    return {"news": news, "documents": documents, "notices": pages - news - documents}


def sections(home) -> dict:
    """The news and notices sections of the site whose home page is ``home``, and its library with the shelves the
    generated documents go on (the documents benchmark's five kinds of collection mapped onto the site's own)."""
    from documents.enums import CollectionKind
    from documents.models import DocumentCollectionPage, DocumentLibraryPage
    from news.models import NewsIndexPage
    from notices.models import NoticeIndexPage

    def first(model, below):
        return model.objects.descendant_of(below).order_by("depth", "path").first()

    library = first(DocumentLibraryPage, home)
    shelves = {page.kind: page for page in DocumentCollectionPage.objects.child_of(library).order_by("-path")}
    own = shelves.get(CollectionKind.COMMUNE) or shelves.get(CollectionKind.DISTRICT) or next(iter(shelves.values()))
    province = shelves.get(CollectionKind.PROVINCE, own)
    instead = {"district": own, "council": own, "province": province, "gazette": province, "normative": own}
    collections = {kind: shelves.get(kind) or page for kind, page in instead.items()}
    return {
        "news": first(NewsIndexPage, home),
        "notices": first(NoticeIndexPage, home),
        "shelves": (library, collections),
    }


def fill(home, pages: int, seed: int, file, issuer: str) -> dict[str, list[int]]:
    """``pages`` generated pages under the sections of the site of ``home``; their ids by kind."""
    from bench import documents
    from bench.portal import generate_news, generate_notices

    where, counts = sections(home), split(pages)
    return {
        "news": generate_news(counts["news"], 0, seed, index=where["news"]),
        "notices": generate_notices(counts["notices"], 0, seed + 1, index=where["notices"], issuer=issuer),
        "documents": documents.generate(counts["documents"], seed + 2, 0, shelves=where["shelves"], file=file)["ids"],
    }


def merge(into: dict, ids: dict):
    for kind, found in ids.items():
        into.setdefault(kind, []).extend(found)
    return into


def index(ids: dict) -> int:
    """The search rows of the pages ``ids`` (by kind), through the indexer's bulk path."""
    from bench import documents
    from bench.building import index_pages
    from news.models import NewsArticlePage
    from notices.models import NoticePage

    return (
        index_pages(NewsArticlePage.objects.all(), ids["news"])
        + index_pages(NoticePage.objects.all(), ids["notices"])
        + documents.index(ids["documents"])
    )


def share(ids: dict) -> int:
    """Mark one page in SHARED_FRACTION of ``ids`` (the province's) as shared with every component portal."""
    from documents.models import LegalDocumentPage
    from news.models import NewsArticlePage
    from notices.models import NoticePage

    models = {"news": NewsArticlePage, "notices": NoticePage, "documents": LegalDocumentPage}
    return sum(
        models[kind].objects.filter(pk__in=found[::SHARED_FRACTION]).update(share_with_components=True)
        for kind, found in ids.items()
    )


def vacuum():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def copy_database(name: str):
    """A copy of the database as it is now, for measuring later beside the grown one."""
    from django.db import connection

    connection.close()  # a database is copied only while nobody is connected to it
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    for attempt in range(10):
        try:
            psql(f"CREATE DATABASE {name} TEMPLATE {DATABASE}")
            return
        except subprocess.CalledProcessError:  # autovacuum may be looking at it for a moment
            if attempt == 9:
                raise
            time.sleep(3)


def make_sites(numbers) -> list:
    from province.components import create_component_site

    return [create_component_site(unit(number)).site for number in numbers]


def fill_sites(sites, pages: int, file, first_seed: int) -> dict:
    ids: dict = {}
    for position, site in enumerate(sites):
        issuer = site.site_name.replace("Cổng thông tin điện tử", "UBND")
        merge(ids, fill(site.root_page, pages, first_seed + 10 * position, file, issuer))
    return ids


def counts() -> dict:
    from django.db import connection

    from wagtail.models import Page, Site

    from search.models import SearchDocument

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
    return {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "search rows": SearchDocument.objects.count(),
        "shared search rows": SearchDocument.objects.filter(shared=True).count(),
        "database": size,
    }


def build(args):
    """In a child process: builds the province step by step, copying the database at 1 and 10 component sites;
    prints the steps as they end and, last, one RESULT line."""
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from wagtail.models import Site

    from bench.documents import shared_file
    from portal.sites import units

    clock = Clock()
    province = Site.objects.get(is_default_site=True)
    file = shared_file()
    province_ids = clock.run(
        f"province: {args.province_pages:,} pages", fill, province.root_page, args.province_pages, 1, file, "UBND"
    )
    clock.run("province: a tenth shared with the components", share, province_ids)
    clock.run("province: their search rows", index, province_ids)
    first = clock.run("component 1: create_component_site", make_sites, [0])[0]
    first_ids = clock.run(
        f"component 1: {args.pages_per_site:,} pages", fill_sites, [first], args.pages_per_site, file, 100
    )
    clock.run("component 1: their search rows", index, first_ids)
    clock.run("VACUUM ANALYZE", vacuum)
    at_one = counts()
    clock.run("copy of the database at 1 component site", copy_database, f"{DATABASE}_1")
    clock.run("components 2–10: create_component_site", make_sites, range(1, 10))
    clock.run("copy of the database at 10 component sites", copy_database, f"{DATABASE}_10")
    clock.run(f"components 11–{args.sites}: create_component_site", make_sites, range(10, args.sites))
    others = list(Site.objects.filter(is_default_site=False).exclude(pk=first.pk).order_by("root_page__path"))
    assert len(others) == args.sites - 1, len(others)
    label = f"components 2–{args.sites}: {args.pages_per_site:,} pages each"
    ids = clock.run(label, fill_sites, others, args.pages_per_site, file, 1000)
    clock.run(f"components 2–{args.sites}: their search rows", index, ids)
    clock.run("VACUUM ANALYZE", vacuum)
    middle = others[len(others) // 2]
    result = {
        "steps": clock.steps,
        "counts": {"one": at_one, "many": counts()},
        "first_host": first.hostname,
        "article": f"/tin-tuc/tin-{split(args.pages_per_site)['news'] // 2}/",
        "middle_host": middle.hostname,
        "middle_slug": next(unit.slug for unit in units() if unit.site_id == middle.pk),
        "province_slug": next(unit.slug for unit in units() if unit.is_province),
    }
    print("RESULT " + json.dumps(result), flush=True)


# Measuring in process: one process per database, told what to do on its standard input -------------------------


def clear_caches():
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()


class Pages:
    """The first component's home page, news listing and article: rendered (page cache off, layout kept) and
    answered from the page cache."""

    def __init__(self, host: str, article: str):
        from django.test import Client

        self.client = Client(HTTP_HOST=host)
        self.pages = [("home", "/"), ("news listing", "/tin-tuc/"), ("article", article)]

    def prepare(self) -> dict:
        from django.db import connection
        from django.test import override_settings
        from django.test.utils import CaptureQueriesContext

        clear_caches()
        queries = {"healthz": 1}
        with override_settings(PAGE_CACHE_SECONDS=0):
            for label, url in self.pages:
                for _ in range(2):  # the layout's fragments, renditions, per-process caches
                    response = self.client.get(url)
                    assert response.status_code == 200, (url, response.status_code)
                with CaptureQueriesContext(connection) as captured:
                    self.client.get(url)
                queries[f"{label}, rendered"] = len(captured)
        for label, url in self.pages:
            self.client.get(url)
            response = self.client.get(url)
            assert response.get("X-Page-Cache") == "hit", (url, response.get("X-Page-Cache"))
            queries[f"{label}, cached"] = 0
        return queries

    def measure(self, rounds: int) -> dict:
        from django.db import reset_queries
        from django.test import override_settings

        timings: dict = {}

        def timed(key, url):
            started = time.perf_counter()
            self.client.get(url)
            timings.setdefault(key, []).append((time.perf_counter() - started) * 1000)
            reset_queries()

        for _ in range(10):
            timed("healthz", "/healthz/live")
        for _ in range(rounds):
            for label, url in self.pages:
                with override_settings(PAGE_CACHE_SECONDS=0):
                    timed(f"{label}, rendered", url)
                timed(f"{label}, cached", url)
        return timings


def lookups(host: str, calls: int) -> list[float]:
    """µs of ``Site.find_for_request`` on fresh requests for ``host`` (one query each)."""
    from django.db import reset_queries
    from django.test import RequestFactory

    from wagtail.models import Site

    factory = RequestFactory()
    timings = []
    for _ in range(calls):
        request = factory.get("/", HTTP_HOST=host)
        started = time.perf_counter()
        site = Site.find_for_request(request)
        timings.append((time.perf_counter() - started) * 1e6)
        reset_queries()
    assert site.hostname == host, (site.hostname, host)
    return timings


def found(host: str, params: dict) -> str:
    """How many results the search page counts for the question ("500+" when the ranking was cut short)."""
    from django.test import RequestFactory

    from wagtail.models import Site

    from search.query import parse
    from search.service import rank
    from search.views import SearchFilterForm

    request = RequestFactory().get("/tim-kiem/", params, HTTP_HOST=host)
    ranking = rank(parse(params["q"]), SearchFilterForm(request.GET, Site.find_for_request(request)).scope())
    return f"{ranking.total:,}" + ("+" if ranking.more else "")


def searches(questions, rounds: int, explain_over: float) -> dict:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.documents import explain, slowest

    client = Client()
    captured = {}
    for label, host, params in questions:
        for _ in range(2):
            response = client.get("/tim-kiem/", params, HTTP_HOST=host)
            assert response.status_code == 200, (label, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get("/tim-kiem/", params, HTTP_HOST=host)
        captured[label] = queries.captured_queries
    timings = {label: [] for label, _host, _params in questions}
    for _ in range(rounds):
        for label, host, params in questions:
            started = time.perf_counter()
            client.get("/tim-kiem/", params, HTTP_HOST=host)
            timings[label].append((time.perf_counter() - started) * 1000)
            reset_queries()
    rows, plans = [], []
    for label, host, params in questions:
        values = timings[label]
        rows.append(
            {
                "label": label,
                "queries": len(captured[label]),
                "found": found(host, params),
                "province": host == PROVINCE_HOST,
                "timings": values,
            }
        )
        if explain_over and percentile(values, 0.95) > explain_over:
            took, sql = slowest(captured[label])
            plans.append((label, took, sql, explain(sql)))
    return {"rows": rows, "plans": plans}


def serve():
    """In a child process: answers commands (one JSON line each on standard input) with one REPLY line each."""
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    pages = None
    for line in sys.stdin:
        command = json.loads(line)
        if command["do"] == "quit":
            return
        if command["do"] == "prepare":
            pages = Pages(command["host"], command["article"])
            reply = pages.prepare()
        elif command["do"] == "pages":
            reply = pages.measure(command["rounds"])
        elif command["do"] == "lookup":
            reply = lookups(command["host"], command["calls"])
        else:
            reply = searches(command["questions"], command["rounds"], command["explain_over"])
        print("REPLY " + json.dumps(reply), flush=True)


class Server:
    """A measuring process on one database."""

    def __init__(self, workdir: Path, database: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.province", "--serve"],
            cwd=ROOT,
            env=environment(workdir, database),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, **command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        for line in self.process.stdout:
            if line.startswith("REPLY "):
                return json.loads(line[len("REPLY ") :])
        raise RuntimeError(f"the measuring process stopped (exit code {self.process.wait()})")

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.write(json.dumps({"do": "quit"}) + "\n")
            self.process.stdin.close()
            self.process.wait()


def search_questions(built: dict) -> list[tuple[str, str, dict]]:
    """(label, host, parameters) of every search measured."""
    first, middle = built["first_host"], built["middle_host"]
    unit, own = built["middle_slug"], built["province_slug"]
    return [
        ("province: `cai cach hanh chinh`", PROVINCE_HOST, {"q": "cai cach hanh chinh"}),
        ("province: `tuyen dung cong chuc`", PROVINCE_HOST, {"q": "tuyen dung cong chuc"}),
        ("province: a number, `12/qd-ubnd`", PROVINCE_HOST, {"q": "12/qd-ubnd"}),
        ("province: a commune, `duc xuong`", PROVINCE_HOST, {"q": "duc xuong"}),
        ("province: a rare word, `karaoke`", PROVINCE_HOST, {"q": "karaoke"}),
        ("province: two words, `dua hau`", PROVINCE_HOST, {"q": "dua hau"}),
        ('province: a quoted phrase, `"nong thon moi"`', PROVINCE_HOST, {"q": '"nong thon moi"'}),
        (
            "province, a commune (`don_vi`): `cai cach hanh chinh`",
            PROVINCE_HOST,
            {"q": "cai cach hanh chinh", "don_vi": unit},
        ),
        (
            "province, a commune (`don_vi`): `tuyen dung cong chuc`",
            PROVINCE_HOST,
            {"q": "tuyen dung cong chuc", "don_vi": unit},
        ),
        ("province, a commune (`don_vi`): `karaoke`", PROVINCE_HOST, {"q": "karaoke", "don_vi": unit}),
        (
            "province, its own unit (`don_vi`): `cai cach hanh chinh`",
            PROVINCE_HOST,
            {"q": "cai cach hanh chinh", "don_vi": own},
        ),
        ("component: `cai cach hanh chinh`", first, {"q": "cai cach hanh chinh"}),
        ("component: `tuyen dung cong chuc`", first, {"q": "tuyen dung cong chuc"}),
        ("component: `dua hau`", middle, {"q": "dua hau"}),
        ("component: `karaoke`", middle, {"q": "karaoke"}),
    ]


def measure(workdir: Path, built: dict, args) -> dict:
    """The pages at 1 and --sites sites and the host lookup at 1, 10 and --sites, each database's process taking
    its turn block by block; then the search at --sites."""
    servers = {}
    try:
        for state, database in (("one", f"{DATABASE}_1"), ("ten", f"{DATABASE}_10"), ("many", DATABASE)):
            servers[state] = Server(workdir, database)
        host = built["first_host"]
        queries = {state: servers[state].ask(do="prepare", host=host, article=built["article"]) for state in servers}
        pages = {"one": {}, "many": {}}
        looked = {state: [] for state in servers}
        rounds = -(-args.rounds // BLOCKS)
        for _block in range(BLOCKS):
            for state in ("one", "many"):
                for key, values in servers[state].ask(do="pages", rounds=rounds).items():
                    pages[state].setdefault(key, []).extend(values)
            for state in servers:
                looked[state] += servers[state].ask(do="lookup", host=host, calls=LOOKUP_CALLS // BLOCKS)
        print("Pages and host lookups measured", flush=True)
        search = servers["many"].ask(
            do="search", questions=search_questions(built), rounds=args.search_rounds, explain_over=args.explain_over
        )
        print("Search measured", flush=True)
    finally:
        for server in servers.values():
            server.stop()
    return {"queries": queries, "pages": pages, "lookups": looked, "search": search}


# Report ----------------------------------------------------------------------------------------------------------


def report(args, built: dict, measured: dict, prepared: list, version: str):
    print(
        f"\nMachine: {os.cpu_count()} cores, load average at the end {os.getloadavg()[0]:.1f}; Python "
        f"{platform.python_version()}, PostgreSQL {version}"
    )
    steps = prepared + [tuple(step) for step in built["steps"]]
    print("\n| step | s |\n|---|---:|")
    for name, took in steps:
        print(f"| {name} | {took:.1f} |")
    print(f"| all steps | {sum(took for _name, took in steps):.1f} |")
    one, many = built["counts"]["one"], built["counts"]["many"]
    print(f"\n| | at 1 component | at {args.sites} |\n|---|---:|---:|")
    for key, value in one.items():
        low, high = (f"{count:,}" if isinstance(count, int) else count for count in (value, many[key]))
        print(f"| {key} | {low} | {high} |")
    pages, queries = measured["pages"], measured["queries"]
    print(f"\nThe first component's pages, median ms of {args.rounds} (queries of one render):\n")
    print(f"| request | 1 site | {args.sites} sites | {args.sites} ÷ 1 |\n|---|---:|---:|---:|")
    for key in pages["one"]:
        low, high = statistics.median(pages["one"][key]), statistics.median(pages["many"][key])
        print(f"| {key} | {low:.2f} ({queries['one'][key]}) | {high:.2f} ({queries['many'][key]}) | {high / low:.2f} |")
    print(f"\nHost lookup (`Site.find_for_request`, a fresh request), median µs of {LOOKUP_CALLS:,} calls:\n")
    print("| sites | µs | ÷ 1 site |\n|---:|---:|---:|")
    base = statistics.median(measured["lookups"]["one"])
    for state, sites in (("one", 1), ("ten", 10), ("many", args.sites)):
        value = statistics.median(measured["lookups"][state])
        print(f"| {sites} | {value:.0f} | {value / base:.2f} |")
    rows = measured["search"]["rows"]
    print(f"\nSearch at {args.sites} sites, {args.search_rounds} rounds:\n")
    print("| question | p50 ms | p95 ms | queries | found |\n|---|---:|---:|---:|---:|")
    for row in rows:
        values = row["timings"]
        print(
            f"| {row['label']} | {percentile(values, 0.5):.1f} | {percentile(values, 0.95):.1f} | {row['queries']} | "
            f"{row['found']} |"
        )
    for name, chosen in [
        ("every province question", [row for row in rows if row["province"]]),
        ("every component question", [row for row in rows if not row["province"]]),
        ("every question", rows),
    ]:
        values = [value for row in chosen for value in row["timings"]]
        print(f"| {name} | {percentile(values, 0.5):.1f} | {percentile(values, 0.95):.1f} | | |")
    for label, took, sql, plan in measured["search"]["plans"]:
        print(f"\nSlowest statement of {label} ({took:.1f} ms run again):\n{sql}\nPlan:\n{plan}")


def server_version() -> str:
    found = subprocess.run(
        ["psql", f"{POSTGRES}/postgres", "-qAtc", "SHOW server_version"], check=True, capture_output=True, text=True
    )
    return found.stdout.split()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, default=150, help="component portals (more than 10)")
    parser.add_argument("--pages-per-site", type=int, default=1300)
    parser.add_argument("--province-pages", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--search-rounds", type=int, default=20)
    parser.add_argument("--explain-over", type=float, default=0, help="print the plan of searches slower than MS")
    parser.add_argument("--keep", action="store_true", help="keep the databases and files for inspection")
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sites <= 10:
        parser.error("--sites must be more than 10")
    if args.build:
        build(args)
        return
    if args.serve:
        serve()
        return
    if not answers(POSTGRES):
        sys.exit(f"PostgreSQL does not answer at {POSTGRES}")
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-province-"))
    databases = [DATABASE, f"{DATABASE}_1", f"{DATABASE}_10"]
    for database in databases:
        psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    psql(f"CREATE DATABASE {DATABASE}")
    env = environment(workdir)
    started = time.perf_counter()
    try:
        print(f"Building in {POSTGRES}/{DATABASE}", flush=True)
        prepared = []
        for command in (["migrate", "--noinput"], ["load_demo", "--single-site"], ["collectstatic", "--noinput"]):
            step = time.perf_counter()
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
            prepared.append((f"`manage.py {' '.join(command)}`", time.perf_counter() - step))
            print(f"  {prepared[-1][0]}: {prepared[-1][1]:.1f} s", flush=True)
        child = [sys.executable, "-m", "bench.province", "--build", "--sites", str(args.sites)]
        child += ["--pages-per-site", str(args.pages_per_site), "--province-pages", str(args.province_pages)]
        process = subprocess.Popen(child, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        built = None
        for line in process.stdout:
            if line.startswith("RESULT "):
                built = json.loads(line[len("RESULT ") :])
            else:
                print(line, end="", flush=True)
        if process.wait() or built is None:
            sys.exit("building failed")
        built_at = time.perf_counter()
        measured = measure(workdir, built, args)
        print(f"Measuring took {time.perf_counter() - built_at:.0f} s", flush=True)
        report(args, built, measured, prepared, server_version())
        print(f"\nThe whole run: {(time.perf_counter() - started) / 60:.1f} min ({datetime.date.today()})")
    finally:
        if args.keep:
            print(f"Kept for inspection: {', '.join(databases)} at {POSTGRES}, files in {workdir}")
        else:
            for database in databases:
                psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)", check=False)
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
