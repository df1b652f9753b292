from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, latest_today, not_in_the_future
from core.revisions import ReasonForChanges, RevisionFormMixin
from core.validators import parse_case_numbers
from governance.models import (
    AgendaItem,
    BoardReport,
    Decision,
    Meeting,
)
from governance.pickers import (
    BodyChoiceField,
    BodyMultipleChoiceField,
    DepartmentMultipleChoiceField,
    offer_first,
)
from governance.reports import subject_choices
from governance.subjects import grouped_choices, subject_link_value, subjects_from_values


def _subject_choices():
    """Optgroups of every object a report can be about, encoded "<content type>:<id>"."""
    groups = [("", _("Inget särskilt"))]
    for content_type, model in subject_choices():
        options = [(f"{content_type.pk}:{obj.pk}", str(obj)) for obj in model.objects.all()]
        if options:
            groups.append((str(model._meta.verbose_name_plural).capitalize(), options))
    return groups


class BoardReportForm(RevisionFormMixin, forms.ModelForm):
    recipients = BodyMultipleChoiceField(label=_("Mottagare"))
    departments = DepartmentMultipleChoiceField(label=_("Förvaltningar"), required=False)
    # The case numbers are rows (ReportCaseNumber), typed as one comma-separated line; the
    # name stays in Meta.fields below only to keep the field's place in the form.
    case_numbers = forms.CharField(
        label=_("Ärendenummer"),
        max_length=200,
        required=False,
        help_text=_("Ett eller flera, åtskilda med komma, t.ex. ”HSN 2024/310, SON 2024/190”."),
    )
    subject = forms.ChoiceField(label=_("Ärendet gäller"), required=False)

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
            "date": DateInput,
            "proposed_decision": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 5}),
            "case_description": forms.Textarea(attrs={"rows": 8}),
            "assessment": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = _subject_choices()
        latest_today(self.fields["date"])
        report = self.instance
        if report.organisation_id:
            offer_first(self.fields["recipients"], [report.organisation])
            offer_first(self.fields["departments"], [report.organisation])
        if report.pk and not self.is_bound:
            self.initial |= {
                "subject": f"{report.subject_type_id}:{report.subject_id}"
                if report.subject_id
                else "",
                "case_numbers": ", ".join(report.case_number_list()),
            }

    def clean_date(self):
        return not_in_the_future(
            self.cleaned_data["date"], _("Tjänsteskrivelsens datum kan inte ligga i framtiden.")
        )

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

    def content(self) -> dict:
        """The draft's fields as the board report services take them (the lists come from
        the row forms, governance.report_rows)."""
        subject_type, subject_id = self.cleaned_data["subject"]
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return fields | {"subject_type": subject_type, "subject_id": subject_id}


class MeetingForm(RevisionFormMixin, forms.ModelForm):
    body = BodyChoiceField(label=_("Organ"))

    class Meta:
        model = Meeting
        fields = ["body", "date", "start_time", "place", "kind"]
        widgets = {
            "date": DateInput,
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

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
            "decision": _(
                "Beslutet i registret, om det är registrerat; saknas det registrerar du det "
                "med ”Nytt beslut” på organets sida."
            ),
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


class RecommendationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        date = obj.date.isoformat() if obj.date else _("utan datum")
        return f"{obj.body.name}: {obj.get_kind_display()}, {date}"


class DecisionForm(ReasonForChanges, forms.ModelForm):
    """A body's decision as the register keeps it. What it concerns is chosen from labelled
    lists, one group per kind of thing (agreements, frameworks, plans: governance.subjects),
    as checkboxes; the case numbers are typed on one line and stored as rows."""

    reason_help = _("Står i historiken, t.ex. ”Fel datum rättat enligt protokollet”.")

    case_numbers = forms.CharField(
        label=_("Ärendenummer"),
        max_length=200,
        required=False,
        help_text=_(
            "Organets egna, ett eller flera åtskilda med komma, t.ex. ”HSN 2026/77”. "
            "Lämnas tomt för ett beslut utan ärendenummer, som en rekommendation."
        ),
    )
    responds_to = RecommendationChoiceField(
        label=_("Svarar på rekommendationen"), queryset=Decision.objects.none(), required=False
    )
    subjects = forms.MultipleChoiceField(
        label=_("Beslutet gäller"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Överenskommelser, ramverk och planer som beslutet gäller."),
    )

    class Meta:
        model = Decision
        # "case_numbers" and "subjects" are the form's own (rows in the model); named here
        # for their places in the form.
        fields = ["kind", "date", "case_numbers", "title", "text", "responds_to", "subjects"]
        widgets = {
            "date": DateInput,
            "text": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"title": _("Rubrik"), "text": _("Beslutstext eller sammanfattning")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latest_today(self.fields["date"])
        self.fields["subjects"].choices = grouped_choices()
        self.fields["responds_to"].queryset = (
            Decision.objects.filter(kind=Decision.Kind.RECOMMENDATION)
            .exclude(pk=self.instance.pk)
            .select_related("body")
            .order_by("-date", "-pk")
        )
        if self.instance.pk and not self.is_bound:
            self.initial |= {
                "case_numbers": ", ".join(self.instance.case_number_list()),
                "subjects": [subject_link_value(link) for link in self.instance.subjects.all()],
            }

    def clean_date(self):
        return not_in_the_future(
            self.cleaned_data["date"], _("Beslutsdatumet kan inte ligga i framtiden.")
        )

    def clean_case_numbers(self):
        return [str(number) for number in parse_case_numbers(self.cleaned_data["case_numbers"])]

    def clean_subjects(self):
        try:
            return subjects_from_values(self.cleaned_data["subjects"])
        except LookupError as error:
            raise ValidationError(_("Det valda ärendet finns inte längre.")) from error

    def content(self) -> dict:
        """The decision's fields as decision_create and decision_update take them."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class DecisionRemoveForm(RevisionFormMixin, forms.Form):
    """Removing a decision registered by mistake: the reason goes to the history."""

    reason = forms.CharField(
        label=_("Anledning"),
        max_length=200,
        help_text=_("Står i historiken, t.ex. ”Registrerat två gånger”."),
    )

    def __init__(self, *args, decision: Decision, **kwargs):
        self.instance = decision  # the revision the removal started from
        super().__init__(*args, **kwargs)
