"""Settings are safe by default: production refuses to start without a secret and passes Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="config.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deploy_checks_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x7!kq2-very-long-random-production-secret-value-with-entropy-9f8e7d6c5b4a",
        ALLOWED_HOSTS="portal.example.gov.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_unless_the_development_settings_are_used():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x7!kq2-very-long-random-production-secret-value-with-entropy-9f8e7d6c5b4a",
        DEBUG="true",
    )
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
    from config.settings import base

    assert base.DEBUG is False


def test_portal_speaks_vietnamese_in_vietnam(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


@pytest.mark.django_db
def test_dates_print_the_vietnamese_way():
    import datetime

    from django.template import Context, Template

    rendered = Template('{{ day|date:"SHORT_DATE_FORMAT" }}').render(Context({"day": datetime.date(2023, 2, 7)}))
    assert rendered == "07/02/2023"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("only the embedded SQLite database uses WAL")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 5


def test_every_environment_variable_is_documented_in_the_readme():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "config").rglob("*.py"))
    names = set(
        re.findall(r"""(?:environ(?:\.get)?\(|environ\[|env_(?:bool|list|int)\()\s*["']([A-Z_]+)["']""", sources)
    )
    assert {"SECRET_KEY", "REDIS_URL", "ELASTICSEARCH_URL", "MEDIA_ROOT"} <= names
    names.add("DATABASE_URL")  # read by dj_database_url.config()
    undocumented = sorted(name for name in names if f"`{name}`" not in readme)
    assert undocumented == []
