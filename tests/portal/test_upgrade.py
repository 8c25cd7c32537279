"""A portal running the version before the foundation app existed upgrades with ``manage.py migrate`` and keeps
everything: its settings, menus, side column, pages, revisions and the roles' permissions.

The earlier version is taken from this repository's history (``BEFORE``: the last commit in which menus and portal
settings were the home app's), run with this virtualenv against a database of the test run's kind, loaded with the
demo and changed as an editor would (a menu link added, a setting changed). This version then migrates it. When the
runtime requirements move on so far that ``BEFORE`` no longer runs, keep a database dump made with it instead."""

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import pytest

from tests.databases import scratch_database

pytestmark = pytest.mark.xdist_group("upgrade")  # one test worker builds the upgraded database for the module
ROOT = Path(__file__).resolve().parents[2]
BEFORE = "4526189"
SNAPSHOT = Path(__file__).with_name("upgrade_snapshot.py")

EDIT_AS_AN_EDITOR = """
from home.models import Menu, MenuItem, PortalSettings
from wagtail.models import Site
settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
settings.hotline = "0220 3999 111"
settings.save()
main = settings.main_menu
MenuItem.objects.create(menu=main, label="Đường dây nóng", link_url="tel:02203999111", sort_order=99)
"""


def earlier_version(workdir: Path) -> Path:
    """The tree of ``BEFORE``, from git; skipped (failed under CI) where the history is not at hand."""
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", BEFORE], cwd=ROOT, check=True, capture_output=True, timeout=120
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        message = f"the commit {BEFORE} is needed to build the database to upgrade: {error}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    tree = workdir / "before"
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    return tree


@pytest.fixture(scope="module")
def upgraded():
    """Snapshots of the database before and after the upgrade, and what loading the demo again printed."""
    workdir = Path(tempfile.mkdtemp(prefix="portal-upgrade-"))
    database_url, drop_database = scratch_database(workdir, "portal_upgrade")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(workdir / "media"),
        DEBUG="false",
    )

    def run(tree, *args):
        done = subprocess.run(
            [sys.executable, *args], cwd=tree, env=env, capture_output=True, text=True, timeout=900, check=False
        )
        assert done.returncode == 0, f"{' '.join(args)} in {tree}:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def snapshot(tree, name):
        run(tree, str(SNAPSHOT), str(tree), str(workdir / name))
        return json.loads((workdir / name).read_text(encoding="utf-8"))

    try:
        before_tree = earlier_version(workdir)
        run(before_tree, "manage.py", "migrate", "--noinput")
        run(before_tree, "manage.py", "load_demo")
        run(before_tree, "manage.py", "shell", "-c", EDIT_AS_AN_EDITOR)
        before = snapshot(before_tree, "before.json")
        migrated = run(ROOT, "manage.py", "migrate", "--noinput")
        after = snapshot(ROOT, "after.json")
        reloaded = run(ROOT, "manage.py", "load_demo", "--single-site")
        again = run(ROOT, "manage.py", "load_demo", "--single-site")
        yield {"before": before, "after": after, "migrate": migrated, "load_demo": reloaded, "load_demo again": again}
    finally:
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.mark.parametrize(
    "part", ["portal settings", "side columns", "menus", "menu items", "moved content type ids", "pages", "revisions"]
)
def test_the_upgrade_keeps(upgraded, part):
    before, after = upgraded["before"][part], upgraded["after"][part]
    assert before, f"the earlier version's database had no {part}: nothing was compared"
    if isinstance(before, list) and before and isinstance(before[0], dict):
        # Fields added since the earlier version (e.g. the portal settings' archived_since) are not compared.
        assert len(after) == len(before)
        after = [
            {name: row[name] for name in before_row if name in row}
            for before_row, row in zip(before, after, strict=True)
        ]
    assert after == before


def test_the_editors_changes_are_still_on_the_home_page(upgraded):
    assert upgraded["before"]["home page"] == {"status": 200, "hotline shown": True, "new link shown": True}
    assert upgraded["after"]["home page"] == upgraded["before"]["home page"]


def test_the_roles_keep_their_permissions_and_the_content_administrator_keeps_the_side_column(upgraded):
    before, after = upgraded["before"]["group permissions"], upgraded["after"]["group permissions"]
    assert before.keys() == after.keys()
    for group, permissions in before.items():
        assert set(permissions) <= set(after[group]), group
    added = {group: sorted(set(after[group]) - set(permissions)) for group, permissions in before.items()}
    # Handling citizens' input (questions and comments on drafts) came with editorial 0003.
    citizen_input = ["change_draftcomment", "change_question", "view_draftcomment", "view_question"]
    writers = sorted([*citizen_input, "view_questiontopic"])
    topics = [f"{action}_questiontopic" for action in ("add", "change", "delete", "view")]
    assert {group: sorted(name.split(":")[1] for name in names) for group, names in added.items() if names} == {
        "Biên tập viên": writers,
        "Người duyệt": writers,
        "Quản trị nội dung": sorted([*citizen_input, *topics, "change_sidecolumn"]),
    }


def test_the_demo_sees_the_upgraded_portal_as_loaded(upgraded):
    assert "Applying portal.0001_initial... OK" in upgraded["migrate"]
    # The first load adds only what came after the earlier version (the questions and the drafts for comment, with
    # their demo content); then there is nothing left to do.
    created = re.search(r"Demo loaded: (\d+) items created", upgraded["load_demo"])
    assert created and int(created.group(1)) < 40, upgraded["load_demo"]
    assert "nothing to do" in upgraded["load_demo again"]
