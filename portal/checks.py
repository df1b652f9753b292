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


@checks.register(deploy=True)
def site_url(app_configs, **kwargs):
    """The worker writes links (the daily digest, PDFs) with no request to take the host from."""
    if settings.SITE_URL.startswith(("http://127.0.0.1", "http://localhost")):
        return [
            checks.Warning(
                "SITE_URL är inte satt: länkarna i e-post från portalen pekar på localhost.",
                hint="Sätt SITE_URL till portalens adress (t.ex. https://portal.example.se).",
                id="portal.W002",
            )
        ]
    return []
