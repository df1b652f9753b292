from django.urls import path

from agreements import editing, views
from agreements.imports.urls import urlpatterns as import_urls
from core.urls import EDITING_PAGES, READING_PAGES, SLUG, calendar_page, export_page, standard_pages

app_name = "agreements"

REGISTER_ID = "<str:register_id>/"
AGREEMENT = f"overenskommelser/{REGISTER_ID}"

urlpatterns = [
    # Before the register ids: "ny", "pdf" and "importera" are not ones.
    *standard_pages("overenskommelser/", editing, "agreement", *EDITING_PAGES, key=REGISTER_ID),
    path("overenskommelser/pdf/", views.register_pdf, name="register_pdf"),
    calendar_page("overenskommelser/oversyn", views.review_calendar),
    export_page("overenskommelser/forteckning", views.register_export),
    *import_urls,
    *standard_pages("overenskommelser/", views, "agreement", *READING_PAGES, key=REGISTER_ID),
    path(f"{AGREEMENT}ersatt-av/", editing.agreement_replace, name="agreement_replace"),
    *standard_pages(f"{AGREEMENT}faststallanden/", editing, "adoption", "add", "remove"),
    path(f"{AGREEMENT}bilagor/", views.attachment_upload, name="attachment_upload"),
    path(f"{AGREEMENT}bilagor/<int:pk>/", views.attachment_download, name="attachment_download"),
    # Before the slugs: "nytt" is not one.
    *standard_pages("ramverk/", editing, "framework", *EDITING_PAGES, key=SLUG, neuter=True),
    *standard_pages("ramverk/", views, "framework", *READING_PAGES, key=SLUG),
]
