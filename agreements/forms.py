from django import forms

from agreements.services import attachment_validate


class AttachmentForm(forms.Form):
    title = forms.CharField(label="Rubrik", max_length=300, required=False)
    file = forms.FileField(label="Fil", help_text="PDF eller Office-dokument.")

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        attachment_validate(uploaded)  # raises a ValidationError in Swedish
        uploaded.seek(0)
        return uploaded
