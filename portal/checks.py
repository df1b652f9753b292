"""Checks of our own for `manage.py check --deploy`."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits count in the cache and strangers' pages are kept there; a per-process
    cache lets each worker count alone and keep its own copies."""
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        return [
            checks.Warning(
                "REDIS_URL är inte satt: cachen är per process, så gränserna för formulär "
                "räknas per gunicorn-arbetare och varje arbetare sparar sidorna för sig.",
                hint="Sätt REDIS_URL (t.ex. redis://127.0.0.1:6379/0).",
                id="portal.W001",
            )
        ]
    return []


@checks.register("portal", deploy=True)
def contacts(app_configs, **kwargs):
    """The 403 page, the help pages and the accessibility statement name whom to write to."""
    missing = [
        name
        for name in ("CONTACT_REGISTER_EMAIL", "CONTACT_ACCESSIBILITY_EMAIL")
        if not getattr(settings, name)
    ]
    if missing:
        return [
            checks.Warning(
                f"Kontaktuppgifter saknas: {', '.join(missing)}. Sidorna kan inte säga vem man "
                "ska vända sig till.",
                hint="Sätt miljövariablerna (se docs/operations.md).",
                id="portal.W002",
            )
        ]
    return []


@checks.register()
def single_sign_on_roles(app_configs, **kwargs):
    """A role map that names no role of the portal would refuse everyone, silently."""
    from django.core.exceptions import ImproperlyConfigured

    from portal import sso

    if not sso.enabled():
        return []
    errors = []
    try:
        sso.role_map()
    except ImproperlyConfigured as error:
        errors.append(checks.Error(str(error), id="portal.E001"))
    # The logout endpoint is optional: without it logout ends the portal's session alone.
    required = [
        name
        for name in sso.DISCOVERED
        if name.endswith("_ENDPOINT") and name != "OIDC_OP_LOGOUT_ENDPOINT"
    ]
    missing = [name for name in required if not getattr(settings, name)]
    if not settings.OIDC_OP_DISCOVERY_URL and missing:
        errors.append(
            checks.Error(
                "OIDC_RP_CLIENT_ID är satt men inte var leverantören finns.",
                hint="Sätt OIDC_OP_DISCOVERY_URL (leverantörens "
                ".well-known/openid-configuration) eller " + ", ".join(missing) + ".",
                id="portal.E002",
            )
        )
    if not settings.OIDC_RP_CLIENT_SECRET:
        errors.append(checks.Error("OIDC_RP_CLIENT_SECRET saknas.", id="portal.E003"))
    return errors


@checks.register(deploy=True)
def site_url(app_configs, **kwargs):
    """The worker writes links (the daily digest, PDFs) with no request to take the host from."""
    if settings.SITE_URL.startswith(("http://127.0.0.1", "http://localhost")):
        return [
            checks.Warning(
                "SITE_URL är inte satt: länkarna i e-post från portalen pekar på localhost.",
                hint="Sätt SITE_URL till portalens adress (t.ex. https://portal.example.se).",
                id="portal.W003",
            )
        ]
    return []
