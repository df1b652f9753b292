"""The strategist's workbench in real headless Chromium: the whole editing flow with and
without JavaScript, two people saving the same item, and the forms axe-clean in their error
states."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, visit

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db", "role_groups")]

PASSWORD = "testlösen-123"  # the user factories' password


@pytest.fixture
def ctb(role_groups):
    return factories.BodyFactory(name="Central tjänstemannaberedning", slug="ctb", short_code="CTB")


@pytest.fixture
def check_axe(new_page):
    """axe-clean, also for a page without JavaScript: axe runs as a script in the page, so
    such a page is checked as a copy (its exact HTML, at its address, with its style sheets)
    in a page with JavaScript."""
    copies = {}

    def check(page):
        if page.javascript:
            assert_axe_clean(page)
            return
        if "page" not in copies:
            copy = new_page()

            def serve(route):
                if route.request.resource_type == "document":
                    route.fulfill(body=copies["html"], content_type="text/html; charset=utf-8")
                else:
                    route.continue_()

            copy.route("**/*", serve)
            copies["page"] = copy
        copy = copies["page"]
        copies["html"] = page.content()
        copy.goto(page.url)
        assert_axe_clean(copy)
        assert_no_console_errors(copy)

    return check


def log_in(page, user, next_url):
    """Through the real login form."""
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


def assert_error_summary_links_to(page, label, field_id):
    """The error summary (role=alert) names the field and links to it."""
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    link = summary.get_by_role("link", name=re.compile(f"^{label}:"))
    expect(link).to_have_attribute("href", f"#{field_id}")
    expect(page.locator(f"#{field_id}")).to_be_visible()


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


def open_menu(page, name):
    """An item's actions are behind its "Åtgärder" disclosure (named for the item, hidden)."""
    page.locator("summary", has_text=f"Åtgärder för {name}").click()


def list_item(page, text):
    """The plan's list entry holding the text (the text also names its controls, hidden)."""
    return page.locator("ul.items > li", has_text=text)


def milestone_texts(page):
    return page.locator("article.initiative ul.items").nth(1).locator(":scope > li")


