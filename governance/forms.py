from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.revisions import RevisionFormMixin
from core.validators import parse_case_numbers
from governance.models import (
    AgendaItem,
    BoardReport,
    Body,
    Department,
    Meeting,
    validate_portal_path,
)
from governance.reports import subject_choices


def _subject_choices():
    """Optgroups of every object a report can be about, encoded "<content type>:<id>"."""
    groups = [("", _("Inget särskilt"))]
    for content_type, model in subject_choices():
        options = [(f"{content_type.pk}:{obj.pk}", str(obj)) for obj in model.objects.all()]
        if options:
            groups.append((str(model._meta.verbose_name_plural).capitalize(), options))
    return groups


class BoardReportForm(RevisionFormMixin, forms.ModelForm):
    # The case numbers are rows (ReportCaseNumber), typed as one comma-separated line; the
    # name stays in Meta.fields below only to keep the field's place in the form.
    case_numbers = forms.CharField(
        label=_("Ärendenummer"),
        max_length=200,
        required=False,
        help_text=_("Ett eller flera, åtskilda med komma, t.ex. ”HSN 2024/310, SON 2024/190”."),
    )
    subject = forms.ChoiceField(label=_("Ärendet gäller"), required=False)
    supporting_documents_text = forms.CharField(
        label=_("Beslutsunderlag"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Ett dokument per rad. Länka till en sida i portalen med ”Titel | /ramverk/…/”."
        ),
    )
    signatories_text = forms.CharField(
        label=_("Undertecknare"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("En per rad: ”Namn; Titel; Förvaltning”."),
    )
    extra_sections_text = forms.CharField(
        label=_("Övriga avsnitt"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Varje avsnitt börjar med en rad ”## Rubrik”, följd av texten."),
    )

    class Meta:
        model = BoardReport
        fields = [
            "organisation",
            "departments",
            "date",
            "case_numbers",
            "recipients",
            "title",
            "proposed_decision",
            "summary",
            "case_description",
            "assessment",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "departments": forms.CheckboxSelectMultiple,
            "proposed_decision": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 5}),
            "case_description": forms.Textarea(attrs={"rows": 8}),
            "assessment": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = _subject_choices()
        self.fields["recipients"].queryset = Body.objects.order_by("name")
        self.fields["departments"].queryset = Department.objects.select_related(
            "organisation"
        ).order_by("organisation__name", "name")
        report = self.instance
        if report.pk and not self.is_bound:
            self.initial |= {
                "subject": f"{report.subject_type_id}:{report.subject_id}"
                if report.subject_id
                else "",
                "case_numbers": ", ".join(report.case_number_list()),
                "supporting_documents_text": "\n".join(
                    f"{d.title} | {d.portal_path}" if d.portal_path else d.title
                    for d in report.supporting_documents.all()
                ),
                "signatories_text": "\n".join(
                    "; ".join([s.name, s.title, s.department]).rstrip("; ")
                    for s in report.signatories.all()
                ),
                "extra_sections_text": "\n".join(
                    f"## {section.heading}\n{section.text}"
                    for section in report.extra_sections.all()
                ),
            }

    def clean_subject(self):
        value = self.cleaned_data["subject"]
        if not value:
            return None, None
        type_id, object_id = (int(part) for part in value.split(":"))
        content_type = ContentType.objects.get_for_id(type_id)
        if not content_type.model_class().objects.filter(pk=object_id).exists():
            raise ValidationError(_("Det valda ärendet finns inte längre."))
        return content_type, object_id

    def clean_case_numbers(self):
        return [str(number) for number in parse_case_numbers(self.cleaned_data["case_numbers"])]

    def clean_supporting_documents_text(self):
        documents = []
        for line in self.cleaned_data["supporting_documents_text"].splitlines():
            title, _bar, path = (part.strip() for part in line.partition("|"))
            if not title:
                continue
            if path:
                validate_portal_path(path)
            documents.append({"title": title[:300], "portal_path": path})
        return documents

    def clean_signatories_text(self):
        signatories = []
        for line in self.cleaned_data["signatories_text"].splitlines():
            parts = [part.strip() for part in line.split(";")]
            if not parts[0]:
                continue
            if len(parts) > 3:
                raise ValidationError(
                    _("Skriv högst tre delar per rad: ”Namn; Titel; Förvaltning”.")
                )
            name, title, department = ([*parts, "", ""])[:3]
            signatories.append(
                {"name": name[:200], "title": title[:200], "department": department[:200]}
            )
        return signatories

    def clean_extra_sections_text(self):
        sections = []
        for line in self.cleaned_data["extra_sections_text"].splitlines():
            if line.startswith("## "):
                sections.append({"heading": line[3:].strip()[:200], "text": ""})
            elif sections:
                sections[-1]["text"] = f"{sections[-1]['text']}\n{line}".strip("\n")
            elif line.strip():
                raise ValidationError(_("Börja varje avsnitt med en rad ”## Rubrik”."))
        return sections

    def content(self) -> dict:
        """The draft as the board report services take it: fields, bodies, departments, lists."""
        subject_type, subject_id = self.cleaned_data["subject"]
        lists = {
            "supporting_documents": self.cleaned_data["supporting_documents_text"],
            "signatories": self.cleaned_data["signatories_text"],
            "extra_sections": self.cleaned_data["extra_sections_text"],
        }
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return fields | lists | {"subject_type": subject_type, "subject_id": subject_id}


class MeetingForm(RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "start_time", "place", "kind"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.order_by("name")

    def content(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AgendaItemForm(RevisionFormMixin, forms.ModelForm):
    """An agenda item: its number (§), title, case numbers typed on one line, and the board
    reports addressed to the meeting's body as underlag."""

    case_numbers = forms.CharField(
        label=_("Ärendenummer"),
        max_length=200,
        required=False,
        help_text=_("Ett eller flera, åtskilda med komma, t.ex. ”SN 2017/212, SN 2019/16”."),
    )

    class Meta:
        model = AgendaItem
        # "case_numbers" is the form's own line (rows in the model); named here for its place.
        fields = ["number", "title", "case_numbers", "reports"]
        widgets = {"reports": forms.CheckboxSelectMultiple}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].queryset = meeting.body.board_reports.order_by("-date", "-pk")
        self.fields["reports"].help_text = _(
            "Tjänsteskrivelser ställda till %(body)s. Underlag som ännu är utkast syns bara "
            "för inloggade med behörighet."
        ) % {"body": meeting.body.name}
        if not self.instance.pk and not self.is_bound:
            numbers = [item.number for item in meeting.agenda_items.all()]
            self.initial["number"] = max(numbers, default=0) + 1
        if self.instance.pk and not self.is_bound:
            self.initial["case_numbers"] = ", ".join(self.instance.case_number_list())

    def clean_case_numbers(self):
        return [str(number) for number in parse_case_numbers(self.cleaned_data["case_numbers"])]

    def content(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in ("number", "title", "reports", "case_numbers")
        }


class AgendaDecisionForm(RevisionFormMixin, forms.ModelForm):
    """The decision on an agenda item as the protocol writes it."""

    class Meta:
        model = AgendaItem
        fields = ["decision_text", "minutes_paragraph", "decision"]
        widgets = {"decision_text": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "minutes_paragraph": _("Paragrafens nummer i protokollet, t.ex. 67 för § 67."),
            "decision": _("Beslutet i registret, om det är registrerat."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_text"].required = True
        # Each choice names its case numbers (Decision.__str__): read them with the choices.
        self.fields["decision"].queryset = (
            self.instance.meeting.body.decisions.select_related("body")
            .prefetch_related("case_numbers")
            .order_by("-date", "-pk")
        )

    def content(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
