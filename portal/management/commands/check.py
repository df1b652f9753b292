"""Django's `check`, which also refuses a missing SECRET_KEY (see portal.secret_key)."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import CommandError
from django.core.management.commands import check

from portal.secret_key import require_secret_key


class Command(check.Command):
    def handle(self, *app_labels, **options):
        try:
            require_secret_key()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        return super().handle(*app_labels, **options)
