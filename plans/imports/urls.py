from django.urls import path

from plans.imports import views

# Included by plans/urls.py in its namespace, among the fixed words ("importera" is no slug:
# plans.services.RESERVED_SLUGS).
urlpatterns = [
    path("planer/importera/", views.upload, name="plan_import"),
    path("planer/importera/<int:pk>/", views.preview, name="plan_import_preview"),
]
