from django.urls import path

from plans import editing, follow_up, views
from plans.imports.urls import urlpatterns as import_urls

app_name = "plans"

# Fixed words first: they are not plan slugs (plans.services.RESERVED_SLUGS).
urlpatterns = [
    path("planer/", views.plan_list, name="plan_list"),
    path("planer/bevakning/", views.due, name="due"),
    path("planer/bevakning.<export:export_format>", views.due_export, name="due_export"),
    path("planer/ny/", editing.plan_create, name="plan_create"),
    path("planer/tolka-tid/", editing.period_preview, name="period_preview"),
    *import_urls,
    path("planer/<slug:slug>/", views.plan_detail, name="plan_detail"),
    path("planer/<slug:slug>/tidslinje/", views.plan_timeline, name="plan_timeline"),
    path("planer/<slug:slug>/historik/", views.plan_history, name="plan_history"),
    path("planer/<slug:slug>/som-den-var/", views.plan_as_of, name="plan_as_of"),
    path("planer/<slug:slug>/jamfor/", views.plan_compare, name="plan_compare"),
    path("planer/<slug:slug>/version/<int:number>/", views.plan_version, name="plan_version"),
    path("planer/<slug:slug>/redigera/", editing.plan_edit, name="plan_edit"),
    path("planer/<slug:slug>/faststall/", editing.plan_adopt, name="plan_adopt"),
    path("planer/<slug:slug>/publicera/", editing.plan_publish, name="plan_publish"),
    path("planer/<slug:slug>/avsluta/", editing.plan_close, name="plan_close"),
    path("planer/<slug:slug>/borttaget/", editing.deleted, name="deleted"),
    path("planer/<slug:slug>/omrade/<int:pk>/", editing.section_fragment, name="section_fragment"),
    path("planer/<slug:slug>/insats/<int:pk>/status/", editing.status_update, name="status_update"),
    # Follow-up: before the item patterns, whose <str:kind> would take "omgangar".
    path("planer/<slug:slug>/omgangar/", follow_up.round_list, name="round_list"),
    path("planer/<slug:slug>/omgangar/ny/", follow_up.round_open, name="round_open"),
    path(
        "planer/<slug:slug>/omgangar/<int:number>/",
        follow_up.round_detail,
        name="round_detail",
    ),
    path(
        "planer/<slug:slug>/omgangar/<int:number>/stang/",
        follow_up.round_close,
        name="round_close",
    ),
    path("planer/<slug:slug>/<str:kind>/<int:pk>/lage/", follow_up.item_state, name="item_state"),
    path("planer/<slug:slug>/<str:kind>/ny/", editing.item_add, name="item_add"),
    path("planer/<slug:slug>/<str:kind>/aterstall/", editing.item_restore, name="item_restore"),
    path("planer/<slug:slug>/<str:kind>/<int:pk>/redigera/", editing.item_edit, name="item_edit"),
    path(
        "planer/<slug:slug>/<str:kind>/<int:pk>/ta-bort/", editing.item_delete, name="item_delete"
    ),
    path("planer/<slug:slug>/<str:kind>/<int:pk>/flytta/", editing.item_move, name="item_move"),
    path(
        "planer/<slug:slug>/<str:kind>/<int:pk>/historik/",
        editing.item_history,
        name="item_history",
    ),
]

urlpatterns += [
    path("planer/<slug:slug>/pdf/", views.plan_pdf, name="plan_pdf"),
    path("planer/<slug:slug>/kalender.ics", views.plan_calendar, name="plan_calendar"),
    path("planer/<slug:slug>/plan.<export:export_format>", views.plan_export, name="plan_export"),
]
