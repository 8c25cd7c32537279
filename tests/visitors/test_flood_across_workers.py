"""The flood limit holds across worker processes without Redis: one visitor's 100 beacons, sent in turn to two
servers on one database, are counted exactly FLOOD_LIMIT_PER_MINUTE times, as they would be by one process.

The servers are two `manage.py runserver` processes (the portal's own settings for tests, without REDIS_URL, so each
has a cache of its own in memory, as each gunicorn worker has) on a database made for the test, of the run's kind."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.databases import scratch_database
from tests.servers import free_port, start_server
from visitors.counting import FLOOD_LIMIT_PER_MINUTE

# The servers use a database of their own; the marks keep the package's fixtures (which empty this run's counts) working
# and the test on one test worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("flood-workers")]
ROOT = Path(__file__).resolve().parents[2]
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
BEACONS = 100
BEACONS_COUNTED = FLOOD_LIMIT_PER_MINUTE  # 30, the limit docs/architecture.md states


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def ask(env: dict, code: str) -> int:
    """A number the database holds, printed by ``code`` in ``manage.py shell`` (the last line it prints)."""
    return int(manage(env, "shell", "-c", code).strip().splitlines()[-1])


@pytest.fixture(scope="module")
def two_workers():
    """Two servers on one migrated database, and the environment to ask that database with manage.py."""
    workdir = Path(tempfile.mkdtemp(prefix="portal-flood-"))
    database_url, drop_database = scratch_database(workdir, "portal_flood")
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=database_url,
        REDIS_URL="",  # the database store, whatever this run uses: Redis checks floods in one Lua call already
        MEDIA_ROOT=str(workdir / "media"),
    )
    servers = []
    try:
        manage(env, "migrate", "--noinput")
        servers = []
        for port in (free_port(), free_port()):
            runserver = [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"]
            servers.append(start_server(runserver, env, "a server for the flood test", port))
        yield [url for _server, url in servers], env
    finally:
        for server, _url in servers:
            server.terminate()
            server.wait(timeout=20)
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


def test_one_visitor_is_counted_at_most_the_limit_however_many_workers_answer(two_workers):
    urls, env = two_workers
    # The site's home page (Wagtail's first page on a new database), live and public.
    page = ask(env, "from wagtail.models import Site; print(Site.objects.get().root_page_id)")
    while time.time() % 60 >= 40:  # all the beacons within one minute (of the clock the servers share), the limit's
        time.sleep(0.5)
    counted = dict.fromkeys(urls, 0)
    for number in range(BEACONS):
        url = urls[number % 2]
        request = urllib.request.Request(  # noqa: S310 - our own local server
            f"{url}/luot-truy-cap/",
            data=json.dumps({"page": page}).encode(),
            headers={"Content-Type": "application/json", "User-Agent": BROWSER},
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own local server
            counted[url] += json.load(response)["counted"]
    assert sum(counted.values()) == BEACONS_COUNTED
    assert all(counted.values()), "both workers counted some of them"
    assert ask(env, "from visitors.models import DailyCount; print(DailyCount.objects.get().views)") == BEACONS_COUNTED
