"""The register administrator's forms for principals, bodies, people and memberships. Each
edit form carries the revision it started from and asks why (core.revisions); the rules are
the models' and the services', so a form only reads what was typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateField, DateInput
from core.revisions import ReasonForChanges, RevisionFormMixin
from governance.models import Body, Department, Membership, Organisation, Person
from governance.pickers import BodyChoiceField, PersonChoiceField, bodies_for_picking, offer_first


class OrganisationForm(ReasonForChanges, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "slug", "kind", "organisation_number"]
        help_texts = {"slug": _("Små bokstäver och bindestreck, t.ex. ”region-gotland”.")}


class DepartmentForm(ReasonForChanges, forms.ModelForm):
    """A department's name; its principal is the one the address names."""

    class Meta:
        model = Department
        fields = ["name"]


class BodyForm(ReasonForChanges, forms.ModelForm):
    """A body, its principals (checkboxes; a joint body has several) and the body it reports
    to, chosen among its principals' bodies first."""

    reports_to = BodyChoiceField(label=_("Rapporterar till"), required=False)

    class Meta:
        model = Body
        fields = [
            "name",
            "short_code",
            "slug",
            "kind",
            "organisations",
            "reports_to",
            "active_from",
            "active_until",
            "mandate",
            "composition",
        ]
        widgets = {
            "organisations": forms.CheckboxSelectMultiple,
            "active_from": DateInput,
            "active_until": DateInput,
            "mandate": forms.Textarea(attrs={"rows": 5}),
            "composition": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"slug": _("Små bokstäver och bindestreck, t.ex. ”hsn-gotland”.")}

    def __init__(self, *args, organisation: Organisation | None = None, **kwargs):
        """`organisation`: the principal a new body is registered within."""
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = Organisation.objects.order_by("name")
        if self.instance.pk:
            self.fields["reports_to"].queryset = bodies_for_picking().exclude(pk=self.instance.pk)
            offer_first(self.fields["reports_to"], self.instance.organisations.all())
        elif organisation is not None:
            self.initial["organisations"] = [organisation.pk]
            offer_first(self.fields["reports_to"], [organisation])

    def m2m(self) -> dict:
        return {"organisations": self.cleaned_data["organisations"]}


class PersonForm(ReasonForChanges, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "title"]


class MembershipForm(ReasonForChanges, forms.ModelForm):
    """A person's membership of a body. A new one names a person in the register, or the name
    and title of one not yet in it (registered with the membership)."""

    person = PersonChoiceField(
        label=_("Person i registret"),
        required=False,
        help_text=_("Eller fyll i namn och titel nedan för en person som inte finns i registret."),
    )
    new_person_name = forms.CharField(label=_("Ny persons namn"), max_length=200, required=False)
    new_person_title = forms.CharField(label=_("Ny persons titel"), max_length=200, required=False)

    class Meta:
        model = Membership
        fields = ["person", "role", "representing", "valid_from", "valid_until"]
        widgets = {"valid_from": DateInput, "valid_until": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        body = self.instance.body
        self.fields["representing"].queryset = Organisation.objects.order_by("name")
        if self.instance.pk:
            for name in ("person", "new_person_name", "new_person_title"):
                del self.fields[name]
        else:
            offer_first(self.fields["person"], body.organisations.all())

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            return cleaned
        if bool(cleaned.get("person")) == bool(cleaned.get("new_person_name", "").strip()):
            raise forms.ValidationError(
                _("Välj en person i registret eller fyll i en ny persons namn, inte båda.")
            )
        return cleaned

    def membership(self) -> Membership:
        """The membership to register: of a new, unsaved person when one was typed in."""
        if self.cleaned_data.get("person") is None:
            self.instance.person = Person(
                name=self.cleaned_data["new_person_name"].strip(),
                title=self.cleaned_data["new_person_title"].strip(),
            )
        return self.instance


class MembershipEndForm(RevisionFormMixin, forms.Form):
    until = DateField(label=_("Sista dag i uppdraget"))
    reason = forms.CharField(
        label=_("Anledning"), max_length=200, help_text=_("Står i historiken, t.ex. ”Avgått”.")
    )

    def __init__(self, *args, membership: Membership, today, **kwargs):
        self.instance = membership
        super().__init__(*args, **kwargs)
        self.initial.setdefault("until", today)


class RemoveForm(RevisionFormMixin, forms.Form):
    """Why something registered by mistake is removed (the history keeps it, with the
    reason)."""

    reason = forms.CharField(
        label=_("Anledning"), max_length=200, help_text=_("Står i historiken.")
    )

    def __init__(self, *args, instance, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)
