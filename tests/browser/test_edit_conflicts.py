"""Two people, one item, in real headless Chromium: the later of two saves is refused, shown
beside the saved version and merged, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import (
    Workbench,
    assert_no_console_errors,
    list_item,
    log_in,
    open_menu,
    submit,
)

pytestmark = pytest.mark.usefixtures("role_groups")


@pytest.fixture
def milestone(ctb):
    plan = factories.DraftPlanFactory(title="Handlingsplan för nära vård", slug="nara-vard")
    area, initiative = factories.first_initiative(
        plan, area="Tillgänglighet", title="Fast läkarkontakt"
    )
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
