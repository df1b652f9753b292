"""The committee cycle in real headless Chromium: a register administrator creates a meeting,
puts a board report on its agenda, publishes it and records the decision; a committee member
then finds the meeting and its report on their own page, two clicks from the home page.
Every new page is axe-clean."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from governance.models import Meeting
from governance.services import board_report_create
from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, log_in, visit


@pytest.fixture
def cycle(role_groups, media):
    region, hsn = factories.gotland(slug="halso-och-sjukvardsnamnden")
    report = board_report_create(
        user=None,
        organisation=region,
        date="2024-08-22",
        title="Statusuppdatering om ramverket",
        proposed_decision="- Nämnden har tagit del av informationen.",
        recipients=[hsn],
    )
    member = factories.ReaderFactory()
    person = factories.PersonFactory(name="Eva Ledamot", user=member)
    factories.MembershipFactory(person=person, body=hsn)
    return {
        "hsn": hsn,
        "report": report,
        "admin": factories.RegisterAdminFactory(),
        "member": member,
    }


def log_out(page):
    page.get_by_role("button", name="Logga ut").click()


def test_a_meeting_from_notice_to_decision_and_the_members_page(page, cycle):
    when = timezone.localdate() + timedelta(days=7)
    log_in(page, cycle["admin"])
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Sammanträden"
    ).click()
    assert_axe_clean(page)
    page.get_by_role("link", name="Lägg till ett sammanträde").click()
    assert_axe_clean(page)
    page.get_by_label("Organ").select_option(
        label="Hälso- och sjukvårdsnämnden (HSN), Region Gotland"
    )
    page.get_by_label("Datum").fill(when.isoformat())
    page.get_by_label("Starttid").fill("09:00")
    page.get_by_label("Plats").fill("Sammanträdesrum 1")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Utkast.", exact=True)).to_be_visible()
    assert_axe_clean(page)
    meeting = Meeting.objects.get()

    page.get_by_role("link", name="Lägg till en punkt").click()
    assert page.get_by_label("Nummer (§)").input_value() == "1"
    page.get_by_label("Rubrik").fill("Ramverk för primärvård")
    page.get_by_label("Ärendenummer").fill("SN 2017/212, SN 2019/16")
    page.get_by_label("Statusuppdatering om ramverket").check()
    assert_axe_clean(page)
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", name="§ 1 Ramverk för primärvård")).to_be_visible()
    assert page.get_by_text("SN 2017/212, SN 2019/16").is_visible()
    page.get_by_role("button", name="Publicera").click()
    expect(page.get_by_text("Sammanträdet är publicerat")).to_be_visible()

    page.get_by_role("link", name="Anteckna beslut under § 1").click()
    page.get_by_label("Beslut (obligatoriskt)").fill("Nämnden har tagit del av informationen.")
    page.get_by_label("Paragraf i protokollet").fill("67")
    assert_axe_clean(page)
    page.get_by_role("button", name="Spara beslutet").click()
    expect(page.get_by_text("Nämnden har tagit del av informationen.")).to_be_visible()
    assert page.get_by_role("link", name="Protokollsutdrag för § 1 (PDF)").is_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)
    log_out(page)

    log_in(page, cycle["member"])
    visit(page, "/")
    page.get_by_role("link", name="Mina sammanträden").click()  # click 1
    expect(page.get_by_role("heading", name="Mina sammanträden")).to_be_visible()
    assert page.get_by_role(
        "link", name=f"Hälso- och sjukvårdsnämnden {when:%Y-%m-%d} 09.00"
    ).is_visible()
    assert_axe_clean(page)
    page.get_by_role("link", name="Statusuppdatering om ramverket").first.click()  # click 2
    page.wait_for_url(f"**{cycle['report'].get_absolute_url()}")
    expect(page.get_by_role("heading", name="Förslag till beslut")).to_be_visible()
    assert meeting.pk
    assert_no_console_errors(page)


def test_public_meeting_pages_and_narrow_screens(page, cycle):
    hsn = cycle["hsn"]
    meeting = factories.MeetingFactory(body=hsn, place="Visby")
    factories.AgendaItemFactory(meeting=meeting, title="Ramverk", decision_text="Antaget.")
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("/sammantraden/", meeting.get_absolute_url(), hsn.get_absolute_url()):
        visit(page, path)
        assert_axe_clean(page)
    visit(page, "/sammantraden/?year=fel", status=400)
    page.console_errors.clear()  # the deliberate 400 is logged by Chromium
    assert_axe_clean(page)
    assert_no_console_errors(page)
