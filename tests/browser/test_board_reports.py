"""Board reports in real headless Chromium: the public list and an issued report, and the
draft form with its error state, axe-clean."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from governance.pdf import board_report_pdf
from governance.services import board_report_create, board_report_issue
from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, log_in, visit


@pytest.fixture
def reports(role_groups, media):
    region, hsn = factories.gotland()
    fields = {
        "organisation": region,
        "date": "2024-08-22",
        "recipients": [hsn],
        "proposed_decision": "- Nämnden har tagit del av informationen.",
        "summary": "Ramverket är ett steg i en ännu närmare samverkan.",
        "signatories": [{"name": "Marie Loob", "title": "Hälso- och sjukvårdsdirektör"}],
    }
    issued = board_report_create(user=None, title="Statusuppdatering om ramverket", **fields)
    board_report_issue(
        user=None,
        report=issued,
        issued_at=timezone.now(),
        render_pdf=lambda r: board_report_pdf(
            r, base_url="http://x/", draft=False, today=date.today()
        ),
    )
    draft = board_report_create(user=None, title="Utkast till lägesrapport", **fields)
    return {"issued": issued, "draft": draft, "strategist": factories.StrategistFactory()}


def test_public_list_and_issued_report(page, reports):
    visit(page, "/tjansteskrivelser/")
    assert page.get_by_role("link", name="Statusuppdatering om ramverket").is_visible()
    assert page.get_by_text("Utkast till lägesrapport").count() == 0  # drafts are not public
    assert_axe_clean(page)
    page.get_by_role("link", name="Statusuppdatering om ramverket").click()
    expect(page.get_by_role("heading", name="Förslag till beslut")).to_be_visible()
    assert page.get_by_text("Den expedierade PDF:en ändras aldrig").is_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_draft_form_and_its_error_state(page, reports):
    log_in(page, reports["strategist"])
    visit(page, f"/tjansteskrivelser/{reports['draft'].pk}/")
    assert page.get_by_text("Utkast.").is_visible()
    assert_axe_clean(page)
    page.get_by_role("link", name="Redigera").click()
    page.wait_for_url(f"**/tjansteskrivelser/{reports['draft'].pk}/redigera/")
    assert_axe_clean(page)
    page.get_by_label("Rubrik").fill("")
    page.get_by_label("Ärendenummer").fill("inte ett nummer")
    page.get_by_role("button", name="Spara utkast").click()
    expect(page.get_by_role("alert")).to_be_visible()
    page.console_errors.clear()  # the deliberate 400 is logged by Chromium
    assert_axe_clean(page)
    page.get_by_label("Rubrik").fill("Lägesrapport hösten 2024")
    page.get_by_label("Ärendenummer").fill("HSN 2024/310")
    page.get_by_role("button", name="Spara utkast").click()
    expect(page.get_by_role("heading", name="Lägesrapport hösten 2024")).to_be_visible()
    assert_no_console_errors(page)


def test_rows_instead_of_conventions_and_a_confirmed_issue(page, reports):
    factories.PersonFactory(name="Marica Gardell", title="Socialdirektör")
    admin = factories.RegisterAdminFactory()
    draft = reports["draft"]
    log_in(page, admin, f"/tjansteskrivelser/{draft.pk}/redigera/")
    rows = page.get_by_role("group", name="Undertecknare, rad 2")
    rows.get_by_label("Person i registret").select_option(label="Marica Gardell, Socialdirektör")
    underlag = page.get_by_role("group", name="Beslutsunderlag, rad 1")
    underlag.get_by_label("Underlagets titel").fill("Gemensamt ramverk, utkast")
    underlag.get_by_label("eller länk till en sida i portalen").fill("/ramverk/")
    section = page.get_by_role("group", name="Övriga avsnitt, rad 1")
    section.get_by_label("Överskrift").fill("Jämställdhet")
    section.get_by_label("Text").fill("Ingen påverkan.")
    assert_axe_clean(page)
    page.get_by_role("button", name="Spara utkast").click()
    expect(page.get_by_role("heading", name="Jämställdhet")).to_be_visible()
    assert page.get_by_text("Marica Gardell").first.is_visible()

    page.get_by_role("link", name="Expediera …").click()
    expect(page.get_by_text("Det här går inte att ångra.")).to_be_visible()
    assert_axe_clean(page)
    page.get_by_role("button", name="Expediera och spara för alltid").click()
    expect(page.get_by_text("Tjänsteskrivelsen är expedierad.")).to_be_visible()
    assert_no_console_errors(page)
