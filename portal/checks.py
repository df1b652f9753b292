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
