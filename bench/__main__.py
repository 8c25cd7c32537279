"""Page rendering benchmark: median time of each public page against /healthz/live (one query) in the same run.

Usage: python -m bench [--rounds N]. Builds a throwaway SQLite database with the demo portal, so it measures the
portal's own work (routing, queries, templates) without network or server overhead. Ratios, not seconds, are
what to compare between machines.
"""

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

PAGES = [
    "/healthz/live",
    "/",
    "/tin-tuc/",
    "/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/",
    "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/",
    "/thong-bao/",
    "/thong-bao/tuyen-dung-vien-chuc-giao-duc-mam-non-tieu-hoc/",
    "/thong-bao/lich-thi/",
    "/lich-lam-viec/",
    "/gioi-thieu/lanh-dao/",
    "/tim-kiem/?q=c%E1%BA%A3i+c%C3%A1ch",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["STATIC_ROOT"] = str(workdir)
    os.environ["DEBUG"] = "false"
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # every request rendered: what the portal itself costs

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--single-site", stdout=open(os.devnull, "w"))  # noqa: SIM115 - the one-site portal
    client = Client()
    results = {}
    for url in PAGES:
        for _ in range(3):  # warm caches and renditions
            assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        query_count = len(queries)
        timings = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - start)
            reset_queries()
        results[url] = (statistics.median(timings), query_count)
    baseline = results["/healthz/live"][0]
    print(f"{'page':55} {'median ms':>10} {'x healthz':>10} {'queries':>8}")
    for url, (median, count) in results.items():
        print(f"{url:55} {median * 1000:10.2f} {median / baseline:10.1f} {count:8d}")


if __name__ == "__main__":
    main()
