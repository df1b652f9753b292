from django.urls import path

from agreements.imports import views

IMPORT = "overenskommelser/importera/"

# Included by agreements/urls.py in its namespace, before the register ids ("importera" is
# not one).
urlpatterns = [
    path(IMPORT, views.upload, name="register_import"),
    path(f"{IMPORT}<int:pk>/kolumner/", views.mapping, name="register_import_mapping"),
    path(f"{IMPORT}<int:pk>/forhandsgranska/", views.preview, name="register_import_preview"),
]
