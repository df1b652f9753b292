"""Forms of the reading pages: what is due, the plan as of a date, its history, comparisons."""

from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateField
from governance.models import Organisation
from governance.pickers import BodyChoiceField
from plans.moments import Moment

HORIZON_CHOICES = [
    (1, _("1 månad")),
    (3, _("3 månader")),
    (6, _("6 månader")),
    (12, _("12 månader")),
]


class DueFilterForm(forms.Form):
    DEFAULT_MONTHS = 3

    months = forms.TypedChoiceField(
        label=_("Förfaller inom"), choices=HORIZON_CHOICES, coerce=int, initial=3, required=False
    )
    body = BodyChoiceField(
        label=_("Organ"),
        required=False,
        empty_label=_("Alla"),
        to_field_name="slug",
    )
    organisation = forms.ModelChoiceField(
        label=_("Huvudman"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("Alla"),
        to_field_name="slug",
    )


class AsOfForm(forms.Form):
    datum = DateField(label=_("Visa planen som den såg ut den"))

    def moment(self) -> datetime:
        """The end of the chosen day, in the portal's time zone."""
        return timezone.make_aware(datetime.combine(self.cleaned_data["datum"], time.max))


class HistoryFilterForm(forms.Form):
    """The plan history's filters: all optional; the person filter only for those who see
    who made each change (`people`: (user id, name) pairs found in the history)."""

    typ = forms.ChoiceField(label=_("Vad"), required=False)
    person = forms.TypedChoiceField(label=_("Vem"), required=False, coerce=int, empty_value=None)
    fran = DateField(label=_("Från och med"), required=False)
    till = DateField(label=_("Till och med"), required=False)

    def __init__(self, *args, kinds, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["typ"].choices = [("", _("Allt")), *kinds]
        if people is None:
            del self.fields["person"]
        else:
            self.fields["person"].choices = [("", _("Alla")), *people]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fran") and cleaned.get("till") and cleaned["fran"] > cleaned["till"]:
            raise forms.ValidationError(_("Från-datumet måste ligga före till-datumet."))
        return cleaned


class CompareForm(forms.Form):
    """Two states of the plan by their names (plans.queries.plan_moments). A date
    (YYYY-MM-DD) is taken too, as the end of that day, so links from before keep working."""

    fran = forms.CharField(label=_("Från"), widget=forms.Select)
    till = forms.CharField(label=_("Till"), widget=forms.Select)

    def __init__(self, *args, moments, **kwargs):
        super().__init__(*args, **kwargs)
        self.moments_by_key = {moment.key: moment for moment in moments}
        choices = [(moment.key, moment.label) for moment in moments]
        for name in ("fran", "till"):
            self.fields[name].widget.choices = choices
        # The usual question first: what changed since the newest version.
        versions = [moment for moment in moments if moment.when is not None]
        self.initial.setdefault("fran", versions[0].key if versions else "idag")
        self.initial.setdefault("till", "idag")

    def _moment(self, name):
        key = self.cleaned_data.get(name, "")
        if key in self.moments_by_key:
            return self.moments_by_key[key]
        try:
            day = datetime.strptime(key, "%Y-%m-%d")
        except ValueError:
            raise forms.ValidationError(_("Välj en version i listan.")) from None
        moment = timezone.make_aware(datetime.combine(day.date(), time.max))
        return Moment(key, f"{day:%Y-%m-%d}", moment)

    def clean_fran(self):
        return self._moment("fran")

    def clean_till(self):
        return self._moment("till")

    def clean(self):
        cleaned = super().clean()
        older, newer = cleaned.get("fran"), cleaned.get("till")
        if older and newer and older.when is None and newer.when is not None:
            raise forms.ValidationError(_("Välj den äldre versionen som Från."))
        if older and newer and older.when and newer.when and older.when > newer.when:
            raise forms.ValidationError(_("Välj den äldre versionen som Från."))
        return cleaned
