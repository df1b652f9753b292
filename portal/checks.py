"""Checks of our own for `manage.py check --deploy`."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits count in the cache; a per-process cache lets each worker count alone."""
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        return [
            checks.Warning(
                "REDIS_URL är inte satt: cachen är per process, så gränserna för formulär "
                "räknas per gunicorn-arbetare.",
                hint="Sätt REDIS_URL (t.ex. redis://127.0.0.1:6379/0).",
                id="portal.W001",
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
    try:
        sso.role_map()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="portal.E001")]
    return []
