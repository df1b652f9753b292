"""The strategist's workbench in real headless Chromium: the whole editing flow with and
without JavaScript, and the forms axe-clean in their error states (two people saving the same
item: test_edit_conflicts.py)."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import (
    Workbench,
    assert_axe_clean,
    assert_no_console_errors,
    follow,
    list_item,
    log_in,
    open_menu,
    submit,
    visit,
)

pytestmark = pytest.mark.usefixtures("role_groups")


def assert_error_summary_links_to(page, label, field_id):
    """The error summary (role=alert) names the field and links to it."""
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    link = summary.get_by_role("link", name=re.compile(f"^{label}:"))
    expect(link).to_have_attribute("href", f"#{field_id}")
    expect(page.locator(f"#{field_id}")).to_be_visible()


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
        label="Central tjänstemannaberedning (CTB), Region Skåne"
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
