from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.services import attachment_validate


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=300, required=False)
    file = forms.FileField(label=_("Fil"), help_text=_("PDF eller Office-dokument."))

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        attachment_validate(uploaded)  # raises a ValidationError in Swedish
        uploaded.seek(0)
        return uploaded
