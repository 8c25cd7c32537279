"""Cache-outage benchmark: how fast the portal answers while its Redis is down, against the same portal without any
cache (the uncached speed, the target) and with Redis up, and how much it logs meanwhile.

Usage: python -m bench.cache_outage [--rounds 30]

Builds a throwaway SQLite portal (migrations, `manage.py load_demo --single-site`, collected static files) and starts
a redis-server of its own on a free port (nothing kept on disk). One process with the production settings and
REDIS_URL pointing at that server (so the caches are configured as in production: `default`, `pages`, `renditions`
on Redis) then measures in process with Django's test client (no network, the whole middleware stack, the page
cache on), phase after phase:

1. Redis up: the production caches (pages after the first come from the page cache) and counting in Redis;
2. then the redis-server is killed (SIGKILL, as in a crash), and two set-ups take turns, a round of each at a time, so
   that whatever else the machine does falls on both alike:
   - Redis down: the same requests again, on the same caches;
   - no cache: the three caches replaced by Django's dummy cache and counting in the database (REDIS_URL empty).

Each set-up makes every request of the mix --rounds times after 3 warm-up rounds, in rounds of one of each; the
median per request and the requests per second of the whole mix are reported, "Redis down" against "no cache" (the
target: the same) and against "Redis up".
The log (production logging: every record to stderr, which goes to a file) is counted per phase: records, tracebacks
and bytes. Beacons come from a new visitor each time, so none is refused as a flood.
"""

import argparse
import contextlib
import json
import logging
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

from bench.beacon import BROWSER, free_port

ROOT = Path(__file__).resolve().parents[1]
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
ARTICLE = "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/"
REQUESTS = [
    ("home", "/"),
    ("news listing", "/tin-tuc/"),
    ("article", ARTICLE),
    ("notices listing", "/thong-bao/"),
    ("search", "/tim-kiem/?q=c%E1%BA%A3i+c%C3%A1ch"),
    ("beacon", None),
]
PHASES = ["no cache", "Redis up", "Redis down"]


def environment(workdir: Path, redis_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-secret-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_HTTPS": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "PAGE_CACHE_DIR": str(workdir / "page-cache"),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": "bench-outage",
        "LOG_LEVEL": "INFO",
        "ELASTICSEARCH_URL": "",
    }


class LogCount(logging.Handler):
    """Counts what the portal logs: records, those with a traceback, and the bytes the console handler writes."""

    def __init__(self):
        super().__init__()
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.records = self.tracebacks = self.bytes = 0

    def emit(self, record):
        self.records += 1
        self.tracebacks += bool(record.exc_info)
        self.bytes += len(self.format(record).encode()) + 1

    def take(self) -> dict:
        counts = {"records": self.records, "tracebacks": self.tracebacks, "bytes": self.bytes}
        self.records = self.tracebacks = self.bytes = 0
        return counts


def measure(rounds: int, redis_pid: int):
    """In the child process (production settings, REDIS_URL set): prints one JSON line of results."""
    django.setup()
    from django.test import Client, override_settings

    from news.models import NewsArticlePage

    page = NewsArticlePage.objects.get(slug=ARTICLE.strip("/").rsplit("/", 1)[-1]).pk
    client = Client()
    log = LogCount()
    logging.getLogger().addHandler(log)
    visitors = iter(range(10**6))

    def request(path):
        if path is None:
            number = next(visitors)
            response = client.post(
                "/luot-truy-cap/",
                data=json.dumps({"page": page}),
                content_type="application/json",
                HTTP_USER_AGENT=BROWSER,
                REMOTE_ADDR=f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}",
            )
            assert response.json()["counted"] is True, response.content
        else:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)

    timings = {phase: {label: [] for label, _path in REQUESTS} for phase in PHASES}
    elapsed = dict.fromkeys(PHASES, 0.0)
    logged = {phase: {"records": 0, "tracebacks": 0, "bytes": 0} for phase in PHASES}
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

    def settings_of(phase):
        if phase == "no cache":
            return override_settings(CACHES=dict.fromkeys(("default", "pages", "renditions"), dummy), REDIS_URL="")
        return contextlib.nullcontext()

    def one_of_each(phase, measured=True):
        with settings_of(phase):
            log.take()
            for label, path in REQUESTS:
                begun = time.perf_counter()
                request(path)
                took = time.perf_counter() - begun
                if measured:
                    timings[phase][label].append(took * 1000)
                    elapsed[phase] += took
            counts = log.take()
        if measured:
            for name, value in counts.items():
                logged[phase][name] += value

    for _ in range(3):
        one_of_each("Redis up", measured=False)
    for _ in range(rounds):
        one_of_each("Redis up")
    os.kill(redis_pid, signal.SIGKILL)
    for _ in range(3):
        one_of_each("no cache", measured=False)
        one_of_each("Redis down", measured=False)
    for number in range(rounds):  # in turns, so that whatever else the machine does falls on both alike
        for phase in ("no cache", "Redis down")[:: 1 if number % 2 else -1]:
            one_of_each(phase)
    results = {
        phase: {
            "median_ms": {label: statistics.median(values) for label, values in timings[phase].items()},
            "per_second": rounds * len(REQUESTS) / elapsed[phase],
            "log": logged[phase],
        }
        for phase in PHASES
    }
    print("RESULT " + json.dumps(results), flush=True)


