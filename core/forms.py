"""Form helpers every app's forms share."""

from django import forms
from django.utils import timezone


def not_in_the_future(value, message):
    """A date that reports what happened (a decision, a status, a dated document) cannot lie
    ahead."""
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(message, code="future")
    return value


def latest_today(field) -> None:
    """The date picker offers nothing after today (not_in_the_future refuses it anyway)."""
    field.widget.attrs["max"] = timezone.localdate().isoformat()
