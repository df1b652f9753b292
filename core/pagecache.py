"""Public pages (and PDFs, calendars) from the shared cache for everyone not logged in, keyed
by the content version: one counter (`ContentVersion`) that every write to a model bumps in
its own transaction (post_save, post_delete, m2m_changed, like the search index's signals).

Why one counter for all content rather than one per plan or agreement: a page shows more
than its object (bodies, decisions, frameworks, other plans on the home page and Bevakning),
so a finer key has to name every table a page reads and is wrong the day a page reads one
more; writes are rare next to reads, so starting every page afresh after any write costs
little. Reading the counter is one query of one row.

A cached page can only be wrong if it was stored under a version that is still current but
rendered from older content. The version is read before the page reads anything, and a
write bumps it in the transaction that changes the content, so content older than the
version read cannot be seen: a page rendered during a write is stored under the version
that the write ends, and never read again.

Only requests that carry no session and no queued messages are cached (so no one logged in,
and no per-person content: the page is what any stranger gets), never htmx fragments, and
only responses that are 200, set no cookie (a form's CSRF token is per person), and are not
marked private or no-store. Drafts are never shown to strangers (core.access), so they never
enter this cache. The key adds the day (overdue markers, what is in force), the language,
and the host and scheme (absolute links in PDFs and calendars)."""

import hashlib
import logging

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, connection, models
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from redis.exceptions import RedisError

from core.models import ContentVersion, SearchEntry, SearchWord

logger = logging.getLogger(__name__)

ROW = 1
# A page's day is in its key, so a day is the longest an entry can serve.
TIMEOUT = 24 * 3600
# Larger answers (big PDFs) are served from their own storage (core.pdf.cached_pdf).
MAX_BYTES = 4 * 1024 * 1024
# Rows no page shows: logins, lockouts, the admin's log, derived data.
IGNORED_APPS = {"sessions", "axes", "admin", "contenttypes"}
IGNORED_MODELS = {ContentVersion, SearchEntry, SearchWord}


def content_version() -> str:
    """The current content version: the database's lineage and its count of writes ("" before
    the first write). Read on every cached page, so in plain SQL: the ORM's building of the
    query cost three times the query itself."""
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL, [ROW])
        row = cursor.fetchone()
    return f"{row[0]}:{row[1]}" if row else ""


VERSION_SQL = f"SELECT lineage, value FROM {ContentVersion._meta.db_table} WHERE id = %s"

# A second row of the same table counts the upgrades only (`migrate`, _after_migrate): what is
# stored by the look of its content rather than by the content version (the plan page's
# sections, plans.workbench.section_keys) holds HTML of the code that rendered it, which an
# upgrade may change without changing any content.
CODE_ROW = 2
VERSIONS_SQL = (
    f"SELECT id, lineage, value FROM {ContentVersion._meta.db_table} WHERE id IN (%s, %s)"
)


def content_versions() -> tuple[str, str]:
    """The content version and the code's (each "" before its first count), in one query."""
    with connection.cursor() as cursor:
        cursor.execute(VERSIONS_SQL, [ROW, CODE_ROW])
        rows = {row[0]: f"{row[1]}:{row[2]}" for row in cursor.fetchall()}
    return rows.get(ROW, ""), rows.get(CODE_ROW, "")


def bump_content_version(row: int = ROW) -> None:
    """Count a write, in the caller's transaction (the row lock is held until it ends)."""
    if not ContentVersion.objects.filter(pk=row).update(value=models.F("value") + 1):
        ContentVersion.objects.get_or_create(pk=row, defaults={"value": 1})


def _on_write(sender, **kwargs):
    # A migration's models (their own registry) may write before the counter's table exists;
    # `migrate` counts as one write when it is done (_after_migrate).
    if sender._meta.apps is not global_apps:
        return
    if sender._meta.app_label in IGNORED_APPS or sender in IGNORED_MODELS:
        return
    # simple-history's rows are written beside the change they record, which counts already.
    if getattr(sender, "instance_type", None) is not None:
        return
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    bump_content_version()


def _after_migrate(**kwargs):
    """An upgrade runs `migrate` (docs/operations.md): new code and templates start afresh."""
    bump_content_version()
    bump_content_version(CODE_ROW)


def connect(app_config) -> None:
    """Called from CoreConfig.ready: every model, including those of apps added later."""
    post_migrate.connect(_after_migrate, sender=app_config, dispatch_uid="pagecache-migrate")
    post_save.connect(_on_write, dispatch_uid="pagecache-save")
    post_delete.connect(_on_write, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_write, dispatch_uid="pagecache-m2m")


def _for_anyone(request) -> bool:
    return (
        request.method == "GET"
        and not request.path.startswith(tuple(settings.PAGE_CACHE_SKIPS))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_HX_REQUEST" not in request.META
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _key(request, version: str) -> str:
    parts = [
        version,
        timezone.localdate().isoformat(),
        # The language the request will be answered in (its cookie, then Accept-Language), read
        # from the request: this runs before LocaleMiddleware has activated it.
        translation.get_language_from_request(request),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def uncached(response):
    """Mark an answer the page cache must not keep: a stored document is checked against its
    hash every time it is served (core.documents), and a cached copy would skip the check."""
    response.page_cache = False
    return response


def _storable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(response, "page_cache", True)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and len(response.content) <= MAX_BYTES
    )


class PublicPageCacheMiddleware:
    """Placed before the session is read: a hit costs the version's query and one cache read.
    The outer middleware (security headers, CSP) still runs on every answer; what the inner
    ones added (Vary, X-Frame-Options) is stored with the page. The cache is a shortcut, never
    a dependency: when it or the counter cannot be read, the page is rendered as usual."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _for_anyone(request):
            return self.get_response(request)
        try:
            key = _key(request, content_version())
            stored = cache.get(key)
        except (DatabaseError, RedisError, OSError, DisallowedHost) as error:
            logger.debug("Sidcachen används inte: %s", error)
            return self.get_response(request)
        if stored is not None:
            status, headers, content = stored
            return HttpResponse(content, status=status, headers=headers)
        response = self.get_response(request)
        if _storable(request, response):
            try:
                cache.set(key, (200, dict(response.items()), response.content), TIMEOUT)
            except (RedisError, OSError) as error:  # the cache is away: serve, keep nothing
                logger.warning("Sidan kunde inte sparas i cachen: %s", error)
        return response
