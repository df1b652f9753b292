"""Agreements in the register: registered, edited over the revision the form started from,
replaced, and adopted by bodies' decisions. Every rule lives in the model (full_clean) or
here, so the portal's pages and the admin apply the same ones."""

from datetime import date as date_type

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from agreements.models import DUPLICATE_REGISTER_ID, Agreement, Framework, Status
from core.history import save_with_history
from core.revisions import EditConflict, lock_for_edit, require_reason, save_revision
from governance.models import Body, Decision, DecisionSubject, case_number_for_body
from governance.services import decision_record


def _save(agreement: Agreement, *, user, reason: str) -> Agreement:
    try:
        with transaction.atomic():
            return save_with_history(agreement, user=user, reason=reason)
    except IntegrityError as error:  # lost a race for the same register id
        raise ValidationError({"register_id": DUPLICATE_REGISTER_ID}) from error


def _locked(agreement: Agreement, *, expected_revision: int | None) -> Agreement:
    """Lock the row; EditConflict when someone saved since `expected_revision` (None: no form
    started from a revision, as in the admin). Returns the revision the save will have."""
    current = lock_for_edit(Agreement.objects, agreement.pk, expected_revision=expected_revision)
    return current.revision + 1


@transaction.atomic
def agreement_create(
    *, user, agreement: Agreement, parties=(), topics=(), reason: str = ""
) -> Agreement:
    """Register a new agreement (built by the caller, unsaved) with its parties and topics."""
    _save(agreement, user=user, reason=reason or _("Överenskommelse registrerad"))
    agreement.parties.set(parties)
    agreement.topics.set(topics)
    return agreement


@transaction.atomic
def agreement_update(
    *,
    user,
    agreement: Agreement,
    reason: str,
    expected_revision: int | None = None,
    parties=None,
    topics=None,
) -> Agreement:
    """Save the edits made to an agreement (and its parties and topics, when given) over the
    revision the form started from; choose what replaces it with agreement_replace."""
    require_reason(reason, agreement.reason_prompt)
    agreement.revision = _locked(agreement, expected_revision=expected_revision)
    _save(agreement, user=user, reason=reason)
    if parties is not None:
        agreement.parties.set(parties)
    if topics is not None:
        agreement.topics.set(topics)
    return agreement


@transaction.atomic
def agreement_replace(
    *,
    user,
    agreement: Agreement,
    replaced_by: Agreement | Framework,
    expected_revision: int | None = None,
    reason: str = "",
) -> Agreement:
    """Mark an agreement as replaced by a newer agreement or by a framework, saving any other
    edits made to it with the change; the successor's history records it too.

    A successor that is adopted replaces it: its status becomes "replaced". A successor still
    in draft records the intent ("ska ersättas"); the agreement keeps its status until then.
    """
    # FOR UPDATE: two register admins replacing the same agreement at once save one after the other.
    agreement.revision = _locked(agreement, expected_revision=expected_revision)
    if isinstance(replaced_by, Agreement):
        agreement.replaced_by_agreement, agreement.replaced_by_framework = replaced_by, None
    else:
        agreement.replaced_by_agreement, agreement.replaced_by_framework = None, replaced_by
    if replaced_by.is_public:
        agreement.status = Status.REPLACED
        change = _("Ersatt av %(successor)s")
    else:
        change = _("Ska ersättas av %(successor)s")
    change %= {"successor": replaced_by}
    _save(agreement, user=user, reason=f"{change}. {reason}".strip() if reason else change)
    if isinstance(replaced_by, Agreement):
        successor = lock_for_edit(Agreement.objects, replaced_by.pk)
        successor.revision += 1
        _save(successor, user=user, reason=_("Ersätter %(older)s") % {"older": agreement})
    else:
        save_with_history(
            replaced_by, user=user, reason=_("Ersätter %(older)s") % {"older": agreement}
        )
    return agreement


@transaction.atomic
def adoption_add(
    *,
    user,
    agreement: Agreement,
    body: Body,
    case_number: str,
    date: date_type | None = None,
    kind: str = Decision.Kind.ADOPTION,
) -> Decision:
    """Record that `body` adopted the agreement under `case_number`: the body's decision under
    that number (registered now if it is not yet) comes to concern the agreement too. The case
    number must be the body's own (HSN for HSN), so a number is not filed under a wrong body."""
    try:
        number = case_number_for_body(body, case_number)
    except ValidationError as error:
        raise ValidationError({"case_number": error.messages}) from error
    if agreement.decisions.filter(
        decision__body=body, decision__case_numbers__case_number=number
    ).exists():
        raise ValidationError(
            {"case_number": _("Beslutet finns redan bland överenskommelsens fastställanden.")}
        )
    try:
        return decision_record(
            user=user,
            body=body,
            case_number=number,
            subjects=[agreement],
            kind=kind,
            date=date,
            reason=_("Fastställande av %(agreement)s") % {"agreement": agreement.register_id},
        )
    except ValidationError as error:
        raise ValidationError({"case_number": error.messages}) from error


@transaction.atomic
def adoption_remove(*, user, agreement: Agreement, link: DecisionSubject, reason: str) -> None:
    """Take a decision off the agreement's adoptions (registered against the wrong agreement);
    the decision itself stays in the register."""
    require_reason(reason, agreement.reason_prompt)
    content_type = ContentType.objects.get_for_model(Agreement)
    if (link.content_type_id, link.object_id) != (content_type.pk, agreement.pk):
        raise EditConflict(current=None)
    link._history_user = user
    link._change_reason = reason
    link.delete()


@transaction.atomic
def framework_create(*, user, framework: Framework, parties=(), covers=()) -> Framework:
    """Register a new framework (built by the caller, unsaved) with its parties and the
    agreements it covers."""
    save_with_history(framework, user=user, reason=_("Ramverk registrerat"))
    framework.parties.set(parties)
    framework.covers.set(covers)
    return framework


@transaction.atomic
def framework_update(
    *, user, framework: Framework, reason: str, expected_revision: int | None = None, **m2m
) -> Framework:
    """Save the edits made to a framework (and `parties` / `covers`, when given) over the
    revision the form started from."""
    save_revision(framework, user=user, reason=reason, expected_revision=expected_revision)
    for name in ("parties", "covers"):
        if m2m.get(name) is not None:
            getattr(framework, name).set(m2m[name])
    return framework
