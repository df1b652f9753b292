from django.urls import path

from governance.views import (
    board_reports,
    bodies,
    decisions,
    meetings,
    organisations,
    registers,
)

app_name = "governance"

# The register administrator's pages for principals, departments, bodies, people and
# memberships; first, as "ny" is not an organisation's slug.
register_pages = [
    path("organisationer/ny/", registers.organisation_create, name="organisation_create"),
    path(
        "organisationer/<slug:slug>/redigera/",
        registers.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "organisationer/<slug:slug>/forvaltningar/ny/",
        registers.department_create,
        name="department_create",
    ),
    path(
        "organisationer/<slug:slug>/forvaltningar/<int:pk>/redigera/",
        registers.department_edit,
        name="department_edit",
    ),
    path(
        "organisationer/<slug:slug>/forvaltningar/<int:pk>/ta-bort/",
        registers.department_remove,
        name="department_remove",
    ),
    path("organisationer/<slug:slug>/organ/nytt/", registers.body_create, name="body_create"),
    path("organ/<slug:slug>/redigera/", registers.body_edit, name="body_edit"),
    path("organ/<slug:slug>/uppdrag/nytt/", registers.membership_add, name="membership_add"),
    path(
        "organ/<slug:slug>/uppdrag/<int:pk>/redigera/",
        registers.membership_edit,
        name="membership_edit",
    ),
    path(
        "organ/<slug:slug>/uppdrag/<int:pk>/avsluta/",
        registers.membership_end,
        name="membership_end",
    ),
    path(
        "organ/<slug:slug>/uppdrag/<int:pk>/ta-bort/",
        registers.membership_remove,
        name="membership_remove",
    ),
    path("personer/<int:pk>/redigera/", registers.person_edit, name="person_edit"),
    path("personer/<int:pk>/ta-bort/", registers.person_remove, name="person_remove"),
]

urlpatterns = [
    *register_pages,
    path("organisationer/", organisations.organisation_list, name="organisation_list"),
    path(
        "organisationer/<slug:slug>/", organisations.organisation_detail, name="organisation_detail"
    ),
    path(
        "organisationer/<slug:slug>/historik/",
        organisations.organisation_history,
        name="organisation_history",
    ),
    path("organ/<slug:slug>/", bodies.body_detail, name="body_detail"),
    path("organ/<slug:slug>/historik/", bodies.body_history, name="body_history"),
    path(
        "organ/<slug:slug>/beslut.<export:export_format>",
        bodies.body_decisions_export,
        name="body_decisions_export",
    ),
    path("organ/<slug:slug>/sammantraden.ics", meetings.body_calendar, name="body_calendar"),
    path("sammantraden/", meetings.meeting_list, name="meeting_list"),
    path(
        "sammantraden/sammantraden.<export:export_format>",
        meetings.meeting_export,
        name="meeting_export",
    ),
    path("sammantraden/nytt/", meetings.meeting_create, name="meeting_create"),
    path("sammantraden/mina/", meetings.my_meetings, name="my_meetings"),
    path("sammantraden/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("sammantraden/<int:pk>/redigera/", meetings.meeting_edit, name="meeting_edit"),
    path("sammantraden/<int:pk>/publicera/", meetings.meeting_publish, name="meeting_publish"),
    path("sammantraden/<int:pk>/historik/", meetings.meeting_history, name="meeting_history"),
    path("sammantraden/<int:pk>/kallelse/", meetings.meeting_notice, name="meeting_notice"),
    path("sammantraden/<int:pk>/punkter/ny/", meetings.agenda_item_add, name="agenda_item_add"),
    path(
        "sammantraden/<int:pk>/punkter/<int:item_pk>/redigera/",
        meetings.agenda_item_edit,
        name="agenda_item_edit",
    ),
    path(
        "sammantraden/<int:pk>/punkter/<int:item_pk>/beslut/",
        meetings.agenda_item_decision,
        name="agenda_item_decision",
    ),
    path(
        "sammantraden/<int:pk>/punkter/<int:item_pk>/ta-bort/",
        meetings.agenda_item_remove,
        name="agenda_item_remove",
    ),
    path(
        "sammantraden/<int:pk>/punkter/<int:item_pk>/protokollsutdrag/",
        meetings.protocol_extract,
        name="protocol_extract",
    ),
    # A body's decisions, kept by the register administrators.
    path("organ/<slug:slug>/beslut/nytt/", decisions.decision_create, name="decision_create"),
    path("beslut/<int:pk>/redigera/", decisions.decision_edit, name="decision_edit"),
    path("beslut/<int:pk>/ta-bort/", decisions.decision_remove, name="decision_remove"),
    path("tjansteskrivelser/", board_reports.board_report_list, name="board_report_list"),
    path("tjansteskrivelser/ny/", board_reports.board_report_create, name="board_report_create"),
    path(
        "tjansteskrivelser/<int:pk>/", board_reports.board_report_detail, name="board_report_detail"
    ),
    path(
        "tjansteskrivelser/<int:pk>/pdf/",
        board_reports.board_report_pdf_view,
        name="board_report_pdf",
    ),
    path(
        "tjansteskrivelser/<int:pk>/historik/",
        board_reports.board_report_history,
        name="board_report_history",
    ),
    path(
        "tjansteskrivelser/<int:pk>/underlag/<int:document_pk>/",
        board_reports.board_report_document,
        name="board_report_document",
    ),
    path(
        "tjansteskrivelser/<int:pk>/redigera/",
        board_reports.board_report_edit,
        name="board_report_edit",
    ),
    path(
        "tjansteskrivelser/<int:pk>/expediera/",
        board_reports.board_report_issue,
        name="board_report_issue",
    ),
    path(
        "tjansteskrivelser/<int:pk>/rattelse/",
        board_reports.board_report_correct,
        name="board_report_correct",
    ),
]
