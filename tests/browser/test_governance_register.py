"""The register administrator keeps principals, departments, bodies and memberships in real
headless Chromium: a new body within its principal, a person's membership of it, an edit of the
principal with its reason, both histories, and a department registered and renamed with its
reason. Every new page is axe-clean."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import (
    assert_axe_clean,
    assert_no_console_errors,
    fill_in,
    log_in,
    open_checked,
    submit,
    visit,
)


@pytest.fixture
def register(role_groups):
    gotland = factories.RegionFactory(name="Region Gotland", slug="region-gotland")
    skane = factories.RegionFactory(name="Region Skåne", slug="region-skane")
    for region, slug in ((gotland, "hsn-gotland"), (skane, "hsn-skane")):
        factories.BodyFactory(
            name="Hälso- och sjukvårdsnämnden", short_code="HSN", slug=slug, organisations=[region]
        )
    factories.MembershipFactory(
        body=factories.BodyFactory(organisations=[gotland]),
        person=factories.PersonFactory(name="Eva Ordförande", title="Regionråd"),
    )
    return {"admin": factories.RegisterAdminFactory()}


def test_a_register_admin_keeps_bodies_and_memberships_in_the_portal(page, register):
    log_in(page, register["admin"], "/organisationer/")
    assert_axe_clean(page)
    submit(page, page.get_by_role("link", name="Region Gotland"))
    open_checked(page, "Nytt organ")
    page.get_by_label(re.compile("^Namn")).fill("Samverkansgruppen för äldre")
    page.get_by_label("Förkortning").fill("SGÄ")
    page.get_by_label("Kortnamn i webbadress").fill("sga-gotland")
    page.get_by_label("Typ").select_option(label="Samverkansorgan")
    expect(page.get_by_label("Region Gotland")).to_be_checked()
    page.get_by_label("Rapporterar till").select_option(
        label="Hälso- och sjukvårdsnämnden (HSN), Region Gotland"
    )
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Organet är registrerat.")).to_be_visible()
    expect(page.get_by_role("heading", name="Samverkansgruppen för äldre")).to_be_visible()
    assert_axe_clean(page)

    open_checked(page, "Nytt uppdrag")
    page.get_by_label("Person i registret").select_option(
        label="Eva Ordförande, Regionråd, Region Gotland"
    )
    page.get_by_label("Roll").select_option(label="Ordförande")
    page.get_by_label("Från").fill("2026-01-01")
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Uppdraget är registrerat.")).to_be_visible()
    expect(page.get_by_role("link", name="Eva Ordförande", exact=True)).to_be_visible()
    assert_axe_clean(page)

    open_checked(page, "Avsluta uppdraget för Eva Ordförande")
    fill_in(page, {"Sista dag i uppdraget": "2026-06-30", "Anledning": "Avgått"})
    submit(page, page.get_by_role("button", name="Avsluta uppdraget"))
    expect(page.get_by_text("(2026-01-01 – 2026-06-30)")).to_be_visible()
    submit(page, page.get_by_role("link", name="Visa historik för Samverkansgruppen för äldre"))
    expect(
        page.get_by_role("heading", name="Uppdrag: Eva Ordförande, Ordförande").first
    ).to_be_visible()
    expect(page.get_by_text("Anledning: Avgått")).to_be_visible()
    assert_axe_clean(page)

    visit(page, "/organisationer/region-gotland/")
    open_checked(page, "Redigera huvudmannen")
    page.get_by_label("Kortnamn", exact=True).fill("Gotland")
    page.get_by_label("Anledning till ändringen").fill("Kortnamn tillagt")
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Huvudmannen är sparad.")).to_be_visible()
    submit(page, page.get_by_role("link", name="Visa historik för Region Gotland"))
    expect(page.get_by_text("Anledning: Kortnamn tillagt")).to_be_visible()
    expect(page.get_by_role("cell", name="Gotland", exact=True)).to_be_visible()
    assert_axe_clean(page)

    visit(page, "/organ/sga-gotland/")
    submit(page, page.get_by_role("link", name="Eva Ordförande", exact=True))
    assert_axe_clean(page)
    open_checked(page, "Ta bort Eva Ordförande ur registret")
    assert_no_console_errors(page)


def test_a_register_admin_keeps_a_principals_departments_in_the_portal(page, register):
    log_in(page, register["admin"], "/organisationer/region-gotland/")
    open_checked(page, "Ny förvaltning")
    page.get_by_label(re.compile("^Namn")).fill("Socialförvaltningen")
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Förvaltningen är registrerad.")).to_be_visible()
    expect(page.get_by_role("heading", name="Förvaltningar")).to_be_visible()
    assert_axe_clean(page)

    open_checked(page, "Ändra Socialförvaltningen")
    page.get_by_label(re.compile("^Namn")).fill("Socialförvaltningen Gotland")
    page.get_by_label("Anledning till ändringen").fill("Nytt namn")
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Förvaltningen är sparad.")).to_be_visible()
    submit(page, page.get_by_role("link", name="Visa historik för Region Gotland"))
    expect(page.get_by_text("Anledning: Nytt namn")).to_be_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)
