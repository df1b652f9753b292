from django.urls import path

from governance.views import board_reports, bodies, organisations

app_name = "governance"

urlpatterns = [
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
