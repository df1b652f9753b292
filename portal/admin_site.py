"""The Django admin, for superusers only. Register administrators keep the registers in the
portal's own pages (with reasons, revisions and Swedish messages); the admin is the
operator's tool, and a logged-in person who is not a superuser is told so in Swedish (403)
instead of being sent to the admin's login again."""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

REFUSED = _(
    "Administrationen är bara för superanvändare. Register, organ, sammanträden och beslut "
    "sköts på portalens egna sidor."
)


class PortalAdminSite(admin.AdminSite):
    site_header = _("Samverkansportalen – administration")
    site_title = "Samverkansportalen"

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def _refuse_logged_in(self, request) -> None:
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied(REFUSED)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def superusers_only(request, *args, **kwargs):
            self._refuse_logged_in(request)
            return inner(request, *args, **kwargs)

        return superusers_only

    def login(self, request, extra_context=None):
        self._refuse_logged_in(request)
        return super().login(request, extra_context)
