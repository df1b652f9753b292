from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("organisationer/", views.organisation_list, name="organisation_list"),
    path("organisationer/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path(
        "organisationer/<slug:slug>/historik/",
        views.organisation_history,
        name="organisation_history",
    ),
    path("organ/<slug:slug>/", views.body_detail, name="body_detail"),
    path("organ/<slug:slug>/historik/", views.body_history, name="body_history"),
    path("tjansteskrivelser/", views.board_report_list, name="board_report_list"),
    path("tjansteskrivelser/ny/", views.board_report_create, name="board_report_create"),
    path("tjansteskrivelser/<int:pk>/", views.board_report_detail, name="board_report_detail"),
    path("tjansteskrivelser/<int:pk>/pdf/", views.board_report_pdf_view, name="board_report_pdf"),
    path(
        "tjansteskrivelser/<int:pk>/underlag/<int:document_pk>/",
        views.board_report_document,
        name="board_report_document",
    ),
    path("tjansteskrivelser/<int:pk>/redigera/", views.board_report_edit, name="board_report_edit"),
    path(
        "tjansteskrivelser/<int:pk>/expediera/", views.board_report_issue, name="board_report_issue"
    ),
    path(
        "tjansteskrivelser/<int:pk>/rattelse/",
        views.board_report_correct,
        name="board_report_correct",
    ),
]
