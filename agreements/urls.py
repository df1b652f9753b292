from django.urls import path

from agreements import views

app_name = "agreements"

urlpatterns = [
    path("overenskommelser/", views.agreement_list, name="agreement_list"),
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

# The register as PDF. Put first: "overenskommelser/<register_id>/" would otherwise take "pdf"
# as a register id.
urlpatterns.insert(0, path("overenskommelser/pdf/", views.register_pdf, name="register_pdf"))
