from django.urls import path

from agreements import editing, views
from agreements.imports.urls import urlpatterns as import_urls

app_name = "agreements"

urlpatterns = [
    path("overenskommelser/", views.agreement_list, name="agreement_list"),
    # Before the register ids: "pdf" and "ny" are not ones.
    path("overenskommelser/pdf/", views.register_pdf, name="register_pdf"),
    path("overenskommelser/oversyn.ics", views.review_calendar, name="review_calendar"),
    path(
        "overenskommelser/forteckning.<export:export_format>",
        views.register_export,
        name="register_export",
    ),
    *import_urls,
    path("overenskommelser/ny/", editing.agreement_create, name="agreement_create"),
    path("overenskommelser/<str:register_id>/", views.agreement_detail, name="agreement_detail"),
    path(
        "overenskommelser/<str:register_id>/redigera/",
        editing.agreement_edit,
        name="agreement_edit",
    ),
    path(
        "overenskommelser/<str:register_id>/ersatt-av/",
        editing.agreement_replace,
        name="agreement_replace",
    ),
    path(
        "overenskommelser/<str:register_id>/faststallanden/ny/",
        editing.adoption_add,
        name="adoption_add",
    ),
    path(
        "overenskommelser/<str:register_id>/faststallanden/<int:pk>/ta-bort/",
        editing.adoption_remove,
        name="adoption_remove",
    ),
    path(
        "overenskommelser/<str:register_id>/historik/",
        views.agreement_history,
        name="agreement_history",
    ),
    path(
        "overenskommelser/<str:register_id>/bilagor/",
        views.attachment_upload,
        name="attachment_upload",
    ),
    path(
        "overenskommelser/<str:register_id>/bilagor/<int:pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path("ramverk/", views.framework_list, name="framework_list"),
    path("ramverk/nytt/", editing.framework_create, name="framework_create"),
    path("ramverk/<slug:slug>/", views.framework_detail, name="framework_detail"),
    path("ramverk/<slug:slug>/redigera/", editing.framework_edit, name="framework_edit"),
    path("ramverk/<slug:slug>/historik/", views.framework_history, name="framework_history"),
]
