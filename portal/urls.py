from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from portal import feeds, sso, views, watches

# A database outage met outside a view is a 503 too (core.middleware.database_outage_response).
handler500 = "portal.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("sok/", views.site_search, name="search"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("hjalp/", views.help_page, name="help"),
    path("hjalp/ordlista/", views.glossary, name="glossary"),
    path("halsa/", views.health, name="health"),
    path("kalender.ics", feeds.calendar_all, name="calendar_all"),
    path("andringar.atom", feeds.ChangesFeed(), name="changes_feed"),
    path("konto/logga-in/", sso.LoginView.as_view(), name="login"),
    path("konto/logga-ut/", sso.LogoutView.as_view(), name="logout"),
    # Single sign-on (portal.sso; 404 unless configured). The callback is the redirect URI a
    # provider registers, so its address stays as the library names it.
    path("oidc/authenticate/", sso.AuthenticateView.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", sso.CallbackView.as_view(), name="oidc_authentication_callback"),
    path("konto/sso-nekad/", sso.sso_refused, name="sso_refused"),
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
    path("bevaka/<str:target>/<int:pk>/", watches.watch, name="watch"),
    path("bevakning/sluta/<str:token>/", watches.digest_unsubscribe, name="digest_unsubscribe"),
    path("", include("core.urls")),
    path("", include("governance.urls")),
    path("", include("agreements.urls")),
    path("", include("plans.urls")),
    path("api/", include("portal.api.urls")),
    # The language switch posts here (Django's set_language): a cookie, then back to the same
    # page. Without a CSRF token: a token in every page would set a cookie per stranger and
    # keep every public page out of the page cache, and a forged post can do no more than
    # choose the visitor's language (set_language redirects only to this site).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
