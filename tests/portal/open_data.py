"""Data for the open-data API's tests: public content of every collection, `copies` times, and
drafts of every kind that carry a word nothing public holds."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from governance.models import AgendaItemCaseNumber, DecisionSubject
from governance.pdf import board_report_pdf
from governance.services import board_report_create, board_report_issue
from plans import services as plan_services
from plans.models import Milestone
from tests import factories

# In every draft, and in nothing public.
SECRET = "Hemlighetsmakeri"

_pdf_bytes = {}


def issued_report(*, user, organisation, recipients, title: str, subject=None):
    """A board report issued as the service issues it. The PDF is rendered once per test run
    and reused: the API reads the stored bytes and their SHA-256, not the rendering."""
    report = board_report_create(
        user=user,
        organisation=organisation,
        date="2024-08-22",
        title=title,
        proposed_decision="Nämnden har tagit del av informationen.",
        summary="Ramverket är ett steg i en **ännu närmare** samverkan.",
        recipients=recipients,
        case_numbers=[f"{recipients[0].short_code} 2024/{recipients[0].pk}"],
        **(
            {"subject_type": ContentType.objects.get_for_model(subject), "subject_id": subject.pk}
            if subject is not None
            else {}
        ),
    )

    def render(current):
        if "pdf" not in _pdf_bytes:
            _pdf_bytes["pdf"] = board_report_pdf(
                current, base_url="http://testserver/", draft=False, today=date.today()
            )
        return _pdf_bytes["pdf"]

    return board_report_issue(user=user, report=report, render_pdf=render, issued_at=timezone.now())


def public_content(*, user, copies: int = 1) -> dict:
    """`copies` of each public thing, each with the relations its collection shows."""
    made = {}
    for _ in range(copies):
        region = factories.RegionFactory()
        body = factories.BodyFactory(organisations=[region], reports_to=made.get("body"))
        factories.MembershipFactory(body=body, representing=region)
        agreement = factories.AgreementFactory(
            parties=[region], topics=[factories.TopicFactory()], responsible_body=body
        )
        framework = factories.FrameworkFactory(parties=[region])
        framework.covers.add(agreement)
        decision = factories.DecisionFactory(body=body)
        DecisionSubject.objects.create(decision=decision, subject=agreement)
        plan = factories.build_synthetic_plan(sections=1, initiatives=1, items=1, body=body)
        report = issued_report(
            user=user, organisation=region, recipients=[body], title="Lägesrapport", subject=plan
        )
        meeting = factories.MeetingFactory(body=body)
        item = factories.AgendaItemFactory(meeting=meeting, decision=decision)
        item.reports.add(report)
        AgendaItemCaseNumber.objects.create(item=item, case_number=f"{body.short_code} 2024/1")
        made.update(body=body, agreement=agreement, plan=plan, report=report, meeting=meeting)
    return made


def drafts(*, user, body) -> dict:
    """A draft of every kind that has drafts, each holding SECRET, and a published plan whose
    revision in progress holds it."""
    region = body.organisations.first()
    agreement = factories.DraftAgreementFactory(title=f"Utkast {SECRET}", parties=[region])
    framework = factories.DraftFrameworkFactory(title=f"Ramverk {SECRET}")
    draft_plan = factories.DraftPlanFactory(title=f"Plan {SECRET}")
    meeting = factories.DraftMeetingFactory(body=body, place=f"Rum {SECRET}")
    report = board_report_create(
        user=user,
        organisation=region,
        title=f"Skrivelse {SECRET}",
        proposed_decision=SECRET,
        recipients=[body],
    )
    # Public things that point at drafts: the draft must not show through them.
    public_meeting = factories.MeetingFactory(body=body)
    factories.AgendaItemFactory(meeting=public_meeting).reports.add(report)
    decision = factories.DecisionFactory(body=body)
    DecisionSubject.objects.create(decision=decision, subject=agreement)
    replaced = factories.AgreementFactory(replaced_by_framework=framework)

    revised = factories.DraftPlanFactory(title="Plan under revidering")
    milestone = factories.MilestoneFactory(section=factories.SectionFactory(plan=revised))
    plan_services.plan_publish(user=None, plan=revised)
    milestone = Milestone.objects.get(pk=milestone.pk)
    plan_services.item_update(
        user=user, item=milestone, expected_revision=milestone.revision, text=f"Ny {SECRET}"
    )
    return {
        "agreement": agreement,
        "framework": framework,
        "plan": draft_plan,
        "meeting": meeting,
        "report": report,
        "replaced": replaced,
        "revised": revised,
    }
