"""Visitor-counting benchmark: what counting a view costs the server, and how many beacons a small server takes.

Usage: python -m bench.beacon [--seconds S] [--connections C] [--workers W] [--rounds N] [--stores ...]

For each storage set-up (SQLite; PostgreSQL; PostgreSQL with Redis, the last two when their servers answer on
127.0.0.1) it builds a throwaway demo portal and measures, in the same run:

1. In process (Django's test client, production settings): the median time of a counted beacon, of a beacon that is
   answered but not counted (a bot's), and of /healthz/live (one query, the floor); their difference is what counting
   adds to a view. Also the median of the counting step alone (visitor hash, then the store's flood check and write).
2. Through gunicorn with `wrk` (Debian's `wrk` package): beacons per second and latency against /healthz/live on the
   same server, and afterwards that the database holds exactly as many views as beacons were answered "counted".
"""

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/13"  # not the test suite's 14 and 15
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
VISITORS = 4000  # distinct visitors the load cycles through: a few views each, none above the flood limit

WRK_SCRIPT = """
local counter = 0
local id = 0
function setup(thread)
  id = id + 1
  thread:set("id", id)
end
function init(args)
  wrk.thread_id = id
end
request = function()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "%(agent)s visitor-" .. wrk.thread_id .. "-" .. (counter %% %(visitors)d),
  }
  return wrk.format("POST", "/luot-truy-cap/", headers, '{"page": %(page)d}')
end
done = function(summary, latency, requests)
  io.write(string.format("WRK %%d %%d %%d %%d %%.3f %%.3f %%.3f\\n", summary.requests, summary.duration,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""

WRK_PLAIN = """
done = function(summary, latency, requests)
  io.write(string.format("WRK %d %d %d %d %.3f %.3f %.3f\\n", summary.requests, summary.duration,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def answers(url: str) -> bool:
    try:
        if url.startswith("postgres"):
            subprocess.run(["psql", f"{url}/postgres", "-qAtc", "SELECT 1"], check=True, capture_output=True)
        else:
            import redis

            redis.Redis.from_url(url).ping()
        return True
    except Exception:
        return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(store: str, workdir: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-secret-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_HTTPS": "false",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "REDIS_URL": REDIS if store == "postgresql+redis" else "",
    }
    if store == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    else:
        env["DATABASE_URL"] = f"{POSTGRES}/portal_bench_beacon"
    return env


def run_store(store: str, args) -> dict:
    """Builds the portal for one set-up and measures it in a child process with that set-up's settings."""
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-beacon-"))
    env = environment(store, workdir)
    if store != "sqlite":
        subprocess.run(
            ["psql", f"{POSTGRES}/postgres", "-qc", "DROP DATABASE IF EXISTS portal_bench_beacon WITH (FORCE)"],
            check=True,
        )
        subprocess.run(["psql", f"{POSTGRES}/postgres", "-qc", "CREATE DATABASE portal_bench_beacon"], check=True)
    if env["REDIS_URL"]:
        import redis

        redis.Redis.from_url(REDIS).flushdb()
    manage = [sys.executable, "manage.py"]
    try:
        for command in (["migrate", "--noinput"], ["load_demo"]):
            subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True)
        in_process = json.loads(
            subprocess.run(
                [sys.executable, "-m", "bench.beacon", "--in-process", "--rounds", str(args.rounds)],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.splitlines()[-1]
        )
        served = load(env, args)
        return {"store": store, **in_process, **served}
    finally:
        if store != "sqlite":
            subprocess.run(
                ["psql", f"{POSTGRES}/postgres", "-qc", "DROP DATABASE IF EXISTS portal_bench_beacon WITH (FORCE)"],
                check=False,
            )
        shutil.rmtree(workdir, ignore_errors=True)


def in_process(rounds: int):
    """Runs inside the set-up's settings: prints one JSON line of medians in milliseconds."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client
    from django.utils import timezone

    from wagtail.models import Site

    from news.models import NewsArticlePage
    from visitors import counting

    page = NewsArticlePage.objects.live().first().pk
    site = Site.objects.get(is_default_site=True).pk
    client = Client()
    body = json.dumps({"page": page})

    def beacon(agent, number):
        return client.post(
            "/luot-truy-cap/",
            data=body,
            content_type="application/json",
            HTTP_USER_AGENT=agent,
            REMOTE_ADDR=f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}",
        )

    def median_ms(call) -> float:
        for number in range(20):  # warm up
            call(number)
        timings = []
        for number in range(rounds):
            start = time.perf_counter()
            call(number)
            timings.append(time.perf_counter() - start)
        return statistics.median(timings) * 1000

    assert beacon(BROWSER, 10**6).json()["counted"] is True
    assert beacon(BOT, 10**6).json()["counted"] is False
    cache.clear()
    store = counting.store()

    def count_only(number):
        now = timezone.now()
        visitor = counting.visitor_hash(f"10.9.{number // 256 % 256}.{number % 256}", BROWSER, now.date())
        store.record(site, page, visitor, now)

    result = {
        "healthz_ms": median_ms(lambda number: client.get("/healthz/live")),
        "counted_ms": median_ms(lambda number: beacon(BROWSER, number)),
        "not_counted_ms": median_ms(lambda number: beacon(BOT, number)),
        "counting_only_ms": median_ms(count_only),
    }
    store.flush()
    print(json.dumps(result))


def wrk(url: str, script: str, args) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        output = subprocess.run(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "-s", handle.name, url],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    requests, duration_us, status_errors, socket_errors, p50, p95, p99 = line.split()[1:]
    return {
        "requests": int(requests),
        "per_second": int(requests) / (int(duration_us) / 1e6),
        "non_2xx": int(status_errors),
        "socket_errors": int(socket_errors),
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "p99_ms": float(p99),
    }


class Server:
    """gunicorn serving the portal as `make serve` does (production settings, gunicorn.conf.py)."""

    def __init__(self, env: dict, workers: int):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(workers), "--config", "gunicorn.conf.py"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{self.base}/healthz/live", timeout=1)  # noqa: S310 - our own server
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def get(self, path: str):
        with urllib.request.urlopen(self.base + path, timeout=30) as response:  # noqa: S310 - our own server
            return response.status, response.headers.get("X-Page-Cache"), response.read()

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)  # workers write what waits in Redis as they exit
        self.process.wait(timeout=30)


def load(env: dict, args) -> dict:
    """gunicorn on the set-up's database, wrk against /healthz/live and the beacon, then the stored totals checked."""
    counted_before = stored_views(env)
    server = Server(env, workers=args.workers)
    try:
        page = page_id(env)
        healthz = wrk(f"{server.base}/healthz/live", WRK_PLAIN, args)
        beacons = wrk(server.base, WRK_SCRIPT % {"agent": BROWSER, "visitors": VISITORS, "page": page}, args)
    finally:
        server.stop()
    answered = beacons["requests"] - beacons["non_2xx"]
    stored = stored_views(env) - counted_before
    return {"healthz": healthz, "beacon": beacons, "answered": answered, "stored": stored}


def manage_output(env: dict, code: str) -> str:
    return (
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )


def stored_views(env: dict) -> int:
    code = (
        "from visitors import counting; from visitors.models import DailyCount; from django.db.models import Sum; "
        "counting.store().flush(); print(DailyCount.objects.aggregate(s=Sum('views'))['s'] or 0)"
    )
    return int(manage_output(env, code))


def page_id(env: dict) -> int:
    return int(manage_output(env, "from news.models import NewsArticlePage as P; print(P.objects.live().first().pk)"))


def report(results: list[dict], args):
    print(f"\nIn process, median of {args.rounds} requests (ms):")
    print(f"{'store':18} {'/healthz':>9} {'beacon':>9} {'bot beacon':>11} {'counting adds':>14} {'count step':>11}")
    for row in results:
        adds = row["counted_ms"] - row["not_counted_ms"]
        print(
            f"{row['store']:18} {row['healthz_ms']:9.3f} {row['counted_ms']:9.3f} {row['not_counted_ms']:11.3f} "
            f"{adds:14.3f} {row['counting_only_ms']:11.3f}"
        )
    print(
        f"\nThrough gunicorn ({args.workers} workers), wrk {args.connections} connections for {args.seconds} s, "
        "each against /healthz/live on the same server:"
    )
    print(
        f"{'store':18} {'healthz/s':>10} {'beacons/s':>10} {'ratio':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'errors':>7} {'answered':>9} {'stored':>9}"
    )
    for row in results:
        beacon, healthz = row["beacon"], row["healthz"]
        print(
            f"{row['store']:18} {healthz['per_second']:10.0f} {beacon['per_second']:10.0f} "
            f"{beacon['per_second'] / healthz['per_second']:6.2f} {beacon['p50_ms']:7.1f} {beacon['p95_ms']:7.1f} "
            f"{beacon['p99_ms']:7.1f} {beacon['non_2xx'] + beacon['socket_errors']:7d} {row['answered']:9d} "
            f"{row['stored']:9d}"
        )
    # wrk stops with up to one request per connection in flight: the server may have counted those without wrk
    # seeing the answer, so the stored views may exceed the answered beacons by at most the connection count.
    wrong = [row["store"] for row in results if not 0 <= row["stored"] - row["answered"] <= args.connections]
    if wrong:
        print("\nStored views do not match the beacons answered:", ", ".join(wrong))
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--stores", nargs="*", default=["sqlite", "postgresql", "postgresql+redis"])
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_process:
        in_process(args.rounds)
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    stores = [
        store
        for store in args.stores
        if store == "sqlite" or (answers(POSTGRES) and (store == "postgresql" or answers(REDIS)))
    ]
    results = []
    for store in stores:
        print(f"measuring {store} …", flush=True)
        results.append(run_store(store, args))
    report(results, args)


if __name__ == "__main__":
    main()
