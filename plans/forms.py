from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import periods
from core.revisions import RevisionFormMixin
from governance.models import Body, Organisation, case_number_for_body
from plans.models import (
    Activity,
    FollowUp,
    Initiative,
    Milestone,
    Plan,
    Section,
    StateReport,
    StatusUpdate,
)
from plans.moments import Moment
from plans.workbench import period_warning

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
    body = forms.ModelChoiceField(
        label=_("Organ"),
        queryset=Body.objects.all(),
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
    datum = forms.DateField(
        label=_("Visa planen som den såg ut den"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def moment(self) -> datetime:
        """The end of the chosen day, in the portal's time zone."""
        return timezone.make_aware(datetime.combine(self.cleaned_data["datum"], time.max))


class HistoryFilterForm(forms.Form):
    """The plan history's filters: all optional; the person filter only for those who see
    who made each change (`people`: (user id, name) pairs found in the history)."""

    typ = forms.ChoiceField(label=_("Vad"), required=False)
    person = forms.TypedChoiceField(label=_("Vem"), required=False, coerce=int, empty_value=None)
    fran = forms.DateField(
        label=_("Från och med"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    till = forms.DateField(
        label=_("Till och med"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

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


# --- editing -----------------------------------------------------------------------------


class ChoicesField(forms.ModelMultipleChoiceField):
    """An id beyond a database integer names nothing: refused as an invalid choice, where
    SQLite could not even take it in the query (Django guards `=` lookups, not `IN`)."""

    def _check_values(self, value):
        for pk in value:
            try:
                too_large = abs(int(pk)) >= 2**63
            except (TypeError, ValueError):
                continue  # not a number: the parent refuses it
            if too_large:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class RevisionForm(RevisionFormMixin, forms.ModelForm):
    """Every edit form carries the revision it started from (lost-update protection) and
    shows how a period is read, warning without refusing when it is not understood."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "period_text" in self.fields:
            self.fields["period_text"].label = _("Tid")
            self.fields["period_text"].help_text = _(
                "Skriv som i planen, t.ex. ”Q2 2022”, ”hösten 2022”, ”vid utgången av 2025”."
            )
        if "responsible_bodies" in self.fields:
            self.fields["responsible_bodies"].queryset = Body.objects.order_by("name")
            self.fields["responsible_bodies"].help_text = _(
                "Välj organ ur registret. Skriv i fritextfältet om organet inte finns där."
            )

    @property
    def period_reading(self):
        """How the portal reads the period typed in the form, or None when there is none."""
        if "period_text" not in self.fields:
            return None
        if self.is_bound:
            text = self.data.get(self.add_prefix("period_text"), "")
        else:
            text = self.initial.get("period_text") or ""
        return periods.parse(text) if str(text).strip() else None

    @property
    def plan_period_text(self) -> str:
        """The period of the plan the edited item belongs to ('' for the plan itself)."""
        if "period_text" not in self.fields or isinstance(self.instance, Plan):
            return ""
        return self.instance.plan.period_text

    @property
    def period_warning(self) -> str:
        """The typed period lies outside the plan's: said beside the reading, saved anyway."""
        reading = self.period_reading
        return period_warning(reading.text, self.plan_period_text) if reading else ""

    def edit_fields(self) -> dict:
        """The cleaned values to hand to a service (without the revision and m2m bodies)."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("revision", "responsible_bodies")
        }


class PlanForm(RevisionForm):
    class Meta:
        model = Plan
        fields = [
            "title",
            "kind",
            "period_text",
            "document_date",
            "owner_body",
            "framework",
            "parties",
            "preamble",
        ]
        widgets = {
            "document_date": forms.DateInput(attrs={"type": "date"}),
            "parties": forms.CheckboxSelectMultiple,
            "preamble": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"period_text": _("Period")}
        field_classes = {"parties": ChoicesField}


class SectionForm(RevisionForm):
    class Meta:
        model = Section
        fields = ["number", "title", "introduction", "responsible_bodies", "responsibility_text"]
        field_classes = {"responsible_bodies": ChoicesField}
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 5}),
            "responsibility_text": forms.Textarea(attrs={"rows": 2}),
        }


class InitiativeForm(RevisionForm):
    class Meta:
        model = Initiative
        fields = ["letter", "title", "description", "responsible_bodies", "responsibility_text"]
        field_classes = {"responsible_bodies": ChoicesField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "responsibility_text": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_letter(self):
        letter = self.cleaned_data["letter"].strip().rstrip(")").lower()
        if not letter.isalpha():
            raise forms.ValidationError(_("Skriv en bokstav, t.ex. ”a”."))
        return letter


class ActivityForm(RevisionForm):
    class Meta:
        model = Activity
        fields = ["text", "period_text", "note"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class MilestoneForm(RevisionForm):
    class Meta:
        model = Milestone
        fields = ["text", "period_text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class FollowUpForm(RevisionForm):
    class Meta:
        model = FollowUp
        fields = ["text", "period_text", "reported_to"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


def not_in_the_future(value, message):
    """A date that reports what happened (a decision, a status) cannot lie ahead."""
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(message, code="future")
    return value


def latest_today(field) -> None:
    """The date picker offers nothing after today (the check above refuses it anyway)."""
    field.widget.attrs["max"] = timezone.localdate().isoformat()


class StatusUpdateForm(forms.ModelForm):
    class Meta:
        model = StatusUpdate
        fields = ["status", "date", "comment"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
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


class PublishForm(forms.Form):
    on = forms.DateField(
        label=_("Publicerad den"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Dagen då det ägande organet publicerade planen."),
    )
    label = forms.CharField(
        label=_("Benämning (frivillig)"),
        max_length=200,
        required=False,
        help_text=_("t.ex. ”Rekommenderad av SVOM”"),
    )


class AdoptForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("Beslutande organ"), queryset=Body.objects.order_by("name")
    )
    case_number = forms.CharField(
        label=_("Ärendenummer"), max_length=40, help_text=_("t.ex. ”HSN 2022/652”")
    )
    decision_date = forms.DateField(
        label=_("Beslutsdatum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latest_today(self.fields["decision_date"])

    def clean_decision_date(self):
        return not_in_the_future(
            self.cleaned_data.get("decision_date"),
            _(
                "Beslutsdatumet kan inte ligga i framtiden. Fastställ planen när beslutet är fattat."
            ),
        )

    def clean(self):
        cleaned = super().clean()
        body, number = cleaned.get("body"), cleaned.get("case_number")
        if body and number:
            try:
                cleaned["case_number"] = case_number_for_body(body, number)
            except forms.ValidationError as error:
                self.add_error("case_number", error.messages)
        return cleaned


class StateReportForm(forms.Form):
    """Report an item's state (planerad, pågår, klar with its date, struken)."""

    state = forms.ChoiceField(label=_("Läge"), choices=StateReport.State.choices)
    done_on = forms.DateField(
        label=_("Klar den"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
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


class RoundForm(forms.Form):
    """Open a follow-up round."""

    reporting_date = forms.DateField(
        label=_("Rapportdatum"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Läget rapporteras per detta datum; förfallet räknas mot det."),
    )
    deadline = forms.DateField(
        label=_("Sista dag att rapportera"), widget=forms.DateInput(attrs={"type": "date"})
    )
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
