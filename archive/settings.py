"""Settings for the Peninsula archive, read from the environment with safe local defaults."""
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from dotenv import load_dotenv
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# A local `.env` (KEY=value lines; `make run` writes one with DJANGO_DEBUG=1) fills in what the real
# environment leaves unset: a real variable always wins. DJANGO_ENV_FILE names another file; empty reads none
# (the test settings set it empty, so a developer's .env never reaches the tests or their subprocesses).
_env_file = os.environ.get("DJANGO_ENV_FILE", str(BASE_DIR / ".env"))
if _env_file:
    load_dotenv(_env_file, override=False)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only-used-when-debug-is-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "archive.apps.ArchiveAdminConfig",  # django.contrib.admin, its autocomplete labelled
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "taggit",
    "reversion",
    "django_prose_editor",  # the body editor's static files (articles/admin/body_editor.py)
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",  # the task queue's database backend (send_digests as a task: articles/follows/tasks.py)
    "archive",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A NUL in the path or query: 404 (PostgreSQL refuses it in any text value).
    "archive.nul_bytes.RefuseNulBytesMiddleware",
    # Compresses HTML; before ConditionalGet so ETags are computed on the uncompressed page. BREACH:
    # public pages hold no secret (no CSRF token), and Django pads each compressed response at random.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Drops the session's `Vary: Cookie` from pages sent `public` to every anonymous reader.
    "archive.middleware.SharedPagesVaryMiddleware",
    # An anonymous reader's page straight from the page cache, before sessions and the view.
    "articles.caching.middleware.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.middleware.LegacyRedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "archive.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers on one SQLite file: readers never wait for the writer (WAL), and a
    # writing transaction takes its lock up front instead of failing with "database is locked".
    # A writer waits up to SQLITE_BUSY_TIMEOUT seconds for the lock (an import holds it while it writes);
    # past that the request answers 503 with Retry-After (archive/errors.py), never a 500.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE",
         "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "15"))}
    )
# How long a visitor is told to wait when the database is busy (503 Retry-After).
BUSY_RETRY_AFTER_SECONDS = int(os.environ.get("BUSY_RETRY_AFTER_SECONDS", "10"))

_cache_url = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL")
# Two caches: "default" keeps pages and derived values and may evict them; "state" keeps what must never
# be evicted (the content generation, rate-limit counters): small, and nothing in it is culled.
if _cache_url:
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _cache_url,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "peninsula"),
        # Fail fast (and let /healthz say so) rather than hang a worker on a dead Redis.
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
    # One Redis for both: with a maxmemory, use a volatile-* policy (pages expire; the generation does not).
    CACHES = {"default": _redis, "state": {**_redis, "KEY_PREFIX": f"{_redis['KEY_PREFIX']}-state"}}
else:
    # No server needed: diskcache's SQLite-backed cache on local disk, shared by every gunicorn worker on
    # this host (process-safe), so a cached page and the generation number that retires it are the same
    # for all of them. Several hosts need REDIS_URL. Past CACHE_SIZE_MB the least recently used entries go
    # (bench/cache_backends.py: faster than Django's FileBasedCache, which lists its directory on every
    # write and culls at random).
    _cache_dir = os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache"))
    CACHES = {
        "default": {
            "BACKEND": "archive.disk_cache.PersistentDjangoCache",
            "LOCATION": _cache_dir,
            "SHARDS": 8,
            "DATABASE_TIMEOUT": 0.05,  # a read waiting longer on a writer counts as a miss
            "OPTIONS": {"size_limit": int(os.environ.get("CACHE_SIZE_MB", "1024")) * 2**20,
                        "eviction_policy": "least-recently-used"},
        },
        "state": {
            "BACKEND": "archive.disk_cache.PersistentDjangoCache",
            "LOCATION": os.path.join(_cache_dir, "state"),
            "SHARDS": 1,
            "DATABASE_TIMEOUT": 1,
            "OPTIONS": {"eviction_policy": "none"},
        },
    }

# Admin login lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
# one address, that pair is locked out for AXES_COOLOFF_HOURS. Tests log in with force_login().
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The visitor's address by the same rule as the mailing list's limits (TRUSTED_PROXY_COUNT below):
# behind a proxy REMOTE_ADDR is the proxy, and keying on it would let anyone lock any editor out.
AXES_CLIENT_IP_CALLABLE = "archive.rate_limits.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = os.environ.get("MEDIA_URL", "media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded pictures live in the default storage: the media folder, served by the app (archive.media),
# or, with MEDIA_BUCKET set, an S3-compatible bucket through django-storages (docs/readers.md, "Pictures").
if os.environ.get("MEDIA_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_ENDPOINT_URL") or None,  # None: Amazon S3 itself
            "region_name": os.environ.get("MEDIA_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_CUSTOM_DOMAIN") or None,  # a CDN in front of the bucket
            "querystring_auth": False,  # public pictures: plain, cacheable URLs
            "file_overwrite": False,
            "default_acl": None,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    # Credentials come from boto3's usual places: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a role.
    _options = STORAGES["default"]["OPTIONS"]
    MEDIA_ORIGINS = [f"https://{_options['custom_domain']}" if _options["custom_domain"]
                     else _options["endpoint_url"] or "https://*.amazonaws.com"]
else:
    MEDIA_ORIGINS = []
SERVE_MEDIA = env_bool("SERVE_MEDIA", not os.environ.get("MEDIA_BUCKET"))
# Hosts whose pictures article bodies may show (imports point at the old site's uploads), as
# https://host entries for the Content-Security-Policy's img-src.
IMAGE_HOSTS = env_list("IMAGE_HOSTS")

