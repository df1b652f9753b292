"""Middleware of our own: the admin's exception to the CSP, and login redirects for drafts."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.contrib.auth.views import redirect_to_login

from core.access import LoginRequired


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
