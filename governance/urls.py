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
]
