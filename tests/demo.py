"""The demo data in tests: loading it quietly, and counting every table to see what a load did."""

from io import StringIO

from django.apps import apps
from django.core.management import call_command


def load_demo() -> None:
    call_command("load_demo", stdout=StringIO())


def row_counts() -> dict[str, int]:
    # Every table, history and many-to-many tables included.
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }
