"""Principals (huvudmän), their departments (förvaltningar) and their bodies (organ) in the
register: registered, and edited over the revision the form started from with a reason in the
history; a department no board report names can be removed. The rules live in the
models (full_clean) and here, so the portal's pages and the admin apply the same ones."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.revisions import lock_for_edit, register_services, require_reason
from governance.models import Body, Department, Organisation

# The uniqueness rule of the three registers in words: a lost race for a unique name, slug or
# number (core.revisions.register_services).
TAKEN = gettext_lazy("Namnet, kortnamnet eller numret har just registrerats av någon annan.")

organisation_create, organisation_update = register_services(
    Organisation, registered=gettext_lazy("Huvudman registrerad"), taken=TAKEN
)

# A department's name is unique within its principal (the model's constraint, in Swedish).
department_create, department_update = register_services(
    Department, registered=gettext_lazy("Förvaltning registrerad"), taken=TAKEN
)

# A body is written alike, with its principals beside it (body_create and body_update).
_body_register, _body_save = register_services(
    Body, registered=gettext_lazy("Organ registrerat"), taken=TAKEN
)


def _require_organisations(organisations) -> None:
    if not organisations:
        raise ValidationError({"organisations": _("Ett organ hör till minst en huvudman.")})


@transaction.atomic
def body_create(*, user, body: Body, organisations) -> Body:
    """Register a new body (built by the caller, unsaved) of one or more principals (a joint
    body belongs to each of them)."""
    _require_organisations(organisations)
    _body_register(user=user, body=body)
    body.organisations.set(organisations)
    return body


@transaction.atomic
def body_update(
    *, user, body: Body, reason: str, expected_revision: int | None = None, organisations=None
) -> Body:
    """Save the edits made to a body (and its principals, when given) over the revision the
    form started from. A body reporting to itself, even through others, is refused
    (Body.clean)."""
    if organisations is not None:
        _require_organisations(organisations)
    _body_save(user=user, body=body, reason=reason, expected_revision=expected_revision)
    if organisations is not None:
        body.organisations.set(organisations)
    return body


@transaction.atomic
def department_remove(
    *, user, department: Department, reason: str, expected_revision: int | None = None
) -> None:
    """Remove a department registered by mistake; the history keeps it, with the reason. One
    that board reports come from stays: removing it would silently take it off them (the
    link is many-to-many, so the database would not refuse)."""
    require_reason(reason, _("Ange varför förvaltningen tas bort."))
    department = lock_for_edit(
        Department.objects, department.pk, expected_revision=expected_revision
    )
    reports = department.board_reports.count()
    if reports:
        raise ValidationError(
            ngettext(
                "Förvaltningen kan inte tas bort: %(count)s tjänsteskrivelse kommer från den.",
                "Förvaltningen kan inte tas bort: %(count)s tjänsteskrivelser kommer från den.",
                reports,
            )
            % {"count": reports}
        )
    department._history_user = user
    department._change_reason = reason
    department.delete()
