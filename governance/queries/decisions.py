"""What the decision pages read: permission-aware fetchers for registering, editing and
removing a body's decisions (the register administrator's pages)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from core.access import require_permission
from governance.models import Body, Decision

WRITE_DENIED = _("Du har inte behörighet att registrera eller ändra beslut.")


def body_get_for_new_decision(*, user, slug: str) -> Body:
    require_permission(user, "governance.add_decision", WRITE_DENIED)
    return get_object_or_404(Body, slug=slug)


def decision_get_for_edit(*, user, pk: int, permission: str = "governance.change_decision"):
    """The decision with its body, case numbers and subject links (the form's initial values
    read them without further queries)."""
    require_permission(user, permission, WRITE_DENIED)
    return get_object_or_404(
        Decision.objects.select_related("body", "responds_to__body").prefetch_related(
            "case_numbers", "subjects"
        ),
        pk=pk,
    )
