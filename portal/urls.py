from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from portal import views

admin.site.site_header = _("Samverkansportalen – administration")
admin.site.site_title = "Samverkansportalen"

urlpatterns = [
    path("", views.home, name="home"),
    path("sok/", views.site_search, name="search"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("hjalp/", views.help_page, name="help"),
    path("hjalp/ordlista/", views.glossary, name="glossary"),
    path("halsa/", views.health, name="health"),
    path("konto/logga-in/", auth_views.LoginView.as_view(), name="login"),
    path("konto/logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    # Password reset by e-mail: Django's views (the first limited per address), our templates.
    path("konto/nytt-losenord/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "konto/nytt-losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "konto/nytt-losenord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "konto/nytt-losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", include("governance.urls")),
    path("", include("agreements.urls")),
    path("", include("plans.urls")),
    # The language switch posts here (set_language): a cookie, then back to the same page.
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
