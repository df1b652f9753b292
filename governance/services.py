"""State changes in governance: each a plain function, keyword-only, in one transaction."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from governance.models import Decision, DecisionSubject, Person
from portal.validators import normalise_case_number


def save_with_history(instance: models.Model, *, user, reason: str = "") -> models.Model:
    """full_clean, then save, recording the acting user and reason in the history."""
    instance.full_clean()
    instance._history_user = user
    # Always set, even when empty: a reason left on the instance by an earlier save must not
    # label this one.
    instance._change_reason = _fit_change_reason(type(instance), reason) or None
    instance.save()
    return instance


def _fit_change_reason(model: type[models.Model], reason: str) -> str:
    """Shorten a reason to what the history table holds (varchar(100)); PostgreSQL refuses more."""
    history = getattr(model, "history", None)
    if history is None:
        return reason
    max_length = history.model._meta.get_field("history_change_reason").max_length
    if max_length and len(reason) > max_length:
        return reason[: max_length - 1] + "…"
    return reason


@transaction.atomic
def decision_record(
    *,
    user,
    body,
    case_number: str,
    subjects: list[models.Model],
    date=None,
    title: str = "",
    text: str = "",
) -> Decision:
    """Record a body's decision, or add subjects to the decision already under that case number.

    One decision may concern several agreements (RS 2013/460 adopted both BUS and SUV).
    """
    case_number = normalise_case_number(case_number)
    decision = (
        Decision.objects.select_for_update().filter(body=body, case_number=case_number).first()
    )
    if decision is None:
        decision = Decision(body=body, case_number=case_number, date=date, title=title, text=text)
        try:
            with transaction.atomic():
                save_with_history(decision, user=user, reason="Beslut registrerat")
        except IntegrityError as error:  # a concurrent request recorded it first
            raise ValidationError(
                {"case_number": "Beslutet registrerades samtidigt av någon annan. Försök igen."}
            ) from error
    for subject in subjects:
        link = DecisionSubject(
            decision=decision,
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
        )
        if not DecisionSubject.objects.filter(
            decision=decision, content_type=link.content_type, object_id=link.object_id
        ).exists():
            save_with_history(link, user=user)
    return decision


@transaction.atomic
def person_remove(*, user, person: Person) -> None:
    """Remove a person and their memberships; their historical rows keep the record of who sat where."""
    for membership in person.memberships.all():
        membership._history_user = user
        membership.delete()
    person._history_user = user
    person.delete()
