from django.urls import path

from core import views

urlpatterns = [
    path("bakgrund/<uuid:pk>/", views.background_job, name="background_job"),
    path("bakgrund/<uuid:pk>/igen/", views.background_job_retry, name="background_job_retry"),
]
