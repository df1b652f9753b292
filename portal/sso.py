"""Single sign-on by OpenID Connect: mozilla-django-oidc's views and backend, with what the portal
needs around them. On only when OIDC_RP_CLIENT_ID is set (docs/operations.md, "Single sign-on").

- The provider's endpoints come from its discovery document, read on the first SSO login and
  kept by the process; each can be given by its own setting instead.
- An account is found by the ID token's issuer and subject alone (portal.services
  .sso_user_sign_in); the roles claim gives the roles (OIDC_ROLE_MAP), and a person it gives
  none is refused with a page that says why.
- The ID token's issuer and audience are checked (the library checks signature, expiry and nonce).
- The provider unreachable, a cancelled consent, a token that does not verify: the person sees a
  Swedish page (503 or 403), never a 500.
"""

import functools
import logging
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from portal.roles import ROLE_KEYS
from portal.services import sso_user_sign_in

logger = logging.getLogger(__name__)

# Settings the discovery document supplies when they are not set, and its names for them.
DISCOVERED = {
    "OIDC_OP_ISSUER": "issuer",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}
# Why the last SSO login of this session failed, for the page that says so.
REFUSAL_KEY = "sso_refusal"
NO_ROLE, INACTIVE, FAILED, UNREACHABLE = "no_role", "inactive", "failed", "unreachable"


def enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


@functools.lru_cache(maxsize=4)
def _discovery(url: str) -> dict:
    """The provider's discovery document; a failure is not kept, so the next login asks again."""
    response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
    response.raise_for_status()
    return response.json()


def provider_setting(name: str, *default):
    """A setting, where an unset provider endpoint is read from the discovery document."""
    if name in DISCOVERED and not getattr(settings, name, "") and settings.OIDC_OP_DISCOVERY_URL:
        value = _discovery(settings.OIDC_OP_DISCOVERY_URL).get(DISCOVERED[name])
        if value:
            return value
    return import_from_settings(name, *default)


def role_map() -> dict[str, str]:
    """OIDC_ROLE_MAP as {claim value: role}: "value=role;value=role". The value may itself hold
    "=" and "," (a directory's group DN), so a pair splits at its last "=".
    ImproperlyConfigured for a role that is not one of portal.roles.ROLE_KEYS."""
    mapping = {}
    for pair in filter(None, (part.strip() for part in settings.OIDC_ROLE_MAP.split(";"))):
        value, _sep, key = pair.rpartition("=")
        if not value or key.strip() not in ROLE_KEYS:
            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP: {pair!r} is not 'value=role' with a role among "
                f"{', '.join(ROLE_KEYS)}."
            )
        mapping[value.strip()] = ROLE_KEYS[key.strip()]
    return mapping


def roles_from_claims(claims: dict) -> list[str]:
    """The portal's roles the provider's roles claim gives (a list of values or one value)."""
    values = claims.get(settings.OIDC_ROLES_CLAIM) or []
    values = [values] if isinstance(values, str) else values
    mapping = role_map()
    return sorted({mapping[value] for value in values if value in mapping})


