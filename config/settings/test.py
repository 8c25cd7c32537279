"""Test runs: fast hashing, no manifest for static files, mail kept in memory, media in a temporary folder."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .base import *

SECRET_KEY = "test-only-key-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
WAGTAILADMIN_BASE_URL = "http://localhost"

# A file, not memory, for the SQLite test database: WAL, the busy timeout and immediate transactions then behave
# as in production, which the concurrency tests rely on.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.mkdtemp(prefix="portal-test-db-")) / "test.sqlite3")}

# django-axes needs the request at every authentication, which the test client's login() does not pass; the
# lockout tests switch it back on (tests/editorial/test_login_throttling.py).
AXES_ENABLED = False

# The page cache would answer the second of two requests without running the view; the tests that measure views
# (query counts) need it off, and the fragments of the layout too. tests/pagecache turns them on.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0

# Parallel test workers (pytest-xdist: gw0, gw1, ...) share one Redis, and clearing a django-redis cache empties a
# whole Redis database: each worker gets two of its own, counting down from the one REDIS_URL names (15 by default),
# one for the cache and one spare for tests that need a Redis of their own (REDIS_SCRATCH_URL).
_worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
_redis = urlsplit(REDIS_URL or "redis://127.0.0.1:6379/15")
_cache_database = (int(_redis.path.strip("/") or 0) - 2 * _worker) % 16
REDIS_SCRATCH_URL = _redis._replace(path=f"/{(_cache_database - 1) % 16}").geturl()
if REDIS_URL:
    REDIS_URL = _redis._replace(path=f"/{_cache_database}").geturl()
    for _cache in CACHES.values():
        _cache["LOCATION"] = REDIS_URL
