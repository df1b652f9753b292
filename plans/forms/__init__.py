"""The plans' forms, one module per concept: reading (the reading pages' filters and choices),
editing (the workbench: the plan and each kind), lifecycle (publishing, adopting), follow_up
(status updates, reported states, rounds). Re-exported here, so
`from plans.forms import PlanForm` works."""

from plans.forms.editing import (
    ActivityForm,
    ChoicesField,
    FollowUpForm,
    InitiativeForm,
    MilestoneForm,
    PlanForm,
    RevisionForm,
    SectionForm,
)
from plans.forms.follow_up import (
    RoundForm,
    StateReportForm,
    StatusUpdateForm,
)
from plans.forms.lifecycle import (
    AdoptForm,
    PublishForm,
    latest_today,
    not_in_the_future,
)
from plans.forms.reading import (
    HORIZON_CHOICES,
    AsOfForm,
    CompareForm,
    DueFilterForm,
    HistoryFilterForm,
)

__all__ = [
    "HORIZON_CHOICES",
    "ActivityForm",
    "AdoptForm",
    "AsOfForm",
    "ChoicesField",
    "CompareForm",
    "DueFilterForm",
    "FollowUpForm",
    "HistoryFilterForm",
    "InitiativeForm",
    "MilestoneForm",
    "PlanForm",
    "PublishForm",
    "RevisionForm",
    "RoundForm",
    "SectionForm",
    "StateReportForm",
    "StatusUpdateForm",
    "latest_today",
    "not_in_the_future",
]
