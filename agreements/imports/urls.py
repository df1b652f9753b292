from django.urls import path

from agreements.imports import views

# Included by agreements/urls.py in its namespace, before the register ids ("importera" is
# not one).
urlpatterns = [
    path("overenskommelser/importera/", views.upload, name="register_import"),
    path(
        "overenskommelser/importera/<int:pk>/kolumner/",
        views.mapping,
        name="register_import_mapping",
    ),
    path(
        "overenskommelser/importera/<int:pk>/forhandsgranska/",
        views.preview,
        name="register_import_preview",
    ),
]
