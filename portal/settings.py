"""One settings module, configured by environment variables (see README.md)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG")

# Without SECRET_KEY the setting stays empty, and Django refuses an empty key only where one is
# read (sessions, CSRF, signing): commands that only read the code (makemigrations,
# showmigrations, help) run from a fresh checkout. Serving and `manage.py check` refuse at once
# (portal.secret_key). Development (DEBUG) and the tests (ALLOW_INSECURE_DEV_KEY) get a key
# that `check --deploy` warns about.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and (DEBUG or env_bool("ALLOW_INSECURE_DEV_KEY")):
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
if DEBUG:
    ALLOWED_HOSTS += ["127.0.0.1", "localhost", "[::1]"]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",  # django.contrib.admin, for superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "axes",
    "mozilla_django_oidc",
    "django_htmx",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "core",
    "governance",
    "agreements",
    "plans",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware, as django-cors-headers asks; it answers only under /api/.
    "corsheaders.middleware.CorsMiddleware",
    # Before the session is read and before any view or the CSRF check parses a body.
    "core.middleware.RequestGuardMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    # Before the session is read: pages for strangers from the shared cache (core.pagecache).
    "core.pagecache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the set_language cookie, else the browser's Accept-Language, else Swedish.
    # It adds Vary: Accept-Language and Cookie, so no shared cache mixes the languages.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivateForLoggedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.DraftLoginRedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout flagged during login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "portal.help.contacts",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        # A kept connection is tested before a request uses it, so the first request after a
        # database restart gets a fresh connection instead of an error.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out login before a password is even hashed.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Single sign-on by OpenID Connect (mozilla-django-oidc, portal/sso.py): on when OIDC_RP_CLIENT_ID
# is set. The provider's endpoints come from its discovery document (OIDC_OP_DISCOVERY_URL, read
# on the first SSO login, not at start: the portal starts and takes passwords while the provider
# is away), each overridable by its own variable. docs/operations.md, "Single sign-on".
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_DISCOVERY_URL = os.environ.get("OIDC_OP_DISCOVERY_URL", "")
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "regionens inloggning")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
# The claim that carries a person's groups or roles at the provider, and which of its values give
# which of the portal's roles: "value=role;value=role", role one of reader, strategist,
# register_admin. A person with none of these values is refused.
OIDC_ROLES_CLAIM = os.environ.get("OIDC_ROLES_CLAIM", "groups")
OIDC_ROLE_MAP = os.environ.get(
    "OIDC_ROLE_MAP",
    "portal-lasare=reader;portal-strateg=strategist;portal-registeradministrator=register_admin",
)
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True  # the hint for ending the provider's session at logout
OIDC_TIMEOUT = int(os.environ.get("OIDC_TIMEOUT", "10"))
if OIDC_RP_CLIENT_ID:
    # First: it answers only the provider's callback, and returns None for password logins.
    AUTHENTICATION_BACKENDS.insert(0, "portal.sso.SingleSignOnBackend")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Login defence (django-axes): five wrong passwords for one user name from one address lock
# that pair out for a quarter of an hour (429, templates/registration/locked_out.html). The
# pair, not the name alone: a stranger cannot lock a person out of their own account from
# elsewhere, and not the address alone: a whole municipality may share one.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
# The provider defends its own login; a refused SSO callback is no guessed password.
AXES_WHITELIST_CALLABLE = "portal.sso.is_sso_callback"
# Behind a proxy the client's address is in a header the proxy sets (e.g. HTTP_X_REAL_IP);
# the rate limits read the same one.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
if CLIENT_IP_HEADER:
    AXES_IPWARE_META_PRECEDENCE_ORDER = [CLIENT_IP_HEADER]
    RATELIMIT_IP_META_KEY = CLIENT_IP_HEADER

# Public forms are rate-limited per address (django-ratelimit, counted in the cache).
BARRIER_REPORT_RATE = os.environ.get("BARRIER_REPORT_RATE", "5/h")
PASSWORD_RESET_RATE = os.environ.get("PASSWORD_RESET_RATE", "5/h")

# A login lasts a working day at most, and ends when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_HOURS", "8")) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_RESET_TIMEOUT = 3600

# E-mail (password reset). Any SMTP server; in development the console.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# The address links in e-mail point to (the digest is written by the worker, which has no
# request to take the host from).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background work (large PDFs, e-mail): django-tasks with its database backend, run by
# `manage.py db_worker` (docs/operations.md). A job that fails is tried again after a delay
# that grows with each attempt, at most BACKGROUND_MAX_ATTEMPTS times in all.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
BACKGROUND_MAX_ATTEMPTS = int(os.environ.get("BACKGROUND_MAX_ATTEMPTS", "3"))
BACKGROUND_RETRY_SECONDS = int(os.environ.get("BACKGROUND_RETRY_SECONDS", "30"))
# How many days ahead the daily digest looks (reviews, due items, meetings).
DIGEST_DAYS = int(os.environ.get("DIGEST_DAYS", "14"))

# Who people write to: the register's keepers (named on the 403 page, the help pages and in
# the footer) and the accessibility contact (the accessibility statement). Empty: not shown,
# and `check --deploy` warns.
CONTACT_REGISTER_NAME = os.environ.get("CONTACT_REGISTER_NAME", "")
CONTACT_REGISTER_EMAIL = os.environ.get("CONTACT_REGISTER_EMAIL", "")
CONTACT_ACCESSIBILITY_EMAIL = os.environ.get("CONTACT_ACCESSIBILITY_EMAIL", "")

# The cache holds the rate limits' counters and the public pages (core.pagecache): shared by
# every worker and app server through Redis in production (REDIS_URL; `check --deploy` warns
# without it), per process otherwise (`make run`, the tests).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {
            # Django's, sharing one client per pool (core/cache.py says why).
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Several portals (or test runs) may share one Redis database.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Paths the page cache leaves alone: the open-data API answers every request itself, so its
# limit per address counts each one and a conditional GET gets its 304.
PAGE_CACHE_SKIPS = ["/api/"]

# Swedish unless the reader asks for English (the switch in the footer, or their browser's
# Accept-Language on the first visit). The URLs stay Swedish whatever the language.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
# The language the portal's content is written in (agreements, plans, bodies, decisions,
# reports: data, never translated). Pages in another language mark it so that it is read aloud
# and hyphenated as Swedish (WCAG 3.1.2): core.content_language.
CONTENT_LANGUAGE = "sv"
# A year, as the choice of language is not a secret; readable by the server only.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Without a collected manifest (development, tests) whitenoise serves straight from the finders.
WHITENOISE_USE_FINDERS = not env_bool("STATIC_MANIFEST", not DEBUG)

# Media (attachments, issued board reports, the PDF cache) on the file system under MEDIA_ROOT,
# or, with S3_BUCKET set, in any S3-compatible object store through django-storages
# (`pip install ".[s3]"`; credentials from the AWS_* variables boto3 reads). Files stay private:
# the portal serves them through its own access checks.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
MEDIA_STORAGE = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if WHITENOISE_USE_FINDERS
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads: agreement attachments are PDFs and office documents, never larger than this.
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(20 * 1024 * 1024)))
# Largest file an import (an agreement register, a plan from Word) takes.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Security headers. Everything we serve is same-origin (templates, our CSS and JS, htmx from
# django-htmx), so one strict policy fits; core.middleware lets the admin style inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = {"camera": [], "microphone": [], "geolocation": []}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# LOG_FORMAT=json: one JSON object per line (python-json-logger), for a log collector.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # pikepdf and WeasyPrint narrate their work at INFO; their warnings still show.
    # django-axes announces itself at INFO in every process; its lockouts are warnings.
    "loggers": {
        "pikepdf": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# Requests per client address to the API (429 beyond it); counted in the cache.
API_RATE = os.environ.get("API_RATE", "120/min")
# The open-data API (/api/v1/, portal/api/): read-only, anonymous for everyone (open data:
# a logged-in reader's drafts never show there), JSON only, paged, throttled per address.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "portal.api.policy.Pagination",
    "DEFAULT_THROTTLE_CLASSES": ["portal.api.policy.AddressThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "portal.api.policy.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samverkansportalen – öppna data",
    "DESCRIPTION": (
        "Det som är publicerat i portalen, maskinläsbart: huvudmän, organ, uppdrag, "
        "överenskommelser, ramverk, planer, beslut, sammanträden och expedierade "
        "tjänsteskrivelser. Utkast finns aldrig här. Namnen och deras motsvarigheter i "
        "OParl: docs/api.md."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files from the drf-spectacular-sidecar package, served as our own static
    # files: the CSP allows no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Several models call their choices Kind or Status: each set gets its own name.
    "ENUM_NAME_OVERRIDES": {
        "OrganisationKindEnum": "portal.api.enums.OrganisationKindEnum",
        "BodyKindEnum": "portal.api.enums.BodyKindEnum",
        "DecisionKindEnum": "portal.api.enums.DecisionKindEnum",
        "MeetingKindEnum": "portal.api.enums.MeetingKindEnum",
        "AgreementKindEnum": "portal.api.enums.AgreementKindEnum",
        "PlanKindEnum": "portal.api.enums.PlanKindEnum",
        "RegisterStatusEnum": "portal.api.enums.RegisterStatusEnum",
        "PlanStatusEnum": "portal.api.enums.PlanStatusEnum",
        "BoardReportStatusEnum": "portal.api.enums.BoardReportStatusEnum",
    },
}
# Cross-origin reads of the API from any site (it is public data, read without cookies);
# nothing else of the portal is opened to other origins.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

# History: a change's reason is kept whole (a text column, not varchar(100)).
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# PDFs: archival and tagged by default (PDF/A-2a); any variant WeasyPrint knows, or empty for none.
PDF_VARIANT = os.environ.get("PDF_VARIANT", "pdf/a-2a")
