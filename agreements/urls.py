from django.urls import path

from agreements import views
from agreements.imports.urls import urlpatterns as import_urls

app_name = "agreements"

urlpatterns = [
    path("overenskommelser/", views.agreement_list, name="agreement_list"),
    # Before the register ids: "pdf" is not one.
    path("overenskommelser/pdf/", views.register_pdf, name="register_pdf"),
    path("overenskommelser/oversyn.ics", views.review_calendar, name="review_calendar"),
    path(
        "overenskommelser/forteckning.<export:export_format>",
        views.register_export,
        name="register_export",
    ),
    *import_urls,
    path("overenskommelser/<str:register_id>/", views.agreement_detail, name="agreement_detail"),
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
    path("ramverk/<slug:slug>/", views.framework_detail, name="framework_detail"),
    path("ramverk/<slug:slug>/historik/", views.framework_history, name="framework_history"),
]
