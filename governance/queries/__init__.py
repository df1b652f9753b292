"""What the governance pages read, one module per concept; each page costs a fixed number of
queries. Re-exported here, so `from governance.queries import register_body_page_section`
works from anywhere."""

from governance.queries.adoption import (
    Adoption,
    PartyDecision,
    adoption_by_parties,
    with_parties_awaiting,
)
from governance.queries.board_reports import (
    DRAFT_PERMISSION,
    WRITE_DENIED,
    board_report_get_for_edit,
    board_report_get_for_view,
    board_reports_visible_to,
    can_see_draft_reports,
)
from governance.queries.bodies import (
    BodyNode,
    body_get_for_view,
    body_page_sections,
    body_tree,
    members_by_role,
    register_body_page_section,
)
from governance.queries.meetings import (
    MemberPage,
    body_meetings,
    can_see_draft_meetings,
    has_member_page,
    meeting_get_for_view,
    meetings_visible_to,
    member_page,
    upcoming_meetings,
)
from governance.queries.organisations import organisation_get_for_view, organisations_by_kind

__all__ = [
    "DRAFT_PERMISSION",
    "WRITE_DENIED",
    "Adoption",
    "BodyNode",
    "MemberPage",
    "PartyDecision",
    "adoption_by_parties",
    "board_report_get_for_edit",
    "board_report_get_for_view",
    "board_reports_visible_to",
    "body_get_for_view",
    "body_meetings",
    "body_page_sections",
    "body_tree",
    "can_see_draft_meetings",
    "can_see_draft_reports",
    "has_member_page",
    "meeting_get_for_view",
    "meetings_visible_to",
    "member_page",
    "members_by_role",
    "organisation_get_for_view",
    "organisations_by_kind",
    "register_body_page_section",
    "upcoming_meetings",
    "with_parties_awaiting",
]
