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
from governance.services.people import person_remove

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
    "decision_create",
    "decision_record",
    "decision_record_many",
    "decision_remove",
    "decision_update",
    "meeting_create",
    "meeting_publish",
    "meeting_update",
    "person_remove",
]
