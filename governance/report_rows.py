"""A board report's lists as rows of their own (formsets), not typed conventions: underlag
(a title and a file or a link to a page of the portal), signatories (chosen from the people in the
register, or named when the person is not there) and further sections (a heading and a text).
Empty rows are left out; the rows' order is the list's order. Without JavaScript a few empty
rows are offered, and saving offers more."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from core.uploads import DOCUMENT_TYPES, read_document
from governance.models import Person, validate_portal_path
from governance.pickers import PersonChoiceField, offer_first

EXTRA_ROWS = 2


class SupportingDocumentRow(forms.Form):
    """A title and either a file or a link. A file saved before is kept (`document`: the
    stored row it belongs to) until another is chosen or it is removed."""

    title = forms.CharField(label=_("Underlagets titel"), max_length=300, required=False)
    file = forms.FileField(
        label=_("Fil"),
        required=False,
        help_text=_("PDF eller Office-fil (DOCX, XLSX, PPTX, ODT, ODS)."),
        widget=forms.FileInput(attrs={"accept": ",".join(DOCUMENT_TYPES)}),
    )
    remove_file = forms.BooleanField(label=_("Ta bort den sparade filen"), required=False)
    portal_path = forms.CharField(
        label=_("eller länk till en sida i portalen"),
        max_length=300,
        required=False,
        validators=[validate_portal_path],
        help_text=_("T.ex. /ramverk/gotland-ramverk-primarvard/"),
    )
    document = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The report's stored rows by id: a posted id names a file only among these.
        self.documents = documents or {}
        if self.saved_document is None:
            del self.fields["remove_file"]

    @property
    def saved_document(self):
        """The stored row whose file this row keeps, if it has one."""
        try:
            document = self.documents.get(int(self["document"].value()))
        except (TypeError, ValueError):
            return None
        return document if document and document.file else None

    def clean(self):
        cleaned = super().clean()
        if self.has_error("file"):  # not received (empty, say): its own message says so
            return cleaned
        upload = cleaned.get("file")
        if upload:
            try:
                data, _media_type = read_document(upload)
            except ValidationError as error:
                self.add_error("file", error)
                return cleaned
            cleaned["file"] = ContentFile(data, name=upload.name)
        kept = None if cleaned.get("remove_file") else self.saved_document
        cleaned["file"] = cleaned.get("file") or (kept.file.name if kept else "")
        if not any(cleaned.get(name) for name in ("title", "file", "portal_path")):
            return cleaned  # an empty row, left out
        if not cleaned.get("title"):
            self.add_error("title", _("Ge underlaget en titel."))
        if cleaned["file"] and cleaned.get("portal_path"):
            self.add_error(
                "portal_path",
                _("Ange antingen en fil eller en länk, inte båda. Ta bort filen för att länka."),
            )
        # A link refused by its validator is not in `cleaned`: its own message says enough.
        elif not cleaned["file"] and not cleaned.get("portal_path") and "portal_path" in cleaned:
            self.add_error("file", _("Välj en fil eller ange en länk till en sida i portalen."))
        return cleaned

    def row(self) -> dict | None:
        """The row as the services take it: `file` a stored file's name ("" for none), or
        a new file's content (a ContentFile with its name)."""
        if not self.cleaned_data.get("title"):
            return None
        return {
            "title": self.cleaned_data["title"],
            "portal_path": self.cleaned_data["portal_path"],
            "file": self.cleaned_data["file"],
        }


class SignatoryRow(forms.Form):
    person = PersonChoiceField(
        label=_("Person i registret"), required=False, empty_label=_("Välj person")
    )
    name = forms.CharField(
        label=_("eller namn"),
        max_length=200,
        required=False,
        help_text=_("Bara om personen inte finns i registret."),
    )
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    department = forms.CharField(label=_("Förvaltning"), max_length=200, required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:  # the choices read once for all rows
            self.fields["person"].choices = people

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
        lambda row: {"title": row.title, "portal_path": row.portal_path, "document": row.pk},
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

    def __init__(self, data=None, files=None, *, report=None):
        self.formsets = []
        stored = report is not None and report.pk
        for keyword, prefix, legend, row_form, initial_of in LISTS:
            formset_class = forms.formset_factory(row_form, extra=EXTRA_ROWS)
            initial = None
            if stored and data is None:
                initial = [initial_of(row) for row in getattr(report, keyword).all()]
                if keyword == "signatories":
                    initial = _with_people(initial)
            form_kwargs = {}
            if keyword == "supporting_documents":
                documents = report.supporting_documents.all() if stored else ()
                form_kwargs["documents"] = {document.pk: document for document in documents}
            if keyword == "signatories":
                form_kwargs["people"] = _people(report)
            formset = formset_class(
                data, files, prefix=prefix, initial=initial, form_kwargs=form_kwargs
            )
            formset.keyword, formset.legend = keyword, legend
            self.formsets.append(formset)

    def is_valid(self) -> bool:
        # Every formset validated (no short circuit), so each shows its own errors.
        valid = [formset.is_valid() for formset in self.formsets]
        return all(valid)

    @property
    def new_files(self) -> list[str]:
        """The names of files chosen in this request (not yet stored)."""
        return [
            form.cleaned_data["file"].name
            for formset in self.formsets
            if formset.keyword == "supporting_documents"
            for form in formset.forms
            if isinstance(form.cleaned_data.get("file"), ContentFile)
        ]

    def has_errors(self) -> bool:
        return any(formset.total_error_count() for formset in self.formsets)

    def content(self) -> dict:
        return {
            formset.keyword: [row for form in formset.forms if (row := form.row())]
            for formset in self.formsets
        }


def _people(report) -> list:
    """The signatory picker's choices, read once for every row: the people of the report's
    own organisation first."""
    field = PersonChoiceField(required=False, empty_label=_("Välj person"))
    if report is not None and report.organisation_id:
        offer_first(field, [report.organisation])
    return list(iter(field.choices))  # iter(): no count() query for a length hint


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
