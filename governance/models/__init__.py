"""Governance data, one module per concept (see docs/architecture.md); everything is
re-exported here, so `from governance.models import Body` works from anywhere."""

from governance.models.board_reports import (
    BoardReport,
    ReportCaseNumber,
    ReportSection,
    Signatory,
    SupportingDocument,
    validate_portal_path,
)
from governance.models.bodies import Body
from governance.models.decisions import (
    Decision,
    DecisionCaseNumber,
    DecisionSubject,
    case_number_for_body,
)
from governance.models.meetings import STOCKHOLM, AgendaItem, AgendaItemCaseNumber, Meeting
from governance.models.organisations import Department, Organisation
from governance.models.people import Membership, Person

__all__ = [
    "STOCKHOLM",
    "AgendaItem",
    "AgendaItemCaseNumber",
    "BoardReport",
    "Body",
    "Decision",
    "DecisionCaseNumber",
    "DecisionSubject",
    "Department",
    "Meeting",
    "Membership",
    "Organisation",
    "Person",
    "ReportCaseNumber",
    "ReportSection",
    "Signatory",
    "SupportingDocument",
    "case_number_for_body",
    "validate_portal_path",
]
