"""A board report's lists as rows of their own (formsets), not typed conventions: underlag
(a title and a link to a page of the portal), signatories (chosen from the people in the
register, or named when the person is not there) and further sections (a heading and a text).
Empty rows are left out; the rows' order is the list's order. Without JavaScript a few empty
rows are offered, and saving offers more."""

from django import forms
from django.utils.translation import gettext_lazy as _

from governance.models import Person, validate_portal_path

EXTRA_ROWS = 2


class SupportingDocumentRow(forms.Form):
    title = forms.CharField(label=_("Underlagets titel"), max_length=300, required=False)
    portal_path = forms.CharField(
        label=_("Länk till en sida i portalen"),
        max_length=300,
        required=False,
        validators=[validate_portal_path],
        help_text=_("Valfri, t.ex. /ramverk/gotland-ramverk-primarvard/"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("portal_path") and not cleaned.get("title"):
            self.add_error("title", _("Ge underlaget en titel."))
        return cleaned

    def row(self) -> dict | None:
        if not self.cleaned_data.get("title"):
            return None
        return {
            "title": self.cleaned_data["title"],
            "portal_path": self.cleaned_data["portal_path"],
        }


class SignatoryRow(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person i registret"),
        queryset=Person.objects.order_by("name", "pk"),
        required=False,
        empty_label=_("Välj person"),
    )
    name = forms.CharField(
        label=_("eller namn"),
        max_length=200,
        required=False,
        help_text=_("Bara om personen inte finns i registret."),
    )
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    department = forms.CharField(label=_("Förvaltning"), max_length=200, required=False)

    def row(self) -> dict | None:
        person, name = self.cleaned_data.get("person"), self.cleaned_data.get("name")
        if person is None and not name:
            return None
        return {
            "name": person.name if person else name,
            "title": self.cleaned_data["title"] or (person.title if person else ""),
            "department": self.cleaned_data["department"],
        }


class SectionRow(forms.Form):
    heading = forms.CharField(label=_("Överskrift"), max_length=200, required=False)
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("text") and not cleaned.get("heading"):
            self.add_error("heading", _("Ge avsnittet en överskrift."))
        return cleaned

    def row(self) -> dict | None:
        if not self.cleaned_data.get("heading"):
            return None
        return {"heading": self.cleaned_data["heading"], "text": self.cleaned_data["text"]}


# (service keyword, prefix in the form, legend of each row, row form, initial from a row)
LISTS = [
    (
        "supporting_documents",
        "underlag",
        _("Beslutsunderlag"),
        SupportingDocumentRow,
        lambda row: {"title": row.title, "portal_path": row.portal_path},
    ),
    (
        "signatories",
        "undertecknare",
        _("Undertecknare"),
        SignatoryRow,
        lambda row: {"name": row.name, "title": row.title, "department": row.department},
    ),
    (
        "extra_sections",
        "avsnitt",
        _("Övriga avsnitt"),
        SectionRow,
        lambda row: {"heading": row.heading, "text": row.text},
    ),
]


class ReportLists:
    """The three formsets of one report form, validated and read together."""

    def __init__(self, data=None, *, report=None):
        self.formsets = []
        for keyword, prefix, legend, row_form, initial_of in LISTS:
            formset_class = forms.formset_factory(row_form, extra=EXTRA_ROWS)
            initial = None
            if report is not None and report.pk and data is None:
                initial = [initial_of(row) for row in getattr(report, keyword).all()]
                if keyword == "signatories":
                    initial = _with_people(initial)
            formset = formset_class(data, prefix=prefix, initial=initial)
            formset.keyword, formset.legend = keyword, legend
            self.formsets.append(formset)

    def is_valid(self) -> bool:
        # Every formset validated (no short circuit), so each shows its own errors.
        valid = [formset.is_valid() for formset in self.formsets]
        return all(valid)

    def has_errors(self) -> bool:
        return any(formset.total_error_count() for formset in self.formsets)

    def content(self) -> dict:
        return {
            formset.keyword: [row for form in formset.forms if (row := form.row())]
            for formset in self.formsets
        }


def _with_people(rows: list[dict]) -> list[dict]:
    """A stored signatory shows as the person of that name, where the register has one."""
    people = {
        person.name: person for person in Person.objects.filter(name__in=[r["name"] for r in rows])
    }
    return [
        {"person": people[row["name"]].pk, "title": row["title"], "department": row["department"]}
        if row["name"] in people
        else row
        for row in rows
    ]
