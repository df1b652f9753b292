"""Recording decisions (beslut) and what they are about."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from core.history import save_with_history
from core.validators import normalise_case_number
from governance.models import Decision, DecisionSubject


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
                {"case_number": _("Beslutet registrerades samtidigt av någon annan. Försök igen.")}
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
