"""Publishing and adopting a plan; dates that report what happened cannot lie ahead."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateField, latest_today, not_in_the_future
from governance.models import case_number_for_body
from governance.pickers import BodyChoiceField


class PublishForm(forms.Form):
    on = DateField(
        label=_("Publicerad den"),
        help_text=_("Dagen då det ägande organet publicerade planen."),
    )
    label = forms.CharField(
        label=_("Benämning (frivillig)"),
        max_length=200,
        required=False,
        help_text=_("t.ex. ”Rekommenderad av SVOM”"),
    )


class AdoptForm(forms.Form):
    body = BodyChoiceField(label=_("Beslutande organ"))
    case_number = forms.CharField(
        label=_("Ärendenummer"), max_length=40, help_text=_("t.ex. ”HSN 2022/652”")
    )
    decision_date = DateField(label=_("Beslutsdatum"), required=False)

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
