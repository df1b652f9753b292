"""How governance shows to the site search (registered in apps.py): organisations, bodies,
people by their public role, decisions, meetings and board reports."""

from django.utils.translation import gettext_lazy as _

from core.search import SearchDocument, register_search
from governance import models
from governance.queries.board_reports import DRAFT_PERMISSION as REPORT_DRAFTS
from governance.queries.meetings import DRAFT_PERMISSION as MEETING_DRAFTS

# Organisations, bodies, roles and decisions are public facts: nobody holds them as drafts.
NO_DRAFTS = "governance.change_body"


def _names(organisations) -> tuple[str, ...]:
    return tuple(organisation.name for organisation in organisations)


def _lines(*parts) -> str:
    return "\n".join(str(part) for part in parts if part)


def organisation_documents(organisation: models.Organisation):
    yield SearchDocument(
        title=organisation.name,
        text=str(organisation.get_kind_display()),
        url=organisation.get_absolute_url(),
        public=True,
        organisations=(organisation.name,),
        codes=tuple(filter(None, [organisation.organisation_number])),
    )


def body_documents(body: models.Body):
    yield SearchDocument(
        title=str(body),
        text=_lines(body.get_kind_display(), body.mandate, body.composition),
        url=body.get_absolute_url(),
        public=True,
        organisations=_names(body.organisations.all()),
        codes=tuple(filter(None, [body.short_code])),
    )


def person_documents(person: models.Person):
    """A person is found by name through their roles in bodies, and only through them."""
    memberships = list(person.memberships.select_related("body"))
    if not memberships:
        return
    yield SearchDocument(
        title=str(person),
        text=_lines(*(f"{m.get_role_display()}, {m.body.name}" for m in memberships)),
        url=memberships[0].body.get_absolute_url(),
        public=True,
        organisations=tuple({m.representing.name for m in memberships if m.representing}),
    )


def decision_documents(decision: models.Decision):
    yield SearchDocument(
        title=_lines(str(decision), decision.title).replace("\n", " – "),
        text=decision.text,
        url=decision.get_absolute_url(),
        public=True,
        status=str(decision.get_kind_display()),
        organisations=_names(decision.body.organisations.all()),
        codes=tuple(decision.case_number_list()),
    )


def meeting_documents(meeting: models.Meeting):
    items = list(meeting.agenda_items.prefetch_related("case_numbers"))
    codes = [row.case_number for item in items for row in item.case_numbers.all()]
    yield SearchDocument(
        title=f"{meeting.get_kind_display()}, {meeting}",
        text=_lines(
            meeting.place, *(_lines(f"§ {i.number} {i.title}", i.decision_text) for i in items)
        ),
        url=meeting.get_absolute_url(),
        public=meeting.is_public,
        status=str(meeting.get_status_display()),
        organisations=_names(meeting.body.organisations.all()),
        codes=tuple(codes),
    )


def board_report_documents(report: models.BoardReport):
    sections = (_lines(section.heading, section.text) for section in report.extra_sections.all())
    yield SearchDocument(
        title=report.title,
        text=_lines(
            report.proposed_decision,
            report.summary,
            report.case_description,
            report.assessment,
            *sections,
        ),
        url=report.get_absolute_url(),
        public=report.is_public,
        status=str(report.get_status_display()),
        organisations=(report.organisation.name,),
        codes=tuple(report.case_number_list()),
    )


def register():
    reports = models.BoardReport.objects.select_related("organisation")
    decisions = models.Decision.objects.select_related("body")
    # Each kind with only what it adds to register_search's defaults: its queryset, the
    # related rows and links whose writes change its documents.
    for model, key, label, documents, permission, options in (
        (models.Organisation, "organisation", _("Huvudmän"), organisation_documents, NO_DRAFTS, {}),
        (models.Body, "body", _("Organ"), body_documents, NO_DRAFTS,
         {"queryset": lambda: models.Body.objects.prefetch_related("organisations"),
          "m2m": ("organisations",)}),
        (models.Person, "person", _("Personer"), person_documents, NO_DRAFTS,
         {"follows": [(models.Membership, lambda membership: membership.person)]}),
        (models.Decision, "decision", _("Beslut"), decision_documents, NO_DRAFTS,
         {"queryset": lambda: decisions.prefetch_related("case_numbers", "body__organisations"),
          "follows": [(models.DecisionCaseNumber, lambda row: row.decision)]}),
        (models.Meeting, "meeting", _("Sammanträden"), meeting_documents, MEETING_DRAFTS,
         {"follows": [(models.AgendaItem, lambda item: item.meeting),
                      (models.AgendaItemCaseNumber, lambda row: row.item.meeting)]}),
        (models.BoardReport, "board_report", _("Tjänsteskrivelser"), board_report_documents,
         REPORT_DRAFTS,
         {"queryset": lambda: reports.prefetch_related("case_numbers", "extra_sections"),
          "follows": [(models.ReportCaseNumber, lambda row: row.report),
                      (models.ReportSection, lambda section: section.report)]}),
    ):  # fmt: skip
        register_search(
            model, key=key, label=label, documents=documents, draft_permission=permission, **options
        )
