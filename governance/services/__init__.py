"""State changes in governance, one module per concept: each a plain function, keyword-only,
in one transaction, taking the acting user. Re-exported here, so
`from governance.services import decision_record` works from anywhere."""

from governance.services.board_reports import (
    ReportFrozen,
    board_report_correct,
    board_report_create,
    board_report_issue,
    board_report_update,
)
from governance.services.decisions import (
    DecisionAbout,
    decision_create,
    decision_record,
    decision_record_many,
    decision_remove,
    decision_update,
)
from governance.services.meetings import (
    agenda_item_add,
    agenda_item_record_decision,
    agenda_item_remove,
    agenda_item_update,
    meeting_create,
    meeting_publish,
    meeting_update,
)
from governance.services.organisations import (
    body_create,
    body_update,
    department_create,
    department_remove,
    department_update,
    organisation_create,
    organisation_update,
)
from governance.services.people import (
    membership_add,
    membership_end,
    membership_remove,
    membership_update,
    person_create,
    person_remove,
    person_update,
)

__all__ = [
    "DecisionAbout",
    "ReportFrozen",
    "agenda_item_add",
    "agenda_item_record_decision",
    "agenda_item_remove",
    "agenda_item_update",
    "board_report_correct",
    "board_report_create",
    "board_report_issue",
    "board_report_update",
    "body_create",
    "body_update",
    "decision_create",
    "decision_record",
    "decision_record_many",
    "decision_remove",
    "decision_update",
    "department_create",
    "department_remove",
    "department_update",
    "meeting_create",
    "meeting_publish",
    "meeting_update",
    "membership_add",
    "membership_end",
    "membership_remove",
    "membership_update",
    "organisation_create",
    "organisation_update",
    "person_create",
    "person_remove",
    "person_update",
]
