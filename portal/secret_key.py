"""The one refusal of a missing SECRET_KEY, for the places that start the site.

Settings leave the key empty when it is not set, so that commands which only read the code run
from a fresh checkout; Django itself refuses an empty key wherever one is read. Serving
(portal/wsgi.py, which runserver and gunicorn load) and `manage.py check` (what an operator runs
before starting, README.md "Production") call this, so a missing key stops them at once.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def require_secret_key() -> None:
    try:
        settings.SECRET_KEY  # noqa: B018 - Django raises ImproperlyConfigured on an empty key
    except ImproperlyConfigured:
        raise ImproperlyConfigured("SECRET_KEY måste vara satt när DEBUG är av.") from None