def start_redis(port: int) -> subprocess.Popen:
    import redis

    command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            redis.Redis(port=port).ping()
            return server
        except redis.ConnectionError:
            time.sleep(0.1)
    server.kill()
    sys.exit("redis-server did not start")


def report(results: dict, rounds: int, log_file: Path):
    base = results["no cache"]
    print(f"\nIn process, median ms of {rounds} requests of each kind (× no cache):\n")
    print("| request | " + " | ".join(PHASES) + " | down ÷ no cache | down ÷ up |")
    print("|---|" + "---:|" * (len(PHASES) + 2))
    for label, _path in REQUESTS:
        cells = [results[phase]["median_ms"][label] for phase in PHASES]
        print(
            f"| {label} | "
            + " | ".join(f"{cell:.2f}" for cell in cells)
            + f" | {cells[2] / cells[0]:.2f} | {cells[2] / cells[1]:.2f} |"
        )
    rates = [results[phase]["per_second"] for phase in PHASES]
    print(
        "| **the mix, requests/s** | "
        + " | ".join(f"{rate:.1f}" for rate in rates)
        + f" | {rates[2] / rates[0]:.2f} | {rates[2] / rates[1]:.2f} |"
    )
    print("\nLogged during the measured rounds (records / with a traceback / bytes):\n")
    for phase in PHASES:
        log = results[phase]["log"]
        print(f"- {phase}: {log['records']} / {log['tracebacks']} / {log['bytes']:,}")
    print(f"\nThe whole run's log: {log_file.stat().st_size:,} bytes; no cache = {base['per_second']:.1f} requests/s.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the database and the log for inspection")
    parser.add_argument("--measure", type=int, metavar="REDIS_PID", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.rounds, args.measure)
        return
    if not os.path.exists(REDIS_SERVER):
        sys.exit(f"redis-server is needed ({REDIS_SERVER})")
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-outage-"))
    port = free_port()
    env = environment(workdir, f"redis://127.0.0.1:{port}/0")
    server = start_redis(port)
    log_file = workdir / "portal.log"
    try:
        started = time.perf_counter()
        for command in (["migrate", "--noinput"], ["load_demo", "--single-site"], ["collectstatic", "--noinput"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        print(f"portal built in {time.perf_counter() - started:.0f} s; measuring …", flush=True)
        command = [sys.executable, "-m", "bench.cache_outage", f"--rounds={args.rounds}", f"--measure={server.pid}"]
        with log_file.open("w") as log:
            child = subprocess.run(
                command,
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                check=False,
            )
        lines = [line for line in child.stdout.splitlines() if line.startswith("RESULT ")]
        if child.returncode or not lines:
            sys.exit(f"measuring failed; see {log_file}")
        print(f"Python {platform.python_version()}, {os.cpu_count()} cores, SQLite, redis-server {redis_version()}")
        report(json.loads(lines[-1][len("RESULT ") :]), args.rounds, log_file)
    finally:
        if server.poll() is None:
            server.kill()
        if args.keep:
            print(f"Kept for inspection: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def redis_version() -> str:
    output = subprocess.run([REDIS_SERVER, "--version"], capture_output=True, text=True, check=False).stdout
    return next((word.split("=", 1)[1] for word in output.split() if word.startswith("v=")), "?")


if __name__ == "__main__":
    main()
