from django import forms

from portal.models import BarrierReport


class BarrierReportForm(forms.ModelForm):
    class Meta:
        model = BarrierReport
        fields = ["page", "description", "contact"]
        labels = {
            "page": "Vilken sida gäller det? (valfritt)",
            "description": "Beskriv problemet",
            "contact": "Din e-postadress, om du vill ha svar (valfritt)",
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
