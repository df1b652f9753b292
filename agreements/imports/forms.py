from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.imports.columns import BY_KEY, COLUMNS

SKIP = ("", gettext_lazy("– Hoppa över kolumnen –"))


class MappingForm(forms.Form):
    """One choice per column of the file: which field of the agreement it holds."""

    def __init__(self, *args, headings: list[str], samples: list[str], initial_keys, **kwargs):
        super().__init__(*args, **kwargs)
        self.headings = headings
        choices = [SKIP, *((c.key, c.label) for c in COLUMNS)]
        for index, heading in enumerate(headings):
            sample = samples[index]
            self.fields[f"kolumn_{index}"] = forms.ChoiceField(
                label=heading,
                choices=choices,
                required=False,
                initial=initial_keys[index],
                help_text=_("Exempel: %(sample)s") % {"sample": sample} if sample else "",
            )

    def keys(self) -> list[str]:
        return [self.cleaned_data[f"kolumn_{i}"] for i in range(len(self.headings))]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        keys = self.keys()
        twice = sorted({str(BY_KEY[k].label) for k in keys if k and keys.count(k) > 1})
        if twice:
            raise ValidationError(
                _("Varje fält kan bara hämtas från en kolumn: %(fields)s.")
                % {"fields": ", ".join(twice)}
            )
        if "register_id" not in keys:
            raise ValidationError(
                _(
                    "Välj vilken kolumn som innehåller registerbeteckningen: importen känner igen "
                    "överenskommelserna på den."
                )
            )
        return cleaned
