"""The register administrator's workbench in real headless Chromium: register an agreement,
record its adoption, attach its text, mark the older agreement replaced by it, and read both
histories. Every new page is axe-clean."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, log_in, submit, visit

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def register(role_groups, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    gotland = factories.RegionFactory(name="Region Gotland", slug="region-gotland")
    skane = factories.RegionFactory(name="Region Skåne", slug="region-skane")
    for region in (gotland, skane):
        factories.BodyFactory(
            name="Hälso- och sjukvårdsnämnden", short_code="HSN", organisations=[region]
        )
    older = factories.AgreementFactory(
        register_id="STY-00100", title="Läkarmedverkan", parties=[gotland]
    )
    return {"older": older, "admin": factories.RegisterAdminFactory(), "tmp": tmp_path}


def test_a_register_admin_registers_adopts_attaches_and_replaces(page, register):
    log_in(page, register["admin"], "/overenskommelser/")
    assert_axe_clean(page)
    submit(page, page.get_by_role("link", name="Ny överenskommelse"))
    assert_axe_clean(page)
    page.get_by_label("Registerbeteckning").fill("STY-00200")
    page.get_by_label("Titel").fill("Läkarmedverkan i hemsjukvården")
    page.get_by_label("Status").select_option(label="Gällande")
    page.get_by_label("Region Gotland").check()
    page.get_by_label("Ansvarigt organ").select_option(
        label="Hälso- och sjukvårdsnämnden (HSN), Region Gotland"
    )
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Överenskommelsen är registrerad.")).to_be_visible()
    assert_axe_clean(page)

    submit(page, page.get_by_role("link", name="Registrera fastställande"))
    assert_axe_clean(page)
    page.get_by_label("Organ som beslutade").select_option(
        label="Hälso- och sjukvårdsnämnden (HSN), Region Gotland"
    )
    page.get_by_label("Ärendenummer").fill("HSN 2026/77")
    page.get_by_label("Beslutsdatum").fill("2026-01-15")
    submit(page, page.get_by_role("button", name="Registrera fastställandet"))
    expect(page.get_by_text("HSN 2026/77").first).to_be_visible()

    attachment = register["tmp"] / "overenskommelse.pdf"
    attachment.write_bytes(PDF_BYTES)
    page.get_by_label("Rubrik").fill("Överenskommelsens text")
    page.get_by_label("Fil").set_input_files(str(attachment))
    submit(page, page.get_by_role("button", name="Ladda upp"))
    expect(page.get_by_role("link", name="Överenskommelsens text")).to_be_visible()

    visit(page, "/overenskommelser/STY-00100/")
    submit(page, page.get_by_role("link", name="Ange vad som ersätter den"))
    assert_axe_clean(page)
    page.get_by_label("Ersätts av överenskommelsen").select_option(
        label="STY-00200 Läkarmedverkan i hemsjukvården"
    )
    page.get_by_label("Anledning").fill("Ny överenskommelse fastställd")
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Ersatt av")).to_be_visible()
    expect(page.locator(".status").first).to_contain_text("Ersatt")

    submit(page, page.get_by_role("link", name="Visa historik för STY-00100"))
    expect(page.get_by_text("Ersatt av STY-00200")).to_be_visible()
    visit(page, "/overenskommelser/STY-00200/historik/")
    expect(page.get_by_text("Ersätter STY-00100")).to_be_visible()
    expect(page.get_by_role("heading", name="Bilaga ”Överenskommelsens text”")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Fastställd genom beslut av Hälso- och sjukvårdsnämnden")
    ).to_be_visible()
    assert_axe_clean(page)

    visit(page, "/overenskommelser/STY-00200/")
    expect(page.get_by_text("Ersätter STY-00100 Läkarmedverkan")).to_be_visible()
    submit(page, page.get_by_role("link", name="Redigera överenskommelsen"))
    assert_axe_clean(page)

    visit(page, "/ramverk/")
    submit(page, page.get_by_role("link", name="Nytt ramverk"))
    assert_axe_clean(page)
    page.get_by_label("Titel").fill("Ramverk för primärvård")
    page.get_by_label("Kortnamn i webbadress").fill("ramverk-primarvard")
    page.get_by_label("Region Gotland").check()
    submit(page, page.get_by_role("button", name="Spara"))
    expect(page.get_by_text("Ramverket är registrerat.")).to_be_visible()
    submit(page, page.get_by_role("link", name="Redigera ramverket"))
    assert_axe_clean(page)
    assert_no_console_errors(page)
