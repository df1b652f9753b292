"""Access decisions shared by every app: one visibility rule and one way to demand a permission.

Reading what is public (adopted, in force, issued) needs nothing; drafts and every edit need a
login and a permission. Both are raised as exceptions, so a fetcher in `queries.py` decides
and the view stays thin: `LoginRequired` becomes a redirect to the login page
(core.middleware), `PermissionDenied` a 403 page that gives the reason.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

DRAFTS_DENIED = _("Du har inte behörighet att läsa utkast.")


class LoginRequired(Exception):
    """The content exists but needs a login (a draft). Raised by the apps' permission-aware
    fetchers; core.middleware turns it into a redirect to the login page."""


def has_permission(user, permission: str) -> bool:
    return user.is_authenticated and user.has_perm(permission)


def require_permission(user, permission: str, reason: str) -> None:
    """Anonymous visitors are asked to log in; a logged-in user without the permission gets a
    403 that says why (`reason`, in Swedish)."""
    if not user.is_authenticated:
        raise LoginRequired
    if not user.has_perm(permission):
        raise PermissionDenied(reason)


def may_read(user, obj) -> bool:
    """The visibility rule for an object of any app, met where a page of one app names an
    object of another (a decision's subject): public, or a draft and the user holds its
    app's permission to view it (the draft permission of each app's queries)."""
    meta = obj._meta
    return getattr(obj, "is_public", True) or has_permission(
        user, f"{meta.app_label}.view_{meta.model_name}"
    )


def require_visible(user, obj, *, draft_permission: str) -> None:
    """The one visibility rule: public content to everyone, drafts only to those who hold the
    app's permission to read drafts."""
    if not obj.is_public:
        require_permission(user, draft_permission, DRAFTS_DENIED)


def get_visible_or_404(user, queryset, *, draft_permission: str, **lookup):
    """The object of `queryset` that `lookup` names (404 when there is none), as the one
    visibility rule lets the user read it (require_visible)."""
    obj = get_object_or_404(queryset, **lookup)
    require_visible(user, obj, draft_permission=draft_permission)
    return obj