def is_sso_callback(request, credentials=None) -> bool:
    """For django-axes (AXES_WHITELIST_CALLABLE): the provider's callback is no password
    guess. The provider defends its own login; a refused SSO login must not count as a failure
    towards a lockout, and a lockout must not stop an SSO login."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "oidc_authentication_callback")


def _refuse(request, reason: str) -> None:
    request.session[REFUSAL_KEY] = reason


class SingleSignOnBackend(OIDCAuthenticationBackend):
    """Authenticates the provider's callback, and nothing else. The endpoints are looked up only
    then: a password login never waits for, or fails with, the provider."""

    get_settings = staticmethod(provider_setting)

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or not is_sso_callback(request):
            return None
        try:
            super().__init__()  # resolves the endpoints
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, ValueError) as error:
            logger.error("Inloggning via %s misslyckades: %s", settings.OIDC_PROVIDER_NAME, error)
            _refuse(request, UNREACHABLE)
        except SuspiciousOperation as error:
            logger.warning("SSO-inloggning avvisad: %s", error)
            _refuse(request, FAILED)
        return None

    def get_user(self, user_id):
        """The session's user, as long as the account is active: deactivating an account ends
        its sessions (the library's own does not look)."""
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None

    def verify_token(self, token, **kwargs):
        """Also the issuer and the audience, which the library leaves unchecked: a token the
        provider made for another client, or another provider's, does not log in here."""
        payload = super().verify_token(token, **kwargs)
        if not (payload.get("iss") and payload.get("sub")):
            raise SuspiciousOperation("ID token without issuer or subject")
        audience = payload.get("aud")
        audience = [audience] if isinstance(audience, str) else audience or []
        if self.OIDC_RP_CLIENT_ID not in audience:
            raise SuspiciousOperation("ID token not issued to this client")
        issuer = self.get_settings("OIDC_OP_ISSUER", "")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("ID token from another issuer")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("userinfo is about another subject than the ID token")
        roles = roles_from_claims({**payload, **claims})
        if not roles:
            logger.warning(
                "SSO-inloggning nekad: %s gav ingen roll (%s).",
                claims.get("preferred_username") or payload["sub"],
                settings.OIDC_ROLES_CLAIM,
            )
            _refuse(self.request, NO_ROLE)
            return None
        user = sso_user_sign_in(
            issuer=payload["iss"],
            subject=payload["sub"],
            roles=roles,
            # A provider may send a claim as null.
            username=claims.get("preferred_username") or "",
            email=claims.get("email") or "",
            first_name=claims.get("given_name") or "",
            last_name=claims.get("family_name") or "",
        )
        if not user.is_active:
            _refuse(self.request, INACTIVE)
        return user


class _OnlyWhenEnabled:
    def dispatch(self, request, *args, **kwargs):
        if not enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class AuthenticateView(_OnlyWhenEnabled, OIDCAuthenticationRequestView):
    """ "Logga in med …": to the provider. Its address is looked up here, not when the view is
    made, so that an unreachable provider gives the person a page instead of a 500."""

    get_settings = staticmethod(provider_setting)

    def __init__(self, *args, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except (requests.RequestException, ValueError) as error:
            logger.error("Inloggningstjänsten kan inte nås: %s", error)
            return refusal_page(request, UNREACHABLE)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


class CallbackView(_OnlyWhenEnabled, OIDCAuthenticationCallbackView):
    """The provider sends the person back here (/oidc/callback/: the redirect URI to register)."""

    @property
    def failure_url(self):
        return reverse("sso_refused")

    def get(self, request):
        if request.GET.get("error"):  # cancelled at the provider, or refused there
            _refuse(request, FAILED)
        return super().get(request)


REFUSALS = {
    NO_ROLE: (403, lambda: _("Ditt konto ger ingen behörighet i portalen")),
    INACTIVE: (403, lambda: _("Ditt konto i portalen är avstängt")),
    FAILED: (403, lambda: _("Inloggningen avbröts")),
    UNREACHABLE: (503, lambda: _("Inloggningstjänsten svarar inte")),
}


def refusal_page(request, reason: str):
    status, title = REFUSALS.get(reason, REFUSALS[FAILED])
    response = render(
        request,
        "registration/sso_refused.html",
        {"title": title(), "reason": reason, "provider": settings.OIDC_PROVIDER_NAME},
        status=status,
    )
    if status == 503:
        response["Retry-After"] = "60"
    return response


@never_cache
def sso_refused(request):
    """Where a failed SSO login lands (LOGIN_REDIRECT_URL_FAILURE): why, and what to do."""
    if not enabled():
        raise Http404
    return refusal_page(request, request.session.pop(REFUSAL_KEY, FAILED))


def provider_logout_url(request) -> str:
    """The provider's end-session address (RP-initiated logout) for a session that logged in
    there, with the way back to the portal; empty when there is none."""
    id_token = request.session.get("oidc_id_token")
    if not (enabled() and id_token):
        return ""
    try:
        endpoint = provider_setting("OIDC_OP_LOGOUT_ENDPOINT", "")
    except (requests.RequestException, ValueError):
        return ""  # the portal session ends all the same
    if not endpoint:
        return ""
    query = {
        "id_token_hint": id_token,
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("home")),
    }
    return f"{endpoint}?{urlencode(query)}"


class LoginView(auth_views.LoginView):
    """The password form, and beside it "Logga in med …" when SSO is configured."""

    def get_context_data(self, **kwargs):
        sso_provider = settings.OIDC_PROVIDER_NAME if enabled() else ""
        return super().get_context_data(**kwargs, sso_provider=sso_provider)


class LogoutView(auth_views.LogoutView):
    """Ends the portal session; after an SSO login also the provider's, where it offers that."""

    def post(self, request, *args, **kwargs):
        at_provider = provider_logout_url(request)  # read before the session is flushed
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(at_provider) if at_provider else response
