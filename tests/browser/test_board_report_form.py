"""The board report form in real headless Chromium: type-ahead narrowing the recipients as one
types (checked ones stay), a file uploaded in an underlag row and downloaded back, and
Förhandsgranska showing the report as typed before it is saved; axe-clean throughout."""

import pytest
from playwright.sync_api import expect

from governance.services import board_report_create
from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, log_in, submit

HSN = "Hälso- och sjukvårdsnämnden (HSN)"
PDF = b"%PDF-1.7\n% protokollsutdrag\n"


@pytest.fixture
def draft(role_groups, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    regions = [
        factories.RegionFactory(name=name)
        for name in ("Region Gotland", "Region Skåne", "Region Kalmar län")
    ]
    bodies = [
        factories.BodyFactory(
            name="Hälso- och sjukvårdsnämnden", short_code="HSN", organisations=[region]
        )
        for region in regions
    ]
    return board_report_create(
        user=None,
        organisation=regions[0],
        date="2024-08-22",
        title="Lägesrapport",
        proposed_decision="Noteras.",
        recipients=[bodies[0]],
    )


def recipient(page, label):
    return page.get_by_role("checkbox", name=label, exact=True)


def test_typing_narrows_the_recipients_and_keeps_the_checked_ones(page, draft):
    log_in(page, factories.StrategistFactory(), f"/tjansteskrivelser/{draft.pk}/redigera/")
    search = page.locator("#id_recipients_sok")
    count = page.locator("#id_recipients_antal")
    expect(search).to_have_accessible_name("Sök i listan")
    expect(search).to_have_accessible_description(
        "Mottagare: 3 att välja bland. Skriv för att få förslag."
    )

    search.press_sequentially("skåne")

    expect(recipient(page, f"{HSN}, Region Skåne")).to_be_visible()
    expect(recipient(page, f"{HSN}, Region Kalmar län")).to_be_hidden()
    expect(recipient(page, f"{HSN}, Region Gotland")).to_be_checked()  # chosen: stays shown
    expect(count).to_have_text("Mottagare: visar 2 av 3.")
    groups = page.locator("#id_recipients")
    expect(groups.get_by_text("Region Kalmar län", exact=True)).to_be_hidden()  # its group too
    assert_axe_clean(page)

    search.press("Enter")  # narrows, never sends the form
    assert page.url.endswith(f"/tjansteskrivelser/{draft.pk}/redigera/")
    recipient(page, f"{HSN}, Region Skåne").check()
    search.press("Escape")
    expect(recipient(page, f"{HSN}, Region Kalmar län")).to_be_visible()
    expect(count).to_have_text("Mottagare: visar 3 av 3.")

    page.get_by_role("group", name="Beslutsunderlag, rad 1").get_by_label(
        "eller länk till en sida i portalen"
    ).fill("/ramverk/")
    page.get_by_role("group", name="Beslutsunderlag, rad 1").get_by_label("Underlagets titel").fill(
        "Ramverken"
    )
    submit(page, page.get_by_role("button", name="Spara utkast"))
    recipients = page.get_by_role("region", name="Mottagare")
    expect(recipients.get_by_text("Hälso- och sjukvårdsnämnden")).to_have_count(2)
    assert_no_console_errors(page)


def test_a_file_uploaded_in_a_row_is_downloaded_back_after_a_preview(page, draft, tmp_path):
    upload = tmp_path / "Protokollsutdrag.pdf"
    upload.write_bytes(PDF)
    log_in(page, factories.StrategistFactory(), f"/tjansteskrivelser/{draft.pk}/redigera/")
    page.get_by_label("Rubrik").fill("Lägesrapport hösten 2024")
    row = page.get_by_role("group", name="Beslutsunderlag, rad 1")
    row.get_by_label("Underlagets titel").fill("Protokollsutdrag")
    row.get_by_label("Fil", exact=True).set_input_files(str(upload))

    submit(page, page.get_by_role("button", name="Förhandsgranska"))

    preview = page.locator(".report-preview-step")
    expect(preview.get_by_role("heading", name="Lägesrapport hösten 2024")).to_be_visible()
    expect(preview.get_by_text("Ingenting är sparat")).to_be_visible()
    expect(preview.get_by_text("välj dem igen innan du sparar")).to_be_visible()
    assert_axe_clean(page)
    expect(page.get_by_label("Rubrik")).to_have_value("Lägesrapport hösten 2024")

    row = page.get_by_role("group", name="Beslutsunderlag, rad 1")
    row.get_by_label("Fil", exact=True).set_input_files(str(upload))
    submit(page, page.get_by_role("button", name="Spara utkast"))
    expect(page.get_by_role("heading", name="Lägesrapport hösten 2024")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Protokollsutdrag").click()
    assert download.value.suggested_filename == "Protokollsutdrag.pdf"
    with open(download.value.path(), "rb") as received:
        assert received.read() == PDF

    page.get_by_role("link", name="Redigera").click()
    expect(page.get_by_text("Sparad fil:")).to_be_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)
