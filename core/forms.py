"""Form helpers every app's forms share."""

from django import forms
from django.utils import timezone


class DateInput(forms.DateInput):
    """The browser's date picker; it sends the date as ISO 8601, which Django reads."""

    input_type = "date"


class DateField(forms.DateField):
    """A date, picked with the browser's date picker."""

    widget = DateInput


def textareas(**rows: int) -> dict[str, forms.Textarea]:
    """Meta.widgets for text fields, by the number of rows each shows."""
    return {name: forms.Textarea(attrs={"rows": count}) for name, count in rows.items()}


def not_in_the_future(value, message):
    """A date that reports what happened (a decision, a status, a dated document) cannot lie
    ahead."""
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(message, code="future")
    return value


def latest_today(field) -> None:
    """The date picker offers nothing after today (not_in_the_future refuses it anyway)."""
    field.widget.attrs["max"] = timezone.localdate().isoformat()
