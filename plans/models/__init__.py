"""Plan data, one module per concept (see docs/architecture.md): plans (the plan itself),
items (its tree: sections, initiatives and the plan-item kinds), versions (what was published
or adopted), follow_up (statuses, rounds and reported states). Everything is re-exported
here, so `from plans.models import Plan` works from anywhere."""

from plans.models.follow_up import FollowUpRound, StateReport, StatusUpdate
from plans.models.items import (
    Activity,
    FollowUp,
    Initiative,
    Milestone,
    PlanItem,
    Responsibility,
    Section,
)
from plans.models.plans import Plan
from plans.models.versions import PlanVersion

__all__ = [
    "Activity",
    "FollowUp",
    "FollowUpRound",
    "Initiative",
    "Milestone",
    "Plan",
    "PlanItem",
    "PlanVersion",
    "Responsibility",
    "Section",
    "StateReport",
    "StatusUpdate",
]
