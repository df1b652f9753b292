"""Principals (huvudmän), their departments (förvaltningar) and their bodies (organ) in the
register: registered, and edited over the revision the form started from with a reason in the
history; a department no board report names can be removed. The rules live in the
models (full_clean) and here, so the portal's pages and the admin apply the same ones."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.history import save_with_history
from core.revisions import lock_for_edit, require_reason, save_revision
from governance.models import Body, Department, Organisation


def _unique(save):
    """Run `save`; a lost race for a unique name, slug or number (two register admins saving
    the same at once) answers as full_clean would have, never as a database error."""
    try:
        with transaction.atomic():
            return save()
    except IntegrityError as error:
        raise ValidationError(
            _("Namnet, kortnamnet eller numret har just registrerats av någon annan.")
        ) from error


@transaction.atomic
def organisation_create(*, user, organisation: Organisation) -> Organisation:
    """Register a new principal (built by the caller, unsaved)."""
    return _unique(
        lambda: save_with_history(organisation, user=user, reason=_("Huvudman registrerad"))
    )


@transaction.atomic
def organisation_update(
    *, user, organisation: Organisation, reason: str, expected_revision: int | None = None
) -> Organisation:
    """Save the edits made to a principal over the revision the form started from."""
    return _unique(
        lambda: save_revision(
            organisation, user=user, reason=reason, expected_revision=expected_revision
        )
    )


def _require_organisations(organisations) -> None:
    if not organisations:
        raise ValidationError({"organisations": _("Ett organ hör till minst en huvudman.")})


@transaction.atomic
def body_create(*, user, body: Body, organisations) -> Body:
    """Register a new body (built by the caller, unsaved) of one or more principals (a joint
    body belongs to each of them)."""
    _require_organisations(organisations)
    _unique(lambda: save_with_history(body, user=user, reason=_("Organ registrerat")))
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
    _unique(
        lambda: save_revision(body, user=user, reason=reason, expected_revision=expected_revision)
    )
    if organisations is not None:
        body.organisations.set(organisations)
    return body


@transaction.atomic
def department_create(*, user, department: Department) -> Department:
    """Register a new department (built by the caller, unsaved, with its principal). Its name
    is unique within the principal (the model's constraint, in Swedish)."""
    return _unique(
        lambda: save_with_history(department, user=user, reason=_("Förvaltning registrerad"))
    )


@transaction.atomic
def department_update(
    *, user, department: Department, reason: str, expected_revision: int | None = None
) -> Department:
    """Save the edits made to a department over the revision the form started from."""
    return _unique(
        lambda: save_revision(
            department, user=user, reason=reason, expected_revision=expected_revision
        )
    )


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
