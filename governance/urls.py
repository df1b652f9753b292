from django.urls import path

from core.urls import EDITING_PAGES, READING_PAGES, SLUG, calendar_page, export_page, standard_pages
from governance.views import (
    board_reports,
    bodies,
    decisions,
    meetings,
    organisations,
    registers,
)

app_name = "governance"

ORGANISATION = "organisationer/<slug:slug>/"
BODY = "organ/<slug:slug>/"
MEETING = "sammantraden/<int:pk>/"
BOARD_REPORT = "tjansteskrivelser/<int:pk>/"
AGENDA_ITEM = f"{MEETING}punkter/<int:item_pk>/"

# The register administrator's pages for principals, departments, bodies, people and
# memberships; first, as "ny" is not an organisation's slug.
register_pages = [
    *standard_pages("organisationer/", registers, "organisation", *EDITING_PAGES, key=SLUG),
    *standard_pages(
        f"{ORGANISATION}forvaltningar/", registers, "department", "create", "edit", "remove"
    ),
    *standard_pages(f"{ORGANISATION}organ/", registers, "body", "create", neuter=True),
    *standard_pages("organ/", registers, "body", "edit", key=SLUG),
    *standard_pages(
        f"{BODY}uppdrag/", registers, "membership", "add", "edit", "remove", neuter=True
    ),
    path(f"{BODY}uppdrag/<int:pk>/avsluta/", registers.membership_end, name="membership_end"),
    *standard_pages("personer/", registers, "person", "edit", "remove"),
]

urlpatterns = [
    *register_pages,
    *standard_pages("organisationer/", organisations, "organisation", *READING_PAGES, key=SLUG),
    *standard_pages("organ/", bodies, "body", "detail", "history", key=SLUG),
    export_page(f"{BODY}beslut", bodies.body_decisions_export),
    calendar_page(f"{BODY}sammantraden", meetings.body_calendar),
    *standard_pages("sammantraden/", meetings, "meeting", *EDITING_PAGES, neuter=True),
    *standard_pages("sammantraden/", meetings, "meeting", *READING_PAGES),
    export_page("sammantraden/sammantraden", meetings.meeting_export),
    path("sammantraden/mina/", meetings.my_meetings, name="my_meetings"),
    path(f"{MEETING}publicera/", meetings.meeting_publish, name="meeting_publish"),
    path(f"{MEETING}kallelse/", meetings.meeting_notice, name="meeting_notice"),
    *standard_pages(
        f"{MEETING}punkter/", meetings, "agenda_item", "add", "edit", "remove", key="<int:item_pk>/"
    ),
    path(f"{AGENDA_ITEM}beslut/", meetings.agenda_item_decision, name="agenda_item_decision"),
    path(f"{AGENDA_ITEM}protokollsutdrag/", meetings.protocol_extract, name="protocol_extract"),
    # A body's decisions, kept by the register administrators.
    *standard_pages(f"{BODY}beslut/", decisions, "decision", "create", neuter=True),
    *standard_pages("beslut/", decisions, "decision", "edit", "remove"),
    *standard_pages("tjansteskrivelser/", board_reports, "board_report", *EDITING_PAGES),
    *standard_pages("tjansteskrivelser/", board_reports, "board_report", *READING_PAGES),
    path(f"{BOARD_REPORT}pdf/", board_reports.board_report_pdf_view, name="board_report_pdf"),
    path(
        f"{BOARD_REPORT}underlag/<int:document_pk>/",
        board_reports.board_report_document,
        name="board_report_document",
    ),
    path(f"{BOARD_REPORT}expediera/", board_reports.board_report_issue, name="board_report_issue"),
    path(
        f"{BOARD_REPORT}rattelse/", board_reports.board_report_correct, name="board_report_correct"
    ),
]
