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
