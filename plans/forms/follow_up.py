"""Following up: an initiative's status update, an item's reported state, a follow-up round."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateField, DateInput, latest_today, not_in_the_future
from plans.models import StateReport, StatusUpdate


class StatusUpdateForm(forms.ModelForm):
    class Meta:
        model = StatusUpdate
        fields = ["status", "date", "comment"]
        widgets = {
            "date": DateInput,
            "comment": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latest_today(self.fields["date"])

    def clean_date(self):
        return not_in_the_future(
            self.cleaned_data.get("date"),
            _("Datumet kan inte ligga i framtiden: en statusuppdatering gäller det som har hänt."),
        )


class StateReportForm(forms.Form):
    """Report an item's state (planerad, pågår, klar with its date, struken)."""

    state = forms.ChoiceField(label=_("Läge"), choices=StateReport.State.choices)
    done_on = DateField(
        label=_("Klar den"),
        required=False,
        help_text=_("Datumet då det blev klart. Fylls i när läget är ”Klar”."),
    )
    comment = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # From a round's page: the report is meant for that round, and refused once it is closed.
    omgang = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        state, done_on = cleaned.get("state"), cleaned.get("done_on")
        if state == StateReport.State.DONE and done_on is None and "done_on" not in self.errors:
            self.add_error("done_on", _("Ange datumet då det blev klart."))
        if state != StateReport.State.DONE:
            cleaned["done_on"] = None  # only done has a date (a future one the service refuses)
        return cleaned

    def report(self) -> dict:
        """The cleaned form as state_report_record's keyword arguments (the round by number)."""
        data = self.cleaned_data
        return {
            "state": data["state"],
            "done_on": data["done_on"],
            "comment": data["comment"],
            "round_number": data["omgang"],
        }


class RoundForm(forms.Form):
    """Open a follow-up round."""

    reporting_date = DateField(
        label=_("Rapportdatum"),
        help_text=_("Läget rapporteras per detta datum; förfallet räknas mot det."),
    )
    deadline = DateField(label=_("Sista dag att rapportera"))
    name = forms.CharField(
        label=_("Namn"),
        max_length=200,
        required=False,
        help_text=_("T.ex. ”Uppföljning T2 2026”. Lämnas tomt: namnet ges av rapportdatumet."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("reporting_date"), cleaned.get("deadline")
        if start and end and end < start:
            self.add_error(
                "deadline", _("Sista dag att rapportera kan inte ligga före rapportdatum.")
            )
        return cleaned
