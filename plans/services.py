"""State changes on plans: plain functions, keyword-only, one transaction each."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from governance.services import decision_record, save_with_history
from plans.models import Initiative, Plan, PlanVersion, StatusUpdate


@transaction.atomic
def plan_adopt(
    *, user, plan: Plan, body, case_number: str, decision_date: date | None = None
) -> PlanVersion:
    """Record the body's decision and freeze the plan as it stands now as the adopted version."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # one adoption at a time per plan
    if plan.status == Plan.Status.CLOSED:
        raise ValidationError("En avslutad plan kan inte fastställas.")
    plan.status = Plan.Status.ADOPTED
    save_with_history(plan, user=user, reason=f"Fastställd av {body}, {case_number}")
    number = (plan.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = PlanVersion(plan=plan, number=number, frozen_at=timezone.now())
    version.full_clean()
    version.save()
    # The decision is about this version, so the body's page links to the plan as adopted.
    version.decision = decision_record(
        user=user,
        body=body,
        case_number=case_number,
        subjects=[version],
        date=decision_date,
        title=f"Fastställande av {plan.title}",
    )
    version.save(update_fields=["decision"])
    return version


@transaction.atomic
def status_update_record(
    *, user, initiative: Initiative, status: str, comment: str = "", on: date | None = None
) -> StatusUpdate:
    update = StatusUpdate(
        initiative=initiative,
        status=status,
        comment=comment,
        date=on or timezone.localdate(),
        author=user if user is not None and user.is_authenticated else None,
    )
    return save_with_history(update, user=user, reason="Statusuppdatering")
