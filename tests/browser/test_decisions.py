"""A register administrator records a body's decision in the portal's own pages, in real
headless Chromium: what it concerns is picked by kind and name, the decision shows on the
body's page and the agreement's, is edited and removed with a reason, and every page is axe-clean."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, log_in, submit, visit


@pytest.fixture
def register(role_groups):
    gotland = factories.RegionFactory(name="Region Gotland", slug="region-gotland")
    hsn = factories.BodyFactory(
        name="Hälso- och sjukvårdsnämnden", short_code="HSN", slug="hsn-gotland",
        organisations=[gotland],
    )  # fmt: skip
    factories.AgreementFactory(register_id="STY-00100", title="Läkarmedverkan")
    factories.AgreementFactory(register_id="STY-00200", title="Hemsjukvård", parties=[gotland])
    return {"hsn": hsn, "admin": factories.RegisterAdminFactory()}


def decisions(page):
    """The body page's section of decisions."""
    return page.locator("section[aria-labelledby=beslut]")


def test_a_register_admin_records_a_decision_about_an_agreement(page, register):
    log_in(page, register["admin"], "/organ/hsn-gotland/")
    submit(page, page.get_by_role("link", name="Nytt beslut"))
    assert_axe_clean(page)
    page.get_by_label("Typ").select_option(label="Beslut (fastställande)")
    page.get_by_label("Datum").fill("2026-01-15")
    page.get_by_label("Ärendenummer").fill("hsn 2026/0077")
    page.get_by_label("Rubrik").fill("Överenskommelse om hemsjukvård")
    page.get_by_label("STY-00200 Hemsjukvård").check()
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Beslutet är registrerat.")).to_be_visible()
    row = decisions(page).locator("tbody tr").first
    expect(row).to_contain_text("HSN 2026/77")
    expect(row.get_by_role("link", name="STY-00200 Hemsjukvård")).to_be_visible()
    assert_axe_clean(page)

    visit(page, "/overenskommelser/STY-00200/")
    expect(page.get_by_text("Hälso- och sjukvårdsnämnden").first).to_be_visible()
    expect(page.get_by_text("HSN 2026/77").first).to_be_visible()
    expect(page.get_by_role("link", name="Redigera beslutet HSN: HSN 2026/77")).to_be_visible()

    visit(page, "/organ/hsn-gotland/")
    submit(page, page.get_by_role("link", name="Redigera beslutet HSN: HSN 2026/77"))
    assert_axe_clean(page)
    page.get_by_label("STY-00100 Läkarmedverkan").check()
    page.get_by_label("Anledning till ändringen").fill("Gäller också läkarmedverkan")
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Beslutet är sparat.")).to_be_visible()
    expect(decisions(page).get_by_role("link", name="STY-00100 Läkarmedverkan")).to_be_visible()

    submit(page, page.get_by_role("link", name="Ta bort beslutet HSN: HSN 2026/77"))
    assert_axe_clean(page)
    page.get_by_label("Anledning").fill("Registrerat under fel organ")
    submit(page, page.get_by_role("button", name="Ta bort beslutet"))
    expect(page.get_by_text("Beslutet är borttaget.")).to_be_visible()
    expect(decisions(page)).to_contain_text("Inga beslut registrerade.")
    assert_no_console_errors(page)
