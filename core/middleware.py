"""Middleware of our own: the admin's exception to the CSP, login redirects for drafts, refusing
hostile input before anything reads it, and a 503 while the database is away."""

import logging

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from core.access import LoginRequired

logger = logging.getLogger(__name__)

# How long a client should wait before asking again while the database is away (seconds).
RETRY_AFTER = 30


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with settings.CONTENT_SECURITY_POLICY, except that the Django
    admin may use inline styles: it styles some widgets inline; it is staff-only, and its
    scripts stay same-origin."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/admin/"):
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return parts


class DraftLoginRedirectMiddleware:
    """Send anonymous visitors who ask for a draft (core.access.LoginRequired) to the login
    page, and back afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LoginRequired):
            return redirect_to_login(request.get_full_path())
        return None


def accepts_files(view):
    """Mark a view that takes uploaded files; RequestGuardMiddleware refuses file uploads
    (multipart bodies) to every other view before reading them."""
    view.accepts_files = True
    return view


def _has_nul(values) -> bool:
    return any("\x00" in value for value in values)


def _query_and_cookie_values(request):
    for key, values in request.GET.lists():
        yield key
        yield from values
    yield from request.COOKIES.keys()
    yield from request.COOKIES.values()


# What parsing a body that is not what it claims to be raises (an undeclared or non-UTF-8
# charset, a broken multipart body, too many fields, too large, an unknown encoding).
BODY_ERRORS = (BadRequest, SuspiciousOperation, MultiPartParserError, LookupError, ValueError)


class RequestGuardMiddleware:
    """Refuse, with the app's Swedish page and a 4xx, what no page of ours can take, before a
    view, the session or the CSRF check reads it.

    - A NUL character in the path, the query or a cookie (PostgreSQL cannot compare or store
      one, so a lookup with it fails in the database): 400.
    - A file upload (multipart body) to a view that takes none (`accepts_files`), or from
      someone not logged in: 413, before the body is read, so a stranger cannot make us
      spool large bodies.
    - A form body that cannot be decoded (say a charset other than UTF-8), or that holds a
      NUL: 400. Django raises for such a body wherever POST is first read, and again on every
      later read, the error pages' CSRF check included, which turned a 400 into a bare 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_nul(_query_and_cookie_values(request)):
            # The cookies are not ours to trust now: the page renders without a session.
            request.COOKIES = {}
            return _bad_request(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        if request.content_type == "multipart/form-data" and not _may_upload(request, view_func):
            return render(
                request,
                "core/request_refused.html",
                {
                    "title": _("Filen togs inte emot"),
                    "message": _("Den här sidan tar inte emot filer. Ingenting har sparats."),
                },
                status=413,
            )
        try:
            posted = request.POST
        except BODY_ERRORS:
            request.POST = QueryDict()  # so that nothing after us parses it again
            return _bad_request(request)
        if _has_nul(key for key in posted) or _has_nul(
            value for values in posted.lists() for value in values[1]
        ):
            request.POST = QueryDict()
            return _bad_request(request)
        return None


def _may_upload(request, view_func) -> bool:
    """Only people who are logged in upload, to views that take files (the admin's forms for
    attachments among them, for superusers, the only ones the admin lets in); a stranger's
    upload is never parsed."""
    if getattr(view_func, "accepts_files", False):
        return request.user.is_authenticated
    match = request.resolver_match
    return bool(match and match.app_name == "admin" and request.user.is_superuser)


def _bad_request(request):
    return render(request, "400.html", status=400)


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, answer 503 with Retry-After and a page that needs
    no database, and log the outage once (not a traceback per request); log again when it is
    back. Django reconnects by itself (CONN_HEALTH_CHECKS), so the service heals without a
    restart."""

    down = False  # per process: whether this worker has logged an outage not yet over

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Back only once a request has used the database again (many pages need none).
        if (
            DatabaseUnavailableMiddleware.down
            and response.status_code < 500
            and connection.connection is not None
        ):
            DatabaseUnavailableMiddleware.down = False
            logger.warning("Databasen svarar igen.")
        return response

    def process_exception(self, request, exception):
        return database_outage_response(exception)


def database_outage_response(exception) -> HttpResponse | None:
    """The 503 for an error that is the database being away (logged once per outage), None for
    any other. Used for errors in views (above) and for those met outside a view, through the
    500 handler (portal.views.server_error): a 404 page loading the session's user to draw its
    header, a session saved after the response was made."""
    if not isinstance(exception, OperationalError | InterfaceError):
        return None
    if not DatabaseUnavailableMiddleware.down:
        DatabaseUnavailableMiddleware.down = True
        first_line = (str(exception).strip().splitlines() or [type(exception).__name__])[0]
        logger.error("Databasen kan inte nås: %s", first_line)
    return database_unavailable_response()


def database_unavailable_response() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    # Logged above once per outage; Django's own line per response would repeat it.
    response._has_been_logged = True
    return response


class PrivateForLoggedInMiddleware:
    """A page for someone logged in may show drafts: `Cache-Control: private`, so that no
    shared cache (a proxy, a CDN) keeps it for the next visitor. Pages that never looked at
    the session (the same for everyone) are left as they are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if (
            response.status_code < 500
            and session is not None
            and session.accessed
            and session.get(SESSION_KEY)
        ):
            patch_cache_control(response, private=True)
        return response
