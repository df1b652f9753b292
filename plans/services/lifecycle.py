"""The plan's life cycle: publishing and adopting freeze a version (`PlanVersion`), closing ends
the plan's editing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.history import save_with_history
from governance.services import decision_record
from plans.models import Plan, PlanVersion


def _freeze(
    *, user, plan: Plan, kind: str, on: date | None, reason: str, label: str = ""
) -> PlanVersion:
    """Freeze the plan as it stands now as a version the public reads, and give the plan the
    status of that version in the same transaction: the database refuses a published or
    adopted plan without its version (Plan's check constraint), so nothing can set one
    without the other. The caller holds the plan's row lock."""
    if plan.status == Plan.Status.CLOSED:
        raise ValidationError(_("En avslutad plan kan inte publiceras eller fastställas."))
    number = (plan.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = PlanVersion(
        plan=plan, number=number, kind=kind, date=on, label=label, frozen_at=timezone.now()
    )
    version.full_clean()
    version.save()
    plan.status = kind  # PlanVersion.Kind's values are the plan's statuses
    plan.public_version = version
    plan.revision += 1
    save_with_history(plan, user=user, reason=reason)
    # The moment is taken after the plan's own row records its new status, so the version
    # shows the plan as published or adopted.
    version.frozen_at = timezone.now()
    version.save(update_fields=["frozen_at"])
    return version


@transaction.atomic
def plan_publish(*, user, plan: Plan, on: date | None = None, label: str = "") -> PlanVersion:
    """The owning body makes the plan public without a formal decision (e.g. after a
    recommendation): the plan as it stands now becomes the version the public reads.
    `on`: the date the body published it; `label`: what the version is called besides."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # one freeze at a time per plan
    if plan.status == Plan.Status.PUBLISHED:
        raise ValidationError(_("Planen är redan publicerad i den här versionen."))
    if plan.status == Plan.Status.ADOPTED:
        raise ValidationError(
            _(
                "Planen är fastställd i den här versionen. Ändra den först för att publicera en revidering."
            )
        )
    return _freeze(
        user=user,
        plan=plan,
        kind=PlanVersion.Kind.PUBLISHED,
        on=on,
        label=label,
        reason=_("Publicerad"),
    )


@transaction.atomic
def plan_adopt(
    *, user, plan: Plan, body, case_number: str, decision_date: date | None = None
) -> PlanVersion:
    """Record the body's decision and freeze the plan as it stands now as the adopted version
    (a published plan can be adopted as it is)."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # one freeze at a time per plan
    if plan.status == Plan.Status.ADOPTED:
        raise ValidationError(_("Planen är redan fastställd i den här versionen."))
    version = _freeze(
        user=user,
        plan=plan,
        kind=PlanVersion.Kind.ADOPTED,
        on=decision_date,
        reason=_("Fastställd av %(body)s, %(case_number)s")
        % {"body": body, "case_number": case_number},
    )
    # The decision is about this version, so the body's page links to the plan as adopted.
    version.decision = decision_record(
        user=user,
        body=body,
        case_number=case_number,
        subjects=[version],
        date=decision_date,
        title=_("Fastställande av %(plan)s") % {"plan": plan.title},
    )
    version.save(update_fields=["decision"])
    return version


@transaction.atomic
def plan_close(*, user, plan: Plan) -> Plan:
    """The plan is done: it can no longer be edited, published or adopted. The public goes on
    reading its last published or adopted version (a plan never made public stays hidden)."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    plan.status = Plan.Status.CLOSED
    plan.revision += 1
    return save_with_history(plan, user=user, reason=_("Planen avslutad"))
