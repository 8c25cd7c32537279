"""Settings shared by every environment. Safe by default: nothing here trusts the network or enables debugging.

Every value read from the environment is listed in the README's table.
"""

import datetime
import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The portal's apps, top layer first (docs/architecture.md, "Layers"; the order is checked by tests/test_layers.py).
INSTALLED_APPS = [
    "demo",
    "province",
    "home",
    "importer",
    "opendata",
    "news",
    "notices",
    "documents",
    "gallery",
    "questions",
    "consultations",
    "search",
    "visitors",
    "editorial",
    "ratings",
    "portal",
    "pagecache",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so that cached answers carry the policies too.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication: a cached page is answered without touching either.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Before Wagtail's redirects, so it answers only the 404s they leave: old addresses of moved sections.
    "province.middleware.MovedSectionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The admin's reports that list every portal are refused to a commune's people.
    "editorial.admin_scope.WholeTreeReportsMiddleware",
    # A view that cannot write to the database (read-only, full, unreachable) answers 503 with a reason, not 500.
    "portal.storage.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Admin login throttling (django-axes): after LOGIN_FAILURE_LIMIT failed logins for one user name from one address,
# that pair is locked for LOGIN_LOCKOUT_MINUTES; the address is the one TRUSTED_PROXY_COUNT proxies report.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.guard.client_ip"
AXES_LOCKOUT_CALLABLE = "editorial.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "pagecache.fragments.context",
                "portal.context_processors.current_site",
            ],
        },
    },
]

# Database: SQLite by default (WAL, busy timeout, immediate write transactions so concurrent
# writers queue instead of failing); DATABASE_URL switches to PostgreSQL with the same code.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Short web queries gain nothing from JIT compilation, and the library's status filters lost hundreds of
    # milliseconds to it at 50,000 documents (docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: process-local unless REDIS_URL is set. A Redis outage must not take the site down or slow it: connections
# give up quickly, cache errors are ignored, and portal.cache stops asking a Redis that does not answer for a few
# seconds at a time (one warning when it goes, one when it is back; docs/operations.md).
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_caches(url: str, prefix: str) -> dict:
    """The portal's three caches on the Redis at ``url``, their keys starting with ``prefix``."""
    default = {
        "BACKEND": "portal.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        # Redis answers within a millisecond when it is up; waiting longer only slows the page when it is not.
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 1, "IGNORE_EXCEPTIONS": True},
    }
    return {
        "default": default,
        "pages": {**default, "KEY_PREFIX": f"{prefix}:pages"},
        "renditions": {**default, "KEY_PREFIX": f"{prefix}:renditions"},
    }


if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "portal"))
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"},
        # One process (runserver); production settings keep pages on disk, shared by the workers.
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
        # A rendition never changes once made, so a cache per process is enough.
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
    }

# Anonymous full-page cache (pagecache): how long the portal keeps a page (emptied whenever content changes), and
# the Cache-Control it sends for browsers and for a CDN in front. 0 turns the portal's own cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
BROWSER_CACHE_SECONDS = env_int("BROWSER_CACHE_SECONDS", 0)
CDN_CACHE_SECONDS = env_int("CDN_CACHE_SECONDS", 60)
# The side column, footer and menus are kept between renders for pages the page cache does not answer.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 600)

# A CDN or caching proxy in front: purged on publish through wagtail.contrib.frontend_cache (docs/operations.md).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }

# Search. Wagtail's database backend serves the admin's search. The public search (search app) keeps its own
# folded index in the database and, when ELASTICSEARCH_URL is set, also in Elasticsearch, with short timeouts and
# the database as fallback.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal_")
ELASTICSEARCH_TIMEOUT = env_int("ELASTICSEARCH_TIMEOUT", 3)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Visitor counting: how many reverse proxies in front of the portal add to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Language and time. The public site is always Vietnamese (no LocaleMiddleware); editors may
# switch the admin to English in their account settings.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [SITE_DIR / "locale", SITE_DIR / "admin_locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = False

# Static files are served by WhiteNoise with compressed, content-hashed names.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [SITE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads: sizes bounded, document types allow-listed.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 30) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.PortalDocumentForm"  # the content must match the extension
# Reading the text of uploaded PDF and DOCX files for the search: limits on size, time, memory and length.
DOCUMENT_TEXT_MAX_BYTES = env_int("DOCUMENT_TEXT_MAX_MB", 25) * 1024 * 1024
DOCUMENT_TEXT_TIMEOUT = env_int("DOCUMENT_TEXT_TIMEOUT", 30)
DOCUMENT_TEXT_MEMORY_MB = env_int("DOCUMENT_TEXT_MEMORY_MB", 1024)
DOCUMENT_TEXT_MAX_CHARS = 300_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "gallery.forms.PortalImageForm"  # a file that cannot be decoded is refused
# Video and audio (wagtailmedia): the formats browsers play, a size limit, content that matches the extension.
WAGTAILMEDIA = {
    "MEDIA_FORM_BASE": "gallery.forms.PortalMediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "ogg"],
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
}
MEDIA_MAX_UPLOAD_SIZE = env_int("MEDIA_MAX_UPLOAD_MB", 200) * 1024 * 1024

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp) on every public response: scripts, styles, images and media come from the
# portal itself only, never inline; the one third party is the YouTube player, framed after a click on a video. The
# admin (Wagtail's own inline scripts) is excluded and keeps X-Frame-Options DENY. Downloads of legal documents set
# a stricter policy of their own, which the middleware leaves alone. CSP_EXTRA_SOURCES adds origins (a CDN for
# static or media files) to every fetch directive.
_CSP_EXTRA = env_list("CSP_EXTRA_SOURCES")
_CSP_SELF = ["'self'", *_CSP_EXTRA]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": _CSP_SELF,
        "script-src": _CSP_SELF,
        "style-src": _CSP_SELF,
        "img-src": [*_CSP_SELF, "data:"],
        "media-src": _CSP_SELF,
        "font-src": _CSP_SELF,
        "connect-src": _CSP_SELF,
        "frame-src": ["https://www.youtube-nocookie.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Permissions-Policy (django-permissions-policy): no page of the portal needs a device or sensor; fullscreen stays
# for the portal and the YouTube player.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self", "https://www.youtube-nocookie.com"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Cổng thông tin điện tử")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party requests from the admin either: avatars are uploaded, never fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea"},
}

# The open-data API (/api/v2/, opendata/api.py, docs/api.md): anonymous, read-only, throttled per client address
# (counted in the default cache). Its views set their own authentication and throttle classes, so the admin's API
# is not affected.
REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_RATES": {"opendata": os.environ.get("API_THROTTLE_RATE", "").strip() or "120/min"},
}

# E-mail (workflow notifications, password resets).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)

# Citizens' forms (questions, comments on drafts, ratings; portal/guard.py): a form sent sooner than this many
# seconds after it was shown is refused, and the browser's proof of work tries up to this many numbers.
GUARD_MIN_SECONDS = env_int("GUARD_MIN_SECONDS", 3)
GUARD_PROOF_MAX_NUMBER = env_int("GUARD_PROOF_MAX_NUMBER", 40_000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # One line per background task run is noise; failures are still logged as errors.
        "django_tasks": {"level": "WARNING"},
        # fpdf2 subsets fonts through fontTools, which reports every table it touches.
        "fontTools": {"level": "WARNING"},
    },
}

PORTAL_NAME = _("Electronic information portal")
