"""The choice sets the schema names (settings.SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]):
several models call theirs `Kind` or `Status`, and each gets a name of its own here."""

from agreements.models import Agreement, Status
from governance.models import BoardReport, Body, Decision, Meeting, Organisation
from plans.models import Plan

OrganisationKindEnum = Organisation.Kind
BodyKindEnum = Body.Kind
DecisionKindEnum = Decision.Kind
MeetingKindEnum = Meeting.Kind
AgreementKindEnum = Agreement.Kind
PlanKindEnum = Plan.Kind
RegisterStatusEnum = Status
PlanStatusEnum = Plan.Status
BoardReportStatusEnum = BoardReport.Status
