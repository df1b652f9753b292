"""Recording decisions (beslut) as documents write them: their kind, case numbers (none, one
or several), what they are about, and the recommendation a party's decision answers."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as date_type
from itertools import zip_longest

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history

from core.history import save_with_history
from core.revisions import lock_for_edit, require_reason
from core.validators import normalise_case_number
from governance.models import (
    AgendaItem,
    Body,
    Decision,
    DecisionCaseNumber,
    DecisionSubject,
    case_number_for_body,
)

# A field decision_update leaves as it is (None is a value: no date, no recommendation).
KEEP = object()


def _concurrent() -> str:
    return _("Beslutet registrerades samtidigt av någon annan. Försök igen.")


def _case_numbers_for(body: Body, numbers: Iterable[str]) -> tuple[list[str], dict[str, int]]:
    """Each number canonical and the body's own, each once, in the order given; and which
    decision of the body holds each of them already."""
    canonical: list[str] = []
    for number in numbers:
        try:
            text = case_number_for_body(body, number)
        except ValidationError as error:
            raise ValidationError({"case_numbers": error.messages}) from error
        if text not in canonical:
            canonical.append(text)
    taken = DecisionCaseNumber.objects.filter(body=body, case_number__in=canonical)
    return canonical, {row.case_number: row.decision_id for row in taken}


def _refuse_taken(numbers: dict[str, int], *, decision_id: int | None) -> None:
    others = sorted(number for number, owner in numbers.items() if owner != decision_id)
    if others:
        raise ValidationError(
            {
                "case_numbers": _("Organet har redan ett beslut med ärendenumret %(numbers)s.")
                % {"numbers": ", ".join(others)}
            }
        )


def _write_case_numbers(
    *, user, decision: Decision, numbers: Sequence[str], reason: str = ""
) -> None:
    """Rows in place: the n-th number updates the n-th row, so each row's history says
    "changed"; surplus rows are deleted."""
    stored = list(decision.case_numbers.order_by("position", "pk"))
    for row in stored[len(numbers) :]:
        _delete_with_history(row, user=user, reason=reason)
    kept = stored[: len(numbers)]
    # Two numbers swapping places would each collide with the other's row under the unique
    # constraint: the rows that change step aside first (no history: a moment inside this
    # transaction that no one else sees).
    moving = [
        row.pk for row, number in zip(kept, numbers, strict=False) if row.case_number != number
    ]
    DecisionCaseNumber.objects.filter(pk__in=moving).update(
        case_number=Concat(Value("~"), Cast("pk", CharField()))
    )
    for position, (row, number) in enumerate(zip_longest(kept, numbers), start=1):
        if row is None:
            row = DecisionCaseNumber(decision=decision)
        elif (row.case_number, row.position, row.body_id) == (number, position, decision.body_id):
            continue
        row.body_id, row.position, row.case_number = decision.body_id, position, number
        save_with_history(row, user=user, reason=reason)


def _link_subjects(
    *, user, decision: Decision, subjects: Iterable[models.Model], reason: str = ""
) -> None:
    for subject in subjects:
        link = DecisionSubject(
            decision=decision,
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
        )
        if not DecisionSubject.objects.filter(
            decision=decision, content_type=link.content_type, object_id=link.object_id
        ).exists():
            save_with_history(link, user=user, reason=reason)


@transaction.atomic
def decision_create(
    *,
    user,
    body: Body,
    kind: str = Decision.Kind.ADOPTION,
    case_numbers: Sequence[str] = (),
    date: date_type | None = None,
    title: str = "",
    text: str = "",
    responds_to: Decision | None = None,
    subjects: Iterable[models.Model] = (),
    reason: str = "",
) -> Decision:
    """Record a decision; its case numbers are optional (a collaboration body's
    recommendation often has none) and each belongs to one decision of the body."""
    numbers, taken = _case_numbers_for(body, case_numbers)
    _refuse_taken(taken, decision_id=None)
    decision = Decision(
        body=body, kind=kind, date=date, title=title, text=text, responds_to=responds_to
    )
    reason = reason or _("Beslut registrerat")
    try:
        with transaction.atomic():
            save_with_history(decision, user=user, reason=reason)
            _write_case_numbers(user=user, decision=decision, numbers=numbers, reason=reason)
    except IntegrityError as error:
        raise ValidationError({"case_numbers": _concurrent()}) from error
    _link_subjects(user=user, decision=decision, subjects=subjects, reason=reason)
    return decision


def _set_subjects(*, user, decision: Decision, subjects: Sequence[models.Model], reason: str):
    """The decision's subjects become exactly `subjects`: links no longer wanted are deleted,
    new ones added, each with its own history record."""
    wanted = {
        (ContentType.objects.get_for_model(subject).pk, subject.pk): subject for subject in subjects
    }
    for link in decision.subjects.all():
        if wanted.pop((link.content_type_id, link.object_id), None) is None:
            _delete_with_history(link, user=user, reason=reason)
    _link_subjects(user=user, decision=decision, subjects=wanted.values(), reason=reason)


def _delete_with_history(row: models.Model, *, user, reason: str) -> None:
    row._history_user = user
    row._change_reason = reason
    row.delete()


@transaction.atomic
def decision_update(
    *,
    user,
    decision: Decision,
    reason: str,
    expected_revision: int | None = None,
    kind: str | object = KEEP,
    case_numbers: Sequence[str] | None = None,
    date: date_type | object | None = KEEP,
    title: str | object = KEEP,
    text: str | object = KEEP,
    responds_to: Decision | object | None = KEEP,
    subjects: Sequence[models.Model] | None = None,
) -> Decision:
    """Change what is given (a field left out stays as it is; None empties the date or the
    recommendation answered; `subjects` replaces them all) over the revision the form started
    from; the reason goes to the history of every change."""
    require_reason(reason, decision.reason_prompt)
    # FOR UPDATE: two register administrators saving the same decision take turns, and the
    # second is refused if the first changed it after the second opened the form.
    decision = lock_for_edit(Decision.objects, decision.pk, expected_revision=expected_revision)
    if case_numbers is not None:
        numbers, taken = _case_numbers_for(decision.body, case_numbers)
        _refuse_taken(taken, decision_id=decision.pk)
    given = {"kind": kind, "date": date, "title": title, "text": text, "responds_to": responds_to}
    for name, value in given.items():
        if value is not KEEP:
            setattr(decision, name, value)
    decision.revision += 1
    try:
        with transaction.atomic():
            save_with_history(decision, user=user, reason=reason)
            if case_numbers is not None:
                _write_case_numbers(user=user, decision=decision, numbers=numbers, reason=reason)
    except IntegrityError as error:
        raise ValidationError({"case_numbers": _concurrent()}) from error
    if subjects is not None:
        _set_subjects(user=user, decision=decision, subjects=subjects, reason=reason)
    return decision


@transaction.atomic
def decision_remove(
    *, user, decision: Decision, reason: str, expected_revision: int | None = None
) -> None:
    """Remove a decision registered by mistake, with its case numbers and what it concerned,
    each with a history record that gives the reason. A decision that parties' decisions
    answer stays (they would lose what they answer); agenda items that recorded it keep their
    protocol text and lose only the link to the register."""
    require_reason(reason, _("Ange varför beslutet tas bort."))
    decision = lock_for_edit(Decision.objects, decision.pk, expected_revision=expected_revision)
    answers = decision.responses.count()
    if answers:
        raise ValidationError(
            ngettext(
                "Beslutet kan inte tas bort: %(count)s beslut svarar på det.",
                "Beslutet kan inte tas bort: %(count)s beslut svarar på det.",
                answers,
            )
            % {"count": answers}
        )
    for item in AgendaItem.objects.select_for_update().filter(decision=decision):
        item.decision = None
        item.revision += 1
        save_with_history(item, user=user, reason=reason)
    for row in [*decision.subjects.all(), *decision.case_numbers.all()]:
        _delete_with_history(row, user=user, reason=reason)
    _delete_with_history(decision, user=user, reason=reason)


@transaction.atomic
def decision_record(
    *,
    user,
    body: Body,
    case_number: str,
    subjects: list[models.Model],
    kind: str = Decision.Kind.ADOPTION,
    date: date_type | None = None,
    title: str = "",
    text: str = "",
    reason: str = "",
) -> Decision:
    """Record a body's decision under a case number, or add subjects to the decision already
    under it: one decision may concern several agreements (RS 2013/460 adopted BUS and SUV).
    `reason` goes to the history of a decision it creates (an import names its file)."""
    number = normalise_case_number(case_number)
    row = (
        DecisionCaseNumber.objects.select_for_update()
        .filter(body=body, case_number=number)
        .select_related("decision")
        .first()
    )
    if row is None:
        return decision_create(
            user=user,
            body=body,
            kind=kind,
            case_numbers=[number],
            date=date,
            title=title,
            text=text,
            subjects=subjects,
            reason=reason,
        )
    _link_subjects(user=user, decision=row.decision, subjects=subjects, reason=reason)
    return row.decision


@dataclass(frozen=True)
class DecisionAbout:
    """One subject's adoption under a body's case number, as decision_record takes it."""

    body: Body
    case_number: str
    subject: models.Model
    date: date_type | None = None
    reason: str = ""


@transaction.atomic
def decision_record_many(*, user, adoptions: Sequence[DecisionAbout]) -> None:
    """decision_record for many subjects at a cost by kind of row, not by subject (a register
    imported with a thousand agreements): each body's case number is one decision, created
    when new with the date and reason of the first adoption naming it, linked to each subject
    once. The case numbers are the body's own (case_number_for_body)."""
    numbered = [(a, (a.body.pk, normalise_case_number(a.case_number))) for a in adoptions]
    decisions = {
        (row.body_id, row.case_number): row.decision
        for row in DecisionCaseNumber.objects.select_for_update()
        .filter(
            body_id__in={key[0] for _a, key in numbered},
            case_number__in={key[1] for _a, key in numbered},
        )
        .select_related("decision")
    }
    existing = [decision.pk for decision in decisions.values()]
    new: dict[tuple[int, str], Decision] = {}
    for adoption, key in numbered:
        if key not in decisions and key not in new:
            new[key] = Decision(body=adoption.body, kind=Decision.Kind.ADOPTION, date=adoption.date)
            new[key]._change_reason = adoption.reason or _("Beslut registrerat")
    try:
        with transaction.atomic():
            bulk_create_with_history(list(new.values()), Decision, default_user=user)
            numbers = [
                DecisionCaseNumber(decision=decision, body_id=body, position=1, case_number=number)
                for (body, number), decision in new.items()
            ]
            bulk_create_with_history(numbers, DecisionCaseNumber, default_user=user)
    except IntegrityError as error:
        raise ValidationError({"case_numbers": _concurrent()}) from error
    decisions.update(new)
    linked = set(
        DecisionSubject.objects.filter(decision_id__in=existing).values_list(
            "decision_id", "content_type_id", "object_id"
        )
    )
    links: dict[tuple, DecisionSubject] = {}
    for adoption, key in numbered:
        content_type = ContentType.objects.get_for_model(adoption.subject)
        link = (decisions[key].pk, content_type.pk, adoption.subject.pk)
        if link not in linked and link not in links:
            links[link] = DecisionSubject(
                decision=decisions[key], content_type=content_type, object_id=adoption.subject.pk
            )
    bulk_create_with_history(list(links.values()), DecisionSubject, default_user=user)
