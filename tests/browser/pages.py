"""What every browser test does to a page: visit it, check axe (WCAG 2.1 A/AA), check the console."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
_axe = Axe()


def assert_axe_clean(page):
    results = _axe.run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def assert_no_console_errors(page):
    assert page.console_errors == [], f"{page.url}: console errors: {page.console_errors}"


def visit(page, path, status=200):
    response = page.goto(path)
    assert response is not None
    assert response.status == status, f"{path}: HTTP {response.status}"
    return response


def log_in(page, user, password="testlösen-123"):
    """Through the real login form (the factories' password)."""
    visit(page, "/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(user.username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