@pytest.mark.parametrize("javascript", [False, True], ids=["utan-javascript", "med-javascript"])
def test_a_strategist_builds_a_plan_that_is_adopted_and_then_revised(
    new_page, check_axe, ctb, javascript
):
    strategist = factories.StrategistFactory(first_name="Sara", last_name="Strand")
    page = new_page(javascript=javascript)
    bench = Workbench(page, javascript)
    log_in(page, strategist, "/planer/")

    # A new plan; the form first in its error state, keeping what was typed.
    follow(page, page.get_by_role("link", name="Skapa en ny plan"))
    page.get_by_label("Tid").fill("2023–2025")
    submit(page, page.get_by_role("button", name="Spara"), status=400)
    assert_error_summary_links_to(page, "Titel", "id_title")
    expect(page.get_by_label("Tid")).to_have_value("2023–2025")
    page.console_errors.clear()  # the deliberate 400 is logged by Chromium
    check_axe(page)
    page.get_by_label("Titel").fill("Handlingsplan för nära vård")
    page.get_by_label("Typ").select_option(label="Handlingsplan")
    submit(page, page.get_by_role("button", name="Spara"))
    plan_url = "/planer/handlingsplan-for-nara-vard/"
    assert page.url.endswith(plan_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Handlingsplan för nära vård")
    expect(page.get_by_text("Planen är skapad som utkast.")).to_be_visible()

    # An area: a form page with or without JavaScript.
    follow(page, page.get_by_role("link", name="Lägg till område", exact=True))
    expect(page.get_by_label("Nummer")).to_have_value("1")
    page.get_by_label("Rubrik").fill("Tillgänglighet och kontinuitet")
    submit(page, page.get_by_role("button", name="Spara"))
    expect(
        page.get_by_role("heading", name="Område 1. Tillgänglighet och kontinuitet")
    ).to_be_visible()

    # An initiative and an activity: in place with JavaScript.
    bench.open(page.get_by_role("link", name="Lägg till insats i område 1"))
    bench.form.get_by_label("Bokstav").fill("a")
    bench.form.get_by_label("Rubrik").fill("Fast läkarkontakt")
    bench.save()
    expect(page.get_by_role("heading", name="a) Fast läkarkontakt")).to_be_visible()

    bench.open(page.get_by_role("link", name="aktivitet i 1a) Fast läkarkontakt"))
    bench.form.get_by_label("Text").fill("Kartlägga listningen i kommunerna")
    bench.save()
    expect(list_item(page, "Kartlägga listningen i kommunerna")).to_be_visible()

    # A milestone with a period: read as it is typed (with JavaScript), and the form's
    # error state keeps the period and its reading.
    bench.open(page.get_by_role("link", name="tidplanspunkt i 1a) Fast läkarkontakt"))
    period = bench.form.get_by_label("Tid")
    reading = page.locator("#tolkning")
    if javascript:
        period.fill("när det passar")
        expect(reading).to_contain_text("förstår inte")
        period.fill("Q2 2024")
        expect(reading).to_have_text("Tolkas som 1 april – 30 juni 2024.")
    else:
        period.fill("Q2 2024")
    bench.save(status=400)
    assert_error_summary_links_to(page, "Text", "id_text")
    expect(bench.form.get_by_label("Tid")).to_have_value("Q2 2024")
    expect(reading).to_have_text("Tolkas som 1 april – 30 juni 2024.")
    page.console_errors.clear()
    check_axe(page)
    bench.form.get_by_label("Text").fill("Förslag om listning klart")
    bench.save()
    expect(list_item(page, "Förslag om listning klart")).to_be_visible()
    expect(page.locator(".period-tag", has_text="Q2 2024")).to_be_visible()

    bench.open(page.get_by_role("link", name="tidplanspunkt i 1a) Fast läkarkontakt"))
    bench.form.get_by_label("Text").fill("Beslut om modell")
    bench.form.get_by_label("Tid").fill("hösten 2023")
    bench.save()
    expect(milestone_texts(page)).to_have_count(2)
    expect(milestone_texts(page).first).to_contain_text("Förslag om listning klart")
    if javascript:
        assert_axe_clean(page)  # the section as htmx re-rendered it

    # Reorder: a POST form in the item's actions menu, posted by htmx with JavaScript.
    open_menu(page, "Beslut om modell")
    move = page.get_by_role("button", name="Flytta upp Beslut om modell")
    if javascript:
        bench.press(move)
    else:
        submit(page, move)
    expect(milestone_texts(page).first).to_contain_text("Beslut om modell")
    expect(milestone_texts(page).last).to_contain_text("Förslag om listning klart")

    # A status update.
    follow(page, page.get_by_role("link", name="Ny statusuppdatering för a) Fast läkarkontakt"))
    page.get_by_label("Status").select_option(label="Enligt plan")
    page.get_by_label("Kommentar").fill("Listningen är kartlagd i två kommuner.")
    submit(page, page.get_by_role("button", name="Spara status"))
    status = page.locator("article.initiative .initiative-status")
    expect(status).to_contain_text("Enligt plan")
    expect(status).to_contain_text("Listningen är kartlagd i två kommuner.")
    check_axe(page)
    assert_no_console_errors(page)

    # A register admin adopts it; the case number must be the body's.
    admin = factories.RegisterAdminFactory(first_name="Rut", last_name="Register")
    admin_page = new_page(javascript=javascript)
    log_in(admin_page, admin, plan_url)
    follow(admin_page, admin_page.get_by_role("link", name="Fastställ planen"))
    admin_page.get_by_label("Beslutande organ").select_option(
        label="Central tjänstemannaberedning (CTB)"
    )
    admin_page.get_by_label("Ärendenummer").fill("HSN 2022/14")
    submit(admin_page, admin_page.get_by_role("button", name="Fastställ"), status=400)
    assert_error_summary_links_to(admin_page, "Ärendenummer", "id_case_number")
    admin_page.console_errors.clear()
    check_axe(admin_page)
    admin_page.get_by_label("Ärendenummer").fill("CTB 2022/14")
    admin_page.get_by_label("Beslutsdatum").fill("2022-05-17")
    submit(admin_page, admin_page.get_by_role("button", name="Fastställ"))
    expect(admin_page.get_by_text("Planen är fastställd som version 1.")).to_be_visible()
    assert_no_console_errors(admin_page)

    # The strategist's next edit starts a revision; the public still sees the adopted text.
    visit(page, plan_url)
    expect(page.locator(".status").first).to_contain_text("Fastställd")
    open_menu(page, "Förslag om listning klart")
    bench.open(page.get_by_role("link", name="Ändra Förslag om listning klart"))
    bench.form.get_by_label("Text").fill("Förslag om listning klart i alla kommuner")
    bench.save()
    expect(list_item(page, "Förslag om listning klart i alla kommuner")).to_be_visible()
    visit(page, plan_url)
    expect(page.locator(".status").first).to_contain_text("Under revidering")
    expect(page.get_by_text("Planen revideras")).to_be_visible()
    assert_no_console_errors(page)

    visitor = new_page(javascript=javascript)
    visit(visitor, plan_url)
    expect(list_item(visitor, "Förslag om listning klart")).to_be_visible()
    expect(list_item(visitor, "i alla kommuner")).to_have_count(0)
    expect(visitor.get_by_role("link", name=re.compile("^Ändra"))).to_have_count(0)
    check_axe(visitor)
    assert_no_console_errors(visitor)


# --- two people, one item --------------------------------------------------------------


@pytest.fixture
def milestone(ctb):
    plan = factories.DraftPlanFactory(title="Handlingsplan för nära vård", slug="nara-vard")
    area = factories.SectionFactory(plan=plan, number=1, title="Tillgänglighet")
    initiative = factories.InitiativeFactory(section=area, letter="a", title="Fast läkarkontakt")
    return factories.MilestoneFactory(
        section=area, initiative=initiative, text="Förslag klart", period="Q2 2024"
    )


@pytest.fixture
def editors(milestone):
    anna = factories.StrategistFactory(first_name="Anna", last_name="Andersson")
    bo = factories.StrategistFactory(first_name="Bo", last_name="Berg")
    milestone.section.plan.editors.add(anna, bo)
    return anna, bo


def assert_conflict_shown(page, *, mine, saved, by):
    """The refusal: who saved in between, both versions side by side, the form still theirs."""
    expect(page.get_by_role("alert")).to_contain_text("sparades")
    expect(page.get_by_role("alert")).to_contain_text(by)
    table = page.get_by_role("table", name="Din version och den sparade versionen")
    headers = table.get_by_role("columnheader")
    expect(headers).to_have_text(["Fält", "Din version (inte sparad)", "Sparad version"])
    for label, (my_text, saved_text) in {
        "Text": (mine[0], saved[0]),
        "Tid": (mine[1], saved[1]),
    }.items():
        row = table.locator("tr", has=page.get_by_role("rowheader", name=label, exact=True))
        expect(row.get_by_role("cell")).to_have_text([my_text, saved_text])
    form = page.locator("form", has=page.get_by_role("button", name="Spara sammanslagen version"))
    expect(form.get_by_label("Text")).to_have_value(mine[0])
    expect(form.get_by_label("Tid")).to_have_value(mine[1])
    return form


def test_the_later_of_two_saves_is_refused_and_merged_without_javascript(
    new_page, check_axe, milestone, editors
):
    anna, bo = editors
    edit_url = f"/planer/nara-vard/tidplan/{milestone.pk}/redigera/"
    first, second = new_page(javascript=False), new_page(javascript=False)
    log_in(first, anna, edit_url)
    log_in(second, bo, edit_url)

    first.get_by_label("Text").fill("Förslag klart i maj")
    submit(first, first.get_by_role("button", name="Spara"))
    expect(list_item(first, "Förslag klart i maj")).to_be_visible()

    second.get_by_label("Text").fill("Förslag klart, remiss till kommunerna")
    second.get_by_label("Tid").fill("Q3 2024")
    submit(second, second.get_by_role("button", name="Spara"), status=409)
    expect(second.get_by_role("heading", level=1)).to_have_text(
        "Någon annan har ändrat tidplanspunkten"
    )
    form = assert_conflict_shown(
        second,
        mine=("Förslag klart, remiss till kommunerna", "Q3 2024"),
        saved=("Förslag klart i maj", "Q2 2024"),
        by="Anna Andersson",
    )
    second.console_errors.clear()  # the deliberate 409 is logged by Chromium
    check_axe(second)

    merged = "Förslag klart i maj, remiss till kommunerna"
    form.get_by_label("Text").fill(merged)
    submit(second, form.get_by_role("button", name="Spara sammanslagen version"))
    assert "/planer/nara-vard/" in second.url
    expect(list_item(second, merged)).to_be_visible()
    milestone.refresh_from_db()
    assert (milestone.text, milestone.period_text) == (merged, "Q3 2024")
    assert milestone.history.first().history_user == bo
    for page in (first, second):
        assert_no_console_errors(page)


def test_the_later_of_two_saves_is_refused_in_place_with_javascript(
    new_page, check_axe, milestone, editors
):
    anna, bo = editors
    plan_url = "/planer/nara-vard/"
    first, second = new_page(), new_page()
    log_in(first, anna, plan_url)
    log_in(second, bo, plan_url)
    benches = [Workbench(page, javascript=True) for page in (first, second)]
    for bench in benches:
        open_menu(bench.page, "Förslag klart")
        bench.open(bench.page.get_by_role("link", name="Ändra Förslag klart"))

    benches[0].form.get_by_label("Text").fill("Förslag klart i maj")
    benches[0].save()
    expect(list_item(first, "Förslag klart i maj")).to_be_visible()

    benches[1].form.get_by_label("Text").fill("Förslag klart, remiss till kommunerna")
    benches[1].save(status=409)
    expect(benches[1].form).to_have_count(0)  # the conflict took the form's place
    form = assert_conflict_shown(
        second,
        mine=("Förslag klart, remiss till kommunerna", "Q2 2024"),
        saved=("Förslag klart i maj", "Q2 2024"),
        by="Anna Andersson",
    )
    second.console_errors.clear()
    check_axe(second)

    merged = "Förslag klart i maj, remiss till kommunerna"
    form.get_by_label("Text").fill(merged)
    benches[1].save(button="Spara sammanslagen version")
    expect(second.locator(".conflict")).to_have_count(0)
    expect(list_item(second, merged)).to_be_visible()
    milestone.refresh_from_db()
    assert milestone.text == merged
    for page in (first, second):
        assert_no_console_errors(page)
