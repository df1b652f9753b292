from datetime import datetime, time

from django import forms
from django.utils import timezone

from governance.models import Body, Organisation

HORIZON_CHOICES = [(1, "1 månad"), (3, "3 månader"), (6, "6 månader"), (12, "12 månader")]


class DueFilterForm(forms.Form):
    DEFAULT_MONTHS = 3

    months = forms.TypedChoiceField(
        label="Förfaller inom", choices=HORIZON_CHOICES, coerce=int, initial=3, required=False
    )
    body = forms.ModelChoiceField(
        label="Organ",
        queryset=Body.objects.all(),
        required=False,
        empty_label="Alla",
        to_field_name="slug",
    )
    organisation = forms.ModelChoiceField(
        label="Huvudman",
        queryset=Organisation.objects.all(),
        required=False,
        empty_label="Alla",
        to_field_name="slug",
    )


class AsOfForm(forms.Form):
    datum = forms.DateField(
        label="Visa planen som den såg ut den", widget=forms.DateInput(attrs={"type": "date"})
    )

    def moment(self) -> datetime:
        """The end of the chosen day, in the portal's time zone."""
        return timezone.make_aware(datetime.combine(self.cleaned_data["datum"], time.max))


class CompareForm(forms.Form):
    fran = forms.DateField(label="Från", widget=forms.DateInput(attrs={"type": "date"}))
    till = forms.DateField(label="Till", widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fran") and cleaned.get("till") and cleaned["fran"] > cleaned["till"]:
            raise forms.ValidationError("Från-datumet måste ligga före till-datumet.")
        return cleaned

    def moments(self) -> tuple[datetime, datetime]:
        return tuple(
            timezone.make_aware(datetime.combine(self.cleaned_data[name], time.max))
            for name in ("fran", "till")
        )
