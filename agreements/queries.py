"""What the register pages read, shaped so each page costs a fixed number of queries."""

from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from agreements.models import PUBLIC_STATUSES, Agreement, Framework, Status
from core.access import has_permission, require_visible
from governance.models import DecisionSubject

REVIEW_SOON_DAYS = 90


DRAFT_PERMISSION = "agreements.view_agreement"


def can_see_drafts(user) -> bool:
    return has_permission(user, DRAFT_PERMISSION)


def _adoptions():
    return Prefetch(
        "decisions",
        queryset=DecisionSubject.objects.select_related("decision__body").order_by(
            "decision__body__name", "decision__case_number"
        ),
        to_attr="adoptions",
    )


def agreements_visible_to(user) -> QuerySet[Agreement]:
    agreements = Agreement.objects.all()
    if not can_see_drafts(user):
        agreements = agreements.filter(status__in=PUBLIC_STATUSES)
    return agreements


def frameworks_visible_to(user) -> QuerySet[Framework]:
    frameworks = Framework.objects.all()
    if not can_see_drafts(user):
        frameworks = frameworks.filter(status__in=PUBLIC_STATUSES)
    return frameworks


def register_rows(queryset: QuerySet[Agreement]) -> QuerySet[Agreement]:
    return queryset.select_related(
        "responsible_body", "replaced_by_agreement", "replaced_by_framework"
    ).prefetch_related("parties", "topics", _adoptions())


def agreement_get_for_view(*, user, register_id: str) -> Agreement:
    agreement = get_object_or_404(
        register_rows(Agreement.objects.all()).prefetch_related(
            "attachments", "replaces", "covered_by_frameworks"
        ),
        register_id=register_id,
    )
    require_visible(user, agreement, draft_permission=DRAFT_PERMISSION)
    return agreement


def framework_get_for_view(*, user, slug: str) -> Framework:
    framework = get_object_or_404(
        Framework.objects.prefetch_related(
            "parties",
            _adoptions(),
            Prefetch("replaces", queryset=register_rows(agreements_visible_to(user))),
            Prefetch("covers", queryset=register_rows(agreements_visible_to(user))),
        ),
        slug=slug,
    )
    require_visible(user, framework, draft_permission=DRAFT_PERMISSION)
    return framework


def reviews_due(*, user, today: date, within_days: int = REVIEW_SOON_DAYS) -> QuerySet[Agreement]:
    """Agreements in force whose review date has passed or falls within the coming days."""
    horizon = date.fromordinal(today.toordinal() + within_days)
    return (
        agreements_visible_to(user)
        .filter(Q(status=Status.IN_FORCE) | Q(status=Status.UNDER_REVISION), review_by__lte=horizon)
        .select_related("responsible_body")
        .order_by("review_by", "register_id")
    )
