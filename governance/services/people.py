"""People in public roles and their memberships (uppdrag) in bodies: registered, edited over
the revision the form started from, ended and removed, each change with a reason in the
history. Removing keeps the record of who sat where: the historical rows stay."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.revisions import lock_for_edit, register_services, require_reason
from governance.models import Membership, Person

person_create, person_update = register_services(
    Person, registered=gettext_lazy("Person registrerad")
)


def _delete(instance, *, user, reason: str) -> None:
    instance._history_user = user
    instance._change_reason = reason or None
    instance.delete()


@transaction.atomic
def person_remove(
    *, user, person: Person, reason: str, expected_revision: int | None = None
) -> None:
    """Remove a person and their memberships (registered by mistake, or asked to be removed);
    their historical rows keep the record of who sat where, with the reason. The admin
    deletes people through this too."""
    require_reason(reason, _("Ange varför personen tas bort."))
    lock_for_edit(Person.objects, person.pk, expected_revision=expected_revision)
    for membership in person.memberships.all():
        _delete(membership, user=user, reason=reason)
    _delete(person, user=user, reason=reason)


# A membership is written alike, with a person new to the register beside it (membership_add).
_membership_register, membership_update = register_services(
    Membership, registered=gettext_lazy("Uppdrag registrerat")
)


@transaction.atomic
def membership_add(*, user, membership: Membership) -> Membership:
    """Register a membership (built by the caller, unsaved). A person not yet in the register
    (an unsaved `membership.person`) is registered with it."""
    if membership.person.pk is None:
        membership.person = person_create(user=user, person=membership.person)
    return _membership_register(user=user, membership=membership)


@transaction.atomic
def membership_end(
    *,
    user,
    membership: Membership,
    until: date,
    reason: str,
    expected_revision: int | None = None,
) -> Membership:
    """End a membership on `until` (the last day): it stays in the register and in the
    history, and no longer counts among the body's current members."""
    membership.valid_until = until
    return membership_update(
        user=user, membership=membership, reason=reason, expected_revision=expected_revision
    )


@transaction.atomic
def membership_remove(
    *, user, membership: Membership, reason: str, expected_revision: int | None = None
) -> None:
    """Remove a membership registered by mistake (one that has ended is ended, not removed);
    the history keeps it, with the reason."""
    require_reason(reason, _("Ange varför uppdraget tas bort."))
    lock_for_edit(Membership.objects, membership.pk, expected_revision=expected_revision)
    _delete(membership, user=user, reason=reason)
