"""The workbench's forms: the plan's own fields and one form per kind of item (plans.kinds)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import periods
from core.forms import DateInput, textareas
from core.revisions import RevisionFormMixin
from governance.pickers import BodyMultipleChoiceField
from plans.models import Activity, FollowUp, Initiative, Milestone, Plan, Section
from plans.workbench import period_warning


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


class ResponsibleBodiesField(ChoicesField, BodyMultipleChoiceField):
    """Bodies from the register as checkboxes under their organisations (governance.pickers)."""


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
            "document_date": DateInput,
            "parties": forms.CheckboxSelectMultiple,
            "preamble": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"period_text": _("Period")}
        field_classes = {"parties": ChoicesField}


class ResponsiblePartForm(RevisionForm):
    """A section or an initiative: its mark, title and text, then the bodies responsible for
    it, from the register, and free text for what the register does not hold."""

    class Meta:
        fields = ["responsible_bodies", "responsibility_text"]
        field_classes = {"responsible_bodies": ResponsibleBodiesField}
        widgets = textareas(responsibility_text=2)


class SectionForm(ResponsiblePartForm):
    class Meta(ResponsiblePartForm.Meta):
        model = Section
        fields = ["number", "title", "introduction", *ResponsiblePartForm.Meta.fields]
        widgets = ResponsiblePartForm.Meta.widgets | textareas(introduction=5)


class InitiativeForm(ResponsiblePartForm):
    class Meta(ResponsiblePartForm.Meta):
        model = Initiative
        fields = ["letter", "title", "description", *ResponsiblePartForm.Meta.fields]
        widgets = ResponsiblePartForm.Meta.widgets | textareas(description=5)

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
