"""Single sign-on in real Chromium against the real test provider (tests/oidc_provider/): the
login page with "Logga in med …" beside the password form, the provider's login and consent,
back in the portal logged in; and the page that refuses someone without a role. The portal's
pages axe-clean (the provider's pages are not ours)."""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import assert_axe_clean, assert_no_console_errors, follow, visit
from tests.oidc_provider.server import PASSWORD, PROVIDER_NAME

pytestmark = pytest.mark.usefixtures("sso_settings")


def through_the_provider(page, username, *, consent=True):
    visit(page, "/konto/logga-in/")
    follow(page, page.get_by_role("link", name=f"Logga in med {PROVIDER_NAME}"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Logga in"))
    follow(page, page.locator("input[name=allow]" if consent else "input[type=submit]").first)
    page.console_errors.clear()  # the provider's pages are not ours (it has no style sheet)


def test_a_strategist_logs_in_with_the_regions_account(page, live_server):
    visit(page, "/konto/logga-in/")
    expect(page.get_by_role("link", name=f"Logga in med {PROVIDER_NAME}")).to_be_visible()
    expect(page.get_by_label("Lösenord")).to_be_visible()  # local accounts too
    assert_axe_clean(page)

    through_the_provider(page, "anna")
    assert page.url == f"{live_server.url}/"
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    visit(page, "/sok/")
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    assert_no_console_errors(page)


def test_someone_without_a_role_is_told_why(page):
    through_the_provider(page, "olle")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ditt konto ger ingen behörighet i portalen"
    )
    assert_axe_clean(page)
    expect(page.get_by_role("link", name="Till inloggningen")).to_be_visible()
