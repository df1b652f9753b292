"""The account pages in real Chromium: from the login page to a new password, and the lockout
page, axe-clean (WCAG 2.1 A/AA) on a desktop and a phone."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, visit

pytestmark = pytest.mark.usefixtures("role_groups")


@pytest.mark.parametrize("width", [1280, 375])
def test_forgotten_password_is_found_from_the_login_page(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, "/konto/logga-in/")
    page.get_by_role("link", name="Glömt lösenordet?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nytt lösenord")
    assert_axe_clean(page)
    page.get_by_label("E-postadress").fill("okand@example.se")
    page.get_by_role("button", name="Skicka länk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Länken är skickad")
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_the_lockout_page_says_why_and_offers_a_new_password(page):
    factories.ReaderFactory(username="lisa")
    visit(page, "/konto/logga-in/")
    for attempt in range(5):
        page.get_by_label("Användarnamn").fill("lisa")
        page.get_by_label("Lösenord").fill(f"fel-{attempt}")
        page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("För många inloggningsförsök")
    assert_axe_clean(page)
    expect(page.get_by_role("link", name="Glömt lösenordet? Beställ ett nytt.")).to_be_visible()
