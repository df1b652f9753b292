"""The workbench by keyboard alone (Tab, Shift+Tab, Enter, Space, Escape, and typing into
fields), with and without JavaScript: log in, open an item's actions menu, edit and save
("Sparat."), move an initiative and see the letters follow, add an item with a period outside
the plan's and see the warning. axe-clean in each state."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import PASSWORD, assert_axe_clean, assert_no_console_errors, visit

pytestmark = pytest.mark.usefixtures("role_groups")

PLAN_URL = "/planer/nara-vard/"
OUTSIDE = "Tiden ligger utanför planens period 2022–2025."


@pytest.fixture
def strategist(role_groups):
    plan = factories.DraftPlanFactory(title="Handlingsplan för nära vård", slug="nara-vard")
    area = factories.SectionFactory(plan=plan, number=1, title="Tillgänglighet")
    first = None
    for position, (letter, title) in enumerate(
        [("a", "Fast läkarkontakt"), ("b", "Mobila team"), ("c", "Digitala vårdmöten")], 1
    ):
        initiative = factories.InitiativeFactory(
            section=area, letter=letter, title=title, position=position
        )
        first = first or initiative
    factories.MilestoneFactory(
        section=area, initiative=first, text="Förslag klart", period="Q2 2024"
    )
    person = factories.StrategistFactory(first_name="Sara", last_name="Strand")
    plan.editors.add(person)
    return person


class Keyboard:
    """Tab to a thing, then press a key; what a key press loads is waited for: a page
    (without JavaScript) or htmx's request and swap (with it)."""

    def __init__(self, page):
        self.page = page

    def focused(self, locator):
        return self.page.evaluate("el => el === document.activeElement", locator.element_handle())

    def tab_to(self, locator, *, limit=250):
        """Tab (forwards only) until the locator has the focus."""
        expect(locator).to_have_count(1)
        for _ in range(limit):
            if self.focused(locator):
                return locator
            self.page.keyboard.press("Tab")
        raise AssertionError(f"Tab never reached {locator}")

    def press(self, key, *, loads=None):
        """Press `key`; `loads` is "page" (a navigation), "GET" or "POST" (an htmx request)."""
        if loads == "page":
            with self.page.expect_navigation():
                self.page.keyboard.press(key)
            return
        if loads is None:
            self.page.keyboard.press(key)
            return
        with self.page.expect_response(
            lambda r: r.request.method == loads and "tolka-tid" not in r.url
        ) as answer:
            self.page.keyboard.press(key)
        assert answer.value.status == 200, f"HTTP {answer.value.status}"
        self.wait_for_htmx()

    def wait_for_htmx(self):
        self.page.wait_for_function(
            "() => !document.querySelector("
            "'.htmx-request, .htmx-swapping, .htmx-added, .htmx-settling')"
        )

    def type_into(self, locator, text):
        """Tab to a field, select what it holds and type over it."""
        self.tab_to(locator)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)


def menu_button(page, name):
    return page.locator("summary", has_text=f"Åtgärder för {name}")


def letters(page):
    return page.locator("article.initiative h3")


