from django.urls import path

from core.urls import EDITING_PAGES, READING_PAGES, SLUG, calendar_page, export_page, standard_pages
from plans import editing, follow_up, views
from plans.imports.urls import urlpatterns as import_urls

app_name = "plans"

PLAN = "planer/<slug:slug>/"
ROUND = f"{PLAN}omgangar/<int:number>/"
ITEM = f"{PLAN}<str:kind>/<int:pk>/"

# Fixed words first: they are not plan slugs (plans.services.RESERVED_SLUGS).
urlpatterns = [
    *standard_pages("planer/", editing, "plan", *EDITING_PAGES, key=SLUG),
    path("planer/bevakning/", views.due, name="due"),
    export_page("planer/bevakning", views.due_export),
    path("planer/tolka-tid/", editing.period_preview, name="period_preview"),
    *import_urls,
    *standard_pages("planer/", views, "plan", *READING_PAGES, key=SLUG),
    path(f"{PLAN}tidslinje/", views.plan_timeline, name="plan_timeline"),
    path(f"{PLAN}som-den-var/", views.plan_as_of, name="plan_as_of"),
    path(f"{PLAN}jamfor/", views.plan_compare, name="plan_compare"),
    path(f"{PLAN}version/<int:number>/", views.plan_version, name="plan_version"),
    path(f"{PLAN}faststall/", editing.plan_adopt, name="plan_adopt"),
    path(f"{PLAN}publicera/", editing.plan_publish, name="plan_publish"),
    path(f"{PLAN}avsluta/", editing.plan_close, name="plan_close"),
    path(f"{PLAN}borttaget/", editing.deleted, name="deleted"),
    path(f"{PLAN}omrade/<int:pk>/", editing.section_fragment, name="section_fragment"),
    path(f"{PLAN}insats/<int:pk>/status/", editing.status_update, name="status_update"),
    # Follow-up: before the item patterns, whose <str:kind> would take "omgangar".
    *standard_pages(f"{PLAN}omgangar/", follow_up, "round", "list", "detail", key="<int:number>/"),
    path(f"{PLAN}omgangar/ny/", follow_up.round_open, name="round_open"),
    path(f"{ROUND}stang/", follow_up.round_close, name="round_close"),
    path(f"{ITEM}lage/", follow_up.item_state, name="item_state"),
    *standard_pages(f"{PLAN}<str:kind>/", editing, "item", "add", "edit", "delete", "history"),
    path(f"{PLAN}<str:kind>/aterstall/", editing.item_restore, name="item_restore"),
    path(f"{ITEM}flytta/", editing.item_move, name="item_move"),
    path(f"{PLAN}pdf/", views.plan_pdf, name="plan_pdf"),
    calendar_page(f"{PLAN}kalender", views.plan_calendar),
    export_page(f"{PLAN}plan", views.plan_export),
]
