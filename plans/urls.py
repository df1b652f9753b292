from django.urls import path

from plans import views

app_name = "plans"

urlpatterns = [
    path("planer/", views.plan_list, name="plan_list"),
    path("planer/bevakning/", views.due, name="due"),
    path("planer/<slug:slug>/", views.plan_detail, name="plan_detail"),
    path("planer/<slug:slug>/tidslinje/", views.plan_timeline, name="plan_timeline"),
    path("planer/<slug:slug>/historik/", views.plan_history, name="plan_history"),
    path("planer/<slug:slug>/som-den-var/", views.plan_as_of, name="plan_as_of"),
    path("planer/<slug:slug>/jamfor/", views.plan_compare, name="plan_compare"),
    path("planer/<slug:slug>/version/<int:number>/", views.plan_version, name="plan_version"),
]
