"""Form helpers every app's forms share."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.revisions import RevisionFormMixin


def not_in_the_future(value, message):
    """A date that reports what happened (a decision, a status, a dated document) cannot lie
    ahead."""
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(message, code="future")
    return value


def latest_today(field) -> None:
    """The date picker offers nothing after today (not_in_the_future refuses it anyway)."""
    field.widget.attrs["max"] = timezone.localdate().isoformat()


class ReasonForChanges(RevisionFormMixin):
    """The revision an edit started from, and the reason every change records in the history
    (a new entry's history says "registrerad" by itself, so a new object's form hides it).
    `reason_help` gives an example that fits the form."""

    reason_help = _("Står i historiken.")
    reason = forms.CharField(label=_("Anledning till ändringen"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = self.reason_help
        if not self.instance.pk:
            self.fields["reason"].required = False
            self.fields["reason"].widget = forms.HiddenInput()
