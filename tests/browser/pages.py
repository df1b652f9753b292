"""What the browser tests do to a page: visit it, check axe (WCAG 2.1 A/AA), check the console,
log in, submit and follow plain forms and links, and take the workbench's editing steps."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
_axe = Axe()
PASSWORD = "testlösen-123"  # the user factories' password


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


def log_in(page, user, next_url="/"):
    """Through the real login form, on to next_url."""
    visit(page, f"/konto/logga-in/?next={next_url}")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    submit(page, page.get_by_role("button", name="Logga in"))
    assert page.url.endswith(next_url), page.url


def submit(page, button, status=200):
    """Click a button of a plain form: the answer is a whole page (after any redirect)."""
    with page.expect_navigation() as navigation:
        button.click()
    response = navigation.value
    assert response.status == status, f"{page.url}: HTTP {response.status}"


def follow(page, link):
    with page.expect_navigation():
        link.click()


def open_checked(page, link_name):
    """Follow the link to its page, as a plain form is submitted, and check that page with axe."""
    submit(page, page.get_by_role("link", name=link_name))
    assert_axe_clean(page)


def fill_in(page, fields):
    """Type each value into the field its label names: {label: value}."""
    for label, value in fields.items():
        page.get_by_label(label).fill(value)


def open_menu(page, name):
    """An item's actions are behind its "Åtgärder" disclosure (named for the item, hidden)."""
    page.locator("summary", has_text=f"Åtgärder för {name}").click()


def list_item(page, text):
    """The plan's list entry holding the text (the text also names its controls, hidden)."""
    return page.locator("ul.items > li", has_text=text)


class Workbench:
    """The editing steps as the strategist takes them. With JavaScript the add and edit links
    open their forms in place and a save re-renders the section while the page stays (a
    marker set on the window must survive); without it, each link is a form page and each
    save a full page load back to the plan."""

    def __init__(self, page, javascript):
        self.page, self.javascript = page, javascript
        self.url = None

    @property
    def form(self):
        return self.page.locator("form.edit-form")

    def open(self, link):
        if self.javascript:
            self.page.evaluate("window.__marker = 1")
            self.url = self.page.url
            link.click()
        else:
            follow(self.page, link)
        expect(self.form).to_be_visible()
        if self.javascript:
            self.wait_for_htmx()
        return self.form

    def save(self, status=200, button="Spara"):
        button = self.page.get_by_role("button", name=button, exact=True)
        if not self.javascript:
            submit(self.page, button, status)
            return
        with self.page.expect_response(lambda r: r.request.method == "POST") as answer:
            button.click()
        assert answer.value.status == status, f"HTTP {answer.value.status}"
        self.wait_for_htmx()
        if status == 200:  # the section is re-rendered without the form
            expect(self.form).to_have_count(0)
        self.assert_stayed()

    def press(self, button):
        """A button of a form that htmx posts (a move): the section is re-rendered in place."""
        self.page.evaluate("window.__marker = 1")
        self.url = self.page.url
        with self.page.expect_response(lambda r: r.request.method == "POST") as answer:
            button.click()
        assert answer.value.status == 200, f"HTTP {answer.value.status}"
        self.wait_for_htmx()
        self.assert_stayed()

    def wait_for_htmx(self):
        """Until htmx has swapped and settled: only then is new content processed (its hx-get
        links and hx-trigger inputs live), as it is long before a person acts."""
        self.page.wait_for_function(
            "() => !document.querySelector("
            "'.htmx-request, .htmx-swapping, .htmx-added, .htmx-settling')"
        )

    def assert_stayed(self):
        assert self.page.evaluate("window.__marker") == 1, "the page navigated"
        assert self.page.url == self.url
