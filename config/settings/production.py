"""Production: refuses to start without a secret key; HTTPS-only unless SECURE_HTTPS=false."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import BASE_DIR, CACHES, REDIS_URL, SECRET_KEY, env_bool, env_int

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production settings.")

DEBUG = False
SECURE_HTTPS = env_bool("SECURE_HTTPS", True)

# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = SECURE_HTTPS
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000) if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Without Redis, cached pages live on disk so that every gunicorn worker shares them and their invalidation.
if not REDIS_URL:
    CACHES = {
        **CACHES,
        "pages": {
            "BACKEND": "pagecache.filestore.PageFileCache",
            "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