# Pictures fetched by imports (--copy-images; articles/images/safe_fetch.py) and uploaded in the admin.
# import_wxr and import_page copy reachable pictures into storage unless this is off (or --no-copy-images).
IMPORT_COPY_IMAGES = env_bool("IMPORT_COPY_IMAGES", True)
PICTURE_FETCH_TIMEOUT_SECONDS = float(os.environ.get("PICTURE_FETCH_TIMEOUT_SECONDS", "10"))
PICTURE_FETCH_MAX_BYTES = int(os.environ.get("PICTURE_FETCH_MAX_BYTES", str(10 * 1024 * 1024)))
PICTURE_FETCH_TOTAL_SECONDS = float(os.environ.get("PICTURE_FETCH_TOTAL_SECONDS", "120"))
# "host:port" pairs a fetch may reach on a non-public address: for tests only, never from the environment.
FETCH_ALLOWED_PRIVATE_HOSTS = []
PICTURE_UPLOAD_MAX_BYTES = int(os.environ.get("PICTURE_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TAGGIT_CASE_INSENSITIVE = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "The Peninsula <peninsula@localhost>")
# At volume, an email service through django-anymail: EMAIL_PROVIDER=amazon_ses|mailgun|postmark|sendgrid|...
# (any anymail.backends module) and its settings as ANYMAIL_<NAME> variables, e.g. ANYMAIL_MAILGUN_API_KEY,
# ANYMAIL_MAILGUN_SENDER_DOMAIN, ANYMAIL_POSTMARK_SERVER_TOKEN, ANYMAIL_SENDGRID_API_KEY (SES: boto3's own
# AWS_* credentials). Without it, the SMTP/console settings above.
if os.environ.get("EMAIL_PROVIDER"):
    EMAIL_BACKEND = f"anymail.backends.{os.environ['EMAIL_PROVIDER'].strip().lower()}.EmailBackend"
    ANYMAIL = {name.removeprefix("ANYMAIL_"): value for name, value in os.environ.items()
               if name.startswith("ANYMAIL_")}
# The mailto: address follow-by-email messages offer in List-Unsubscribe beside their one-click URL (optional).
LIST_UNSUBSCRIBE_MAILTO = os.environ.get("LIST_UNSUBSCRIBE_MAILTO", "")
# Scheduled work through a task queue (django-tasks): the database backend by default, `manage.py db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Behind a TLS-terminating proxy in production; all of these are on unless debugging.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# Off only for plain-HTTP runs on 127.0.0.1 (benchmarks); never in production.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))  # a hung mail server fails the send, not the page

# How many proxies in front of the site append to X-Forwarded-For (0: use REMOTE_ADDR as is).
# Per-IP limits (mailing-list sign-ups) use the address those proxies saw.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Hostile input (issue 24): limits checked before a body is sanitised, far above any real article
# (the longest are about 100 kB and nest under 20 deep), so no post can hold a worker for long.
BODY_MAX_BYTES = int(os.environ.get("BODY_MAX_BYTES", "2000000"))
BODY_MAX_DEPTH = int(os.environ.get("BODY_MAX_DEPTH", "100"))
# Least time between two server autosaves of one user (the editor sends one every 15 s at most).
AUTOSAVE_MIN_SECONDS = int(os.environ.get("AUTOSAVE_MIN_SECONDS", "3"))
ENTITY_ALIAS_MAX_LENGTH = int(os.environ.get("ENTITY_ALIAS_MAX_LENGTH", "200"))
# Request bodies: a form may carry the largest body, percent-encoded (up to 3 bytes a byte), and the rest
# of the change form; Django answers 400 past these. Files stream to disk past FILE_UPLOAD_MAX_MEMORY_SIZE.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", str(3 * BODY_MAX_BYTES + 500_000)))
FILE_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("FILE_UPLOAD_MAX_MEMORY_SIZE", "2621440"))
# The article form with its inlines (authors, categories, entities, links) and bulk actions on a page.
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FIELDS", "2000"))
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FILES", "20"))

# Longest a rendered public page stays cached; any content change drops it sooner.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Pages each worker also keeps in memory, as it last sent them (checked against the shared generation).
PAGE_CACHE_RECENT_PAGES = int(os.environ.get("PAGE_CACHE_RECENT_PAGES", "200"))
# How long a CDN may serve a cached public page without asking (0: it asks every time, getting a 304).
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "0"))
# Content-Security-Policy on every response (django-csp): no inline script or style anywhere, so no
# 'unsafe-inline' and no nonces. JSON-LD blocks are data, not scripts, and need no allowance.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS, *IMAGE_HOSTS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

SITE_NAME = "The Peninsula"
# Who publishes the site: JSON-LD's publisher, citations, the citation_publisher meta tag.
SITE_PUBLISHER = os.environ.get("SITE_PUBLISHER", "Korea Economic Institute of America")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# URLs per sitemap page (/sitemap-<section>.xml?p=N); the protocol allows 50,000.
SITEMAP_PAGE_SIZE = int(os.environ.get("SITEMAP_PAGE_SIZE", "5000"))

# One line per event on stdout (tracebacks folded onto the line); gunicorn adds one line per request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"()": "archive.logformat.OneLineFormatter",
                            "format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                            "formatter": "line"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's default "django" handlers (stderr in debug, mail_admins) with the one line.
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
    },
}
