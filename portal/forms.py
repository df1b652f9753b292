from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import BarrierReport


class BarrierReportForm(forms.ModelForm):
    class Meta:
        model = BarrierReport
        fields = ["page", "description", "contact"]
        labels = {
            "page": _("Vilken sida gäller det? (valfritt)"),
            "description": _("Beskriv problemet"),
            "contact": _("Din e-postadress, om du vill ha svar (valfritt)"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
