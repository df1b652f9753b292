from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, Framework, Status, Topic
from agreements.services import attachment_validate
from core import revisions
from core.forms import DateField, DateInput, latest_today, not_in_the_future
from core.revisions import RevisionFormMixin
from governance.models import Organisation
from governance.pickers import BodyChoiceField, offer_first

REASON_HELP = _("Står i historiken, t.ex. ”Ny version 9.0 fastställd”.")


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=300, required=False)
    file = forms.FileField(label=_("Fil"), help_text=_("PDF eller Office-dokument."))

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        attachment_validate(uploaded)  # raises a ValidationError in Swedish
        uploaded.seek(0)
        return uploaded


class ReasonForChanges(revisions.ReasonForChanges):
    reason_help = REASON_HELP


class AgreementForm(ReasonForChanges, forms.ModelForm):
    """An agreement's own fields, its parties and topics. What replaces it is chosen with
    ReplaceForm (status "Ersatt" follows from it), so "Ersatt" is not offered here."""

    responsible_body = BodyChoiceField(label=_("Ansvarigt organ"), required=False)

    class Meta:
        model = Agreement
        fields = [
            "register_id",
            "version_label",
            "title",
            "kind",
            "status",
            "parties",
            "topics",
            "valid_from",
            "valid_until",
            "review_by",
            "responsible_body",
            "summary",
            "text",
        ]
        widgets = {
            "parties": forms.CheckboxSelectMultiple,
            "topics": forms.CheckboxSelectMultiple,
            "valid_from": DateInput,
            "valid_until": DateInput,
            "review_by": DateInput,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "text": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = Organisation.objects.order_by("name")
        self.fields["topics"].queryset = Topic.objects.order_by("name")
        if self.instance.pk:
            offer_first(self.fields["responsible_body"], self.instance.parties.all())
        if self.instance.status != Status.REPLACED:
            self.fields["status"].choices = [
                choice for choice in Status.choices if choice[0] != Status.REPLACED
            ]

    def m2m(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("parties", "topics")}


class FrameworkForm(ReasonForChanges, forms.ModelForm):
    class Meta:
        model = Framework
        fields = [
            "title",
            "slug",
            "status",
            "parties",
            "covers",
            "summary",
            "goals",
            "principles",
            "guidelines",
        ]
        widgets = {
            "parties": forms.CheckboxSelectMultiple,
            "covers": forms.CheckboxSelectMultiple,
            **{
                name: forms.Textarea(attrs={"rows": 5})
                for name in ("summary", "goals", "principles", "guidelines")
            },
        }
        help_texts = {"covers": _("Överenskommelser som ramverket omfattar utan att ersätta.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = Organisation.objects.order_by("name")
        self.fields["covers"].queryset = Agreement.objects.order_by("register_id")

    def m2m(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("parties", "covers")}


class ReplaceForm(RevisionFormMixin, forms.Form):
    """What replaces the agreement: a newer agreement or a framework, one of them."""

    replaced_by_agreement = forms.ModelChoiceField(
        label=_("Ersätts av överenskommelsen"), queryset=Agreement.objects.none(), required=False
    )
    replaced_by_framework = forms.ModelChoiceField(
        label=_("eller av ramverket"), queryset=Framework.objects.none(), required=False
    )
    reason = forms.CharField(
        label=_("Anledning"), max_length=200, required=False, help_text=REASON_HELP
    )

    def __init__(self, *args, agreement: Agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance = agreement
        if not self.is_bound:
            self.initial["revision"] = agreement.revision
        self.fields["replaced_by_agreement"].queryset = Agreement.objects.exclude(
            pk=agreement.pk
        ).order_by("register_id")
        self.fields["replaced_by_framework"].queryset = Framework.objects.order_by("title")

    def clean(self):
        cleaned = super().clean()
        agreement, framework = (
            cleaned.get("replaced_by_agreement"),
            cleaned.get("replaced_by_framework"),
        )
        if bool(agreement) == bool(framework):
            raise forms.ValidationError(
                _("Välj antingen en överenskommelse eller ett ramverk som ersätter den.")
            )
        cleaned["replaced_by"] = agreement or framework
        return cleaned


class AdoptionForm(forms.Form):
    """A body's decision that adopts the agreement, named by its case number; the parties'
    bodies are offered first."""

    body = BodyChoiceField(label=_("Organ som beslutade"))
    case_number = forms.CharField(
        label=_("Ärendenummer"),
        max_length=60,
        help_text=_("Organets eget, t.ex. ”HSN 2026/77”."),
    )
    date = DateField(label=_("Beslutsdatum"), required=False)

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        latest_today(self.fields["date"])
        offer_first(self.fields["body"], agreement.parties.order_by("name"))

    def clean_date(self):
        return not_in_the_future(
            self.cleaned_data["date"], _("Beslutsdatumet kan inte ligga i framtiden.")
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Anledning"), max_length=200, help_text=REASON_HELP)
