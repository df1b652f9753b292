"""The combined calendar (/kalender.ics) and the Atom feed of changes (/andringar.atom):
public content only, newest first, read back (icalendar, xml.etree)."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.services import agreement_replace
from governance.models import Meeting
from governance.services import board_report_create, board_report_issue
from plans.models import Plan
from tests import factories
from tests.calendar_check import events_by_summary, parse_feed
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def portal_content(media):
    hsn = factories.BodyFactory(name="Hälso- och sjukvårdsnämnden", short_code="HSN")
    old = factories.AgreementFactory(
        register_id="STY-02292", title="Övergripande", review_by=date(2026, 1, 31)
    )
    new = factories.AgreementFactory(register_id="STY-05564", title="Läkarmedverkan")
    agreement_replace(user=None, agreement=old, replaced_by=new)
    factories.DraftAgreementFactory(register_id="STY-77777", title="Hemligt utkast")
    plan = factories.PlanFactory(title="Aktivitets- och tidplan 2022–2025", slug="skane")
    factories.MilestoneFactory(section__plan=plan, text="Implementerat", period="hösten 2026")
    draft_plan = factories.DraftPlanFactory(title="Hemlig plan")
    factories.MilestoneFactory(section__plan=draft_plan, text="Hemlig punkt", period="2026")
    meeting = factories.MeetingFactory(body=hsn, date=date(2026, 3, 5))
    Meeting.objects.filter(pk=meeting.pk).update(published_at=timezone.now())
    factories.DraftMeetingFactory(body=hsn, place="Hemligt rum")
    report = board_report_create(
        user=None, organisation=factories.RegionFactory(), date="2024-08-22",
        title="Statusuppdatering", proposed_decision="-", recipients=[hsn],
    )  # fmt: skip
    board_report_issue(
        user=None,
        report=report,
        render_pdf=lambda report: PDF_BYTES,
        issued_at=timezone.now() + timedelta(minutes=1),
    )
    board_report_create(
        user=None, organisation=report.organisation, date="2024-08-23",
        title="Hemlig skrivelse", proposed_decision="-", recipients=[hsn],
    )  # fmt: skip
    return {"plan": plan, "hsn": hsn}


def test_the_combined_calendar_holds_public_meetings_plans_and_reviews(client, portal_content):
    events = events_by_summary(parse_feed(client.get(reverse("calendar_all"))))
    assert "Tidplan: Implementerat (hösten 2026)" in events
    assert "Översyn senast: STY-02292 Övergripande" not in events  # replaced: no review
    assert any(summary.startswith("Hälso- och sjukvårdsnämnden") for summary in events)
    content = client.get(reverse("calendar_all")).content.decode()
    assert "Hemlig" not in content


def test_the_atom_feed_lists_public_changes_newest_first(client, portal_content):
    response = client.get(reverse("changes_feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}") is not None
    entries = root.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles[0] == "Tjänsteskrivelse expedierad: Statusuppdatering"
    assert "Ersatt: STY-02292 Övergripande" in titles
    assert "I kraft: STY-05564 Läkarmedverkan" in titles
    assert "Fastställd: Aktivitets- och tidplan 2022–2025" in titles
    assert any(
        title.startswith("Sammanträde publicerat: Hälso- och sjukvårdsnämnden") for title in titles
    )
    assert not any("Hemlig" in title for title in titles)
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:testserver,") for i in ids)
    for entry in entries:
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")


def test_the_summaries_mark_swedish_content_in_an_english_feed(client, portal_content):
    """Summaries are HTML: in English the report's title and the meeting's place sit in
    <span lang="sv"> (WCAG 3.1.2); the Swedish feed has no such marks."""

    def summaries(**headers):
        root = ET.fromstring(client.get(reverse("changes_feed"), **headers).content)
        return {
            entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}summary")
            for entry in root.findall(f"{ATOM}entry")
        }

    english = summaries(HTTP_ACCEPT_LANGUAGE="en")
    assert english["Board report issued: Statusuppdatering"].startswith(
        '<span lang="sv">Statusuppdatering'
    )
    assert not any('lang="sv"' in summary for summary in summaries().values())


def test_a_plan_title_edited_in_a_revision_stays_out_of_the_feed(client, portal_content):
    plan = portal_content["plan"]
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.UNDER_REVISION)
    plan.refresh_from_db()
    plan.title = "Hemlig ny titel"
    plan.save()
    assert "Hemlig" not in client.get(reverse("changes_feed")).content.decode()


def test_every_page_names_the_feed_in_its_head(client, db):
    content = client.get(reverse("home")).content.decode()
    head = content.split("</head>")[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert f'href="{reverse("changes_feed")}"' in head


def test_the_feeds_cost_the_same_for_few_and_many(client, db):
    body = factories.BodyFactory()
    factories.build_synthetic_plan(sections=1, initiatives=1, items=1, body=body)
    urls = [reverse("calendar_all"), reverse("changes_feed")]
    few = [count_queries(client, url) for url in urls]
    factories.build_synthetic_plan(sections=3, initiatives=3, items=3, body=body)
    factories.MeetingFactory.create_batch(10, body=body, published_at=timezone.now())
    factories.AgreementFactory.create_batch(10, review_by=date(2026, 1, 1))
    assert [count_queries(client, url) for url in urls] == few