@pytest.mark.parametrize("javascript", [True, False], ids=["med-javascript", "utan-javascript"])
def test_the_workbench_by_keyboard_alone(new_page, check_axe, strategist, javascript):
    page = new_page(javascript=javascript)
    keys = Keyboard(page)
    request = "POST" if javascript else "page"

    # Log in through the form.
    visit(page, f"/konto/logga-in/?next={PLAN_URL}")
    keys.type_into(page.locator("#id_username"), strategist.username)
    keys.type_into(page.locator("#id_password"), PASSWORD)
    keys.press("Enter", loads="page")
    assert page.url.endswith(PLAN_URL)
    check_axe(page)

    # An item's actions menu: Enter opens it, Escape closes it and leaves the focus on its
    # button (with JavaScript), Space opens it again.
    summary = menu_button(page, "Förslag klart")
    menu = page.locator("details.actions-menu", has=summary)
    edit = page.get_by_role("link", name="Ändra Förslag klart")
    expect(edit).to_be_hidden()
    keys.tab_to(summary)
    keys.press("Enter")
    expect(menu).to_have_attribute("open", "")
    expect(edit).to_be_visible()
    check_axe(page)
    if javascript:
        keys.press("Escape")
        expect(menu).not_to_have_attribute("open", "")
        expect(summary).to_be_focused()
    else:
        keys.press("Enter")  # closes it
        expect(menu).not_to_have_attribute("open", "")
    keys.press(" ")
    expect(menu).to_have_attribute("open", "")

    # Edit and save: "Sparat.", and the focus back on the item's actions.
    keys.tab_to(edit)
    keys.press("Enter", loads="GET" if javascript else "page")
    text = page.locator("form.edit-form").get_by_label("Text")
    if javascript:
        expect(text).to_be_focused()  # the form opened in place takes the focus
        expect(menu).not_to_have_attribute("open", "")  # and the menu closed behind it
    keys.type_into(text, "Förslag klart i maj")
    keys.tab_to(page.get_by_role("button", name="Spara", exact=True))
    keys.press("Enter", loads=request)
    status = page.locator("#sparat" if javascript else ".messages")
    expect(status).to_have_text("Sparat.")
    expect(page.locator("ul.items > li", has_text="Förslag klart i maj")).to_be_visible()
    expect(menu_button(page, "Förslag klart i maj")).to_be_focused()
    check_axe(page)

    # Move a) down: the letters follow, in the headings and the outline; the focus stays on
    # "Flytta ned", so Enter again moves it once more.
    keys.tab_to(menu_button(page, "1a) Fast läkarkontakt"))
    keys.press("Enter")
    keys.tab_to(page.get_by_role("button", name="Flytta ned 1a) Fast läkarkontakt"))
    keys.press("Enter", loads=request)
    expect(letters(page)).to_have_text(
        ["a) Mobila team", "b) Fast läkarkontakt", "c) Digitala vårdmöten"]
    )
    expect(page.locator(".outline .letters a")).to_have_text(
        ["a) Mobila team", "b) Fast läkarkontakt", "c) Digitala vårdmöten"]
    )
    expect(status).to_have_text("Sparat: Fast läkarkontakt är nu b).")
    expect(page.get_by_role("button", name="Flytta ned 1b) Fast läkarkontakt")).to_be_focused()
    check_axe(page)
    keys.press("Enter", loads=request)
    expect(letters(page)).to_have_text(
        ["a) Mobila team", "b) Digitala vårdmöten", "c) Fast läkarkontakt"]
    )
    # last now: no "Flytta ned", the menu's button has the focus
    expect(menu_button(page, "1c) Fast läkarkontakt")).to_be_focused()
    expect(page.locator("#insats-1c")).to_have_text("c) Fast läkarkontakt")
    check_axe(page)

    # Add a milestone with a period after the plan's: the preview warns (as it is typed with
    # JavaScript; by "Förhandsgranska tiden" without), and the save goes through, saying so.
    keys.tab_to(page.get_by_role("link", name="tidplanspunkt i 1a) Mobila team"))
    keys.press("Enter", loads="GET" if javascript else "page")
    form = page.locator("form.edit-form")
    keys.type_into(form.get_by_label("Text"), "Slutrapport till styrgruppen")
    keys.type_into(form.get_by_label("Tid"), "hösten 2026")
    reading = page.locator("#tolkning")
    if not javascript:
        keys.tab_to(page.get_by_role("button", name="Förhandsgranska tiden"))
        keys.press("Enter", loads="page")
        expect(page.locator("form.edit-form").get_by_label("Tid")).to_have_value("hösten 2026")
    expect(reading).to_contain_text("Tolkas som 1 augusti – 31 december 2026.")
    expect(reading).to_contain_text(OUTSIDE)
    check_axe(page)
    keys.tab_to(page.get_by_role("button", name="Spara", exact=True))
    keys.press("Enter", loads=request)
    expect(status).to_have_text(f"Sparat. {OUTSIDE}")
    expect(page.locator("ul.items > li", has_text="Slutrapport till styrgruppen")).to_be_visible()
    check_axe(page)
    if javascript:
        assert_axe_clean(page)
    assert_no_console_errors(page)
