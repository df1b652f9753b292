"""The site search in real headless Chromium: the header box on a wide and a phone-sized
screen, typed and submitted without JavaScript's help, and the results page, with axe (WCAG
2.1 A and AA) clean."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, submit, visit


@pytest.fixture
def register(gotland, social_board):
    factories.AgreementFactory(
        register_id="STY-29127",
        title="Specialiserad palliativ vård i hemmet",
        summary="Palliativ vård för patienter i hemmet, <b>dygnet runt</b>.",
        parties=[gotland],
    )
    factories.DraftAgreementFactory(title="Palliativt utkast som ingen ska se")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_header_box_finds_by_inflected_form(page, register, width):
    page.set_viewport_size({"width": width, "height": 800})
    visit(page, "/")
    box = page.get_by_role("searchbox", name="Sök i portalen")
    expect(box).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_axe_clean(page)
    box.fill("palliativa")
    submit(page, page.locator(".header-search").get_by_role("button", name="Sök"))
    assert "/sok/?q=palliativa" in page.url
    results = page.locator("main")
    expect(
        results.get_by_role("link", name="STY-29127 Specialiserad palliativ vård i hemmet")
    ).to_be_visible()
    expect(results.locator("mark").first).to_have_text("palliativ", ignore_case=True)
    expect(results).not_to_contain_text("utkast som ingen ska se")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_a_kind_filter_and_an_empty_query(page, register):
    visit(page, "/sok/?q=gotland")
    page.get_by_role("navigation", name="Slag av träffar").get_by_role(
        "link", name="Huvudmän (1)"
    ).click()
    expect(page.locator(".search-results li")).to_have_count(1)
    assert_axe_clean(page)
    visit(page, "/sok/?q=", status=400)
    expect(page.get_by_role("alert")).to_contain_text("Skriv ett eller flera ord")
    assert_axe_clean(page)
