"""Taking things away, in real headless Chromium: the register's Excel download (the page's
filter goes with it; opened with openpyxl), and the pages that offer downloads and calendar
feeds, with their Outlook help opened, axe (WCAG 2.1 A and AA) clean."""

from datetime import date

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, submit, visit


@pytest.fixture
def register(gotland, social_board):
    factories.AgreementFactory(
        register_id="STY-05564",
        title="Läkarmedverkan",
        parties=[gotland],
        review_by=date(2025, 12, 31),
    )
    factories.AgreementFactory(register_id="STY-11006", title="Samordnad individuell plan")
    factories.DraftAgreementFactory(register_id="STY-77777", title="Hemligt utkast")
    factories.MeetingFactory(body=social_board, date=date(2026, 3, 5))
    plan = factories.PlanFactory(title="Aktivitets- och tidplan 2022–2025", slug="skane")
    factories.MilestoneFactory(section__plan=plan, text="Implementerat", period="hösten 2026")


def test_the_register_downloads_as_excel_with_its_filter(page, register, tmp_path):
    visit(page, "/overenskommelser/")
    page.locator("form.filters").get_by_label("Sök", exact=True).fill("läkar")
    submit(page, page.locator("form.filters").get_by_role("button", name="Visa"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel (.xlsx)").click()
    download = download_info.value
    assert download.suggested_filename == "forteckning-over-overenskommelser.xlsx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Beteckning" and sheet["A1"].font.bold
    assert [row[0] for row in rows[1:]] == ["STY-05564"]
    assert rows[1][11].date() == date(2025, 12, 31)
    assert_no_console_errors(page)


@pytest.mark.parametrize("width", [1280, 375])
def test_pages_with_downloads_and_feeds_are_accessible(page, register, social_board, width):
    page.set_viewport_size({"width": width, "height": 800})
    pages = ["/overenskommelser/", "/sammantraden/", f"/organ/{social_board.slug}/"]
    for path in [*pages, "/planer/skane/"]:
        visit(page, path)
        help_text = page.locator("details.calendar-help").first
        help_text.locator("summary").click()
        expect(help_text.get_by_text("Prenumerera från webben")).to_be_visible()
        webcal = page.get_by_role("link", name="öppna i kalenderprogrammet").first
        assert webcal.get_attribute("href").startswith("webcal://")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert_axe_clean(page)
    assert_no_console_errors(page)


def test_bevakning_offers_its_downloads(page, register):
    visit(page, "/planer/bevakning/?months=12")
    links = page.locator("p.exports").get_by_role("link")
    expect(links).to_have_text(["Excel (.xlsx)", "CSV"])
    assert links.first.get_attribute("href").endswith("/planer/bevakning.xlsx?months=12")
    assert_axe_clean(page)
