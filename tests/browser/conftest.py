"""A real portal for browser tests: its own database, migrated and loaded with the demo, served by gunicorn with the
production settings, driven by Debian's Chromium through Playwright.

The fixtures live as long as this package's tests, which run one after another on one test worker: Playwright's
event loop then ends with them, before the worker goes on to tests that use Django's database in the same thread."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

import pytest

from tests.databases import scratch_database
from tests.servers import free_port, start_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS") or ROOT / "test-artifacts" / "browser")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    """Browser tests are marked as such, and kept together on one test worker (``--dist loadgroup``) so that the
    portal below is started once."""
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.xdist_group("browser"))


@dataclass(frozen=True)
class Portal:
    """The running portal: its address and the environment its server runs with (settings, database, media)."""

    url: str
    env: dict

    def manage(self, *args: str, timeout: int = 120) -> str:
        """Run a management command against the portal's own database; returns what it printed."""
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return done.stdout


@pytest.fixture(scope="package")
def portal():
    workdir = Path(tempfile.mkdtemp(prefix="portal-browser-"))
    database_url, drop_database = scratch_database(workdir, "portal_browser")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "browser-tests-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,.localhost",  # component portals at *.localhost (test_province)
        "SECURE_HTTPS": "false",
        "SERVE_MEDIA": "true",
        "DATABASE_URL": database_url,
        "REDIS_URL": settings.REDIS_URL,  # this test worker's Redis database, which no other worker clears
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "PAGE_CACHE_DIR": str(workdir / "page-cache"),
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_demo", "--single-site"], ["collectstatic", "--noinput"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    port = free_port()
    gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    server, url = start_server(gunicorn, env, "the portal for the browser tests", port)
    yield Portal(url=url, env=env)
    server.terminate()
    server.wait(timeout=20)
    drop_database()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="package")
def portal_url(portal):
    return portal.url


@pytest.fixture(scope="package")
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}: browser tests must run in CI")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def desktop(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(
        viewport={"width": 375, "height": 812}, locale="vi-VN", has_touch=True, is_mobile=True
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def shoot(request):
    """``shoot(page, "step")`` saves a full-page screenshot as ``<test name>/<nn>-<step>.png`` under BROWSER_ARTIFACTS
    (by default ``test-artifacts/browser/`` in the repository), numbered in the order the steps are taken."""
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    shutil.rmtree(folder, ignore_errors=True)
    taken = []

    def shoot(page, step: str) -> Path:
        taken.append(step)
        name = re.sub(r"[^\w-]+", "-", step).strip("-")
        path = folder / f"{len(taken):02d}-{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
        return path

    return shoot
