"""A follow-up round in real headless Chromium, from opening to closing: the plan's owner side
opens it, two editors report (one in the workbench with JavaScript, one from the round's page
without), the round page shows who has reported, closing freezes it, and the public then
reads it. Every new page is checked with axe."""

import datetime

import pytest
from playwright.sync_api import expect

from plans.models import Milestone
from tests import factories
from tests.browser.pages import (
    assert_axe_clean,
    assert_no_console_errors,
    fill_in,
    follow,
    log_in,
    submit,
    visit,
)

pytestmark = pytest.mark.usefixtures("role_groups")


@pytest.fixture
def plan():
    plan = factories.PlanFactory(title="Aktivitets- och tidplan 2022–2025", slug="uppfoljd")
    area, sip = factories.first_initiative(plan)
    team = factories.InitiativeFactory(section=area, letter="b", title="Teambaserad vårdform")
    factories.MilestoneFactory(section=area, initiative=sip, text="Förslag klart", period="Q2 2022")
    factories.FollowUpFactory(section=area, initiative=sip, text="Följs upp", period="2022-06-01")
    factories.MilestoneFactory(section=area, initiative=team, text="Team infört", period="Q1 2022")
    return plan


ROUND_PATH = "/planer/uppfoljd/omgangar/1/"


def round_row(page, text):
    return page.locator("table.round-items tr", has_text=text)


def test_a_follow_up_round_with_two_editors_from_opening_to_closing(page, new_page, plan):
    anna = factories.StrategistFactory(username="anna", first_name="Anna", last_name="Ek")
    eva = factories.StrategistFactory(username="eva", first_name="Eva", last_name="Lund")
    admin = factories.RegisterAdminFactory(username="admin", first_name="Rut", last_name="Berg")
    plan.editors.add(anna, eva)

    # The owner side opens the round from the plan's follow-up page.
    owner = new_page()
    log_in(owner, admin, "/planer/uppfoljd/")
    follow(owner, owner.get_by_role("link", name="Uppföljning", exact=True))
    assert_axe_clean(owner)
    follow(owner, owner.get_by_role("link", name="Öppna en uppföljning"))
    assert_axe_clean(owner)
    fill_in(owner, {"Rapportdatum": "2022-08-31", "Sista dag att rapportera": "2022-09-15"})
    submit(owner, owner.get_by_role("button", name="Öppna uppföljningen"))
    expect(owner.get_by_role("heading", name="Uppföljning T2 2022", level=1)).to_be_visible()
    round_url = owner.url
    assert round_url.endswith(ROUND_PATH)
    expect(owner.get_by_text("Har inte rapporterat")).to_have_count(2)
    assert_axe_clean(owner)

    # Anna reports in the workbench, with JavaScript: the form opens in place.
    first = new_page()
    log_in(first, anna, "/planer/uppfoljd/")
    item = first.locator("ul.items > li", has_text="Förslag klart")
    item.locator("summary", has_text="Åtgärder för Förslag klart").click()
    item.get_by_role("link", name="Rapportera läge Förslag klart").click()
    form = first.locator("form.edit-form")
    expect(form).to_be_visible()
    form.get_by_label("Läge").select_option(label="Klar")
    form.get_by_label("Klar den").fill("2022-06-20")
    form.get_by_label("Kommentar").fill("Förslaget lämnat")
    with first.expect_response(lambda r: r.request.method == "POST"):
        form.get_by_role("button", name="Spara").click()
    expect(form).to_have_count(0)
    expect(item.get_by_text("Klar 2022-06-20")).to_be_visible()
    expect(item.get_by_text("Förfallen")).to_have_count(0)
    assert_axe_clean(first)
    assert_no_console_errors(first)

    # Eva reports from the round's page, without JavaScript.
    second = new_page(javascript=False)
    log_in(second, eva, ROUND_PATH)
    row = round_row(second, "Team infört")
    follow(second, row.get_by_role("link", name="Rapportera läge för Team infört"))
    second.get_by_label("Läge").select_option(label="Pågår")
    second.get_by_label("Kommentar").fill("Två av tre team i gång")
    submit(second, second.get_by_role("button", name="Spara"))
    team = Milestone.objects.get(text="Team infört")
    assert second.url == f"{round_url}#lage-milestone-{team.pk}"
    expect(round_row(second, "Team infört").get_by_text("Två av tre team i gång")).to_be_visible()

    # The owner sees both editors have reported, and closes the round.
    visit(owner, round_url)
    expect(owner.get_by_text("Har inte rapporterat")).to_have_count(0)
    expect(round_row(owner, "Följs upp").get_by_text("Inte rapporterad")).to_be_visible()
    follow(owner, owner.get_by_role("link", name="Stäng uppföljningen"))
    assert_axe_clean(owner)
    submit(owner, owner.get_by_role("button", name="Stäng uppföljningen"))
    expect(owner.get_by_text("Uppföljningen är stängd.", exact=True)).to_be_visible()
    expect(owner.get_by_role("link", name="Stäng uppföljningen")).to_have_count(0)

    # Nothing more goes into it: the round's page offers no more reports.
    visit(second, round_url)
    expect(second.get_by_role("link", name="Rapportera läge för Följs upp")).to_have_count(0)

    # The public reads the closed round, and the plan with nothing done shown as late.
    visit(page, round_url)
    expect(page.get_by_role("heading", name="Uppföljning T2 2022", level=1)).to_be_visible()
    expect(page.get_by_text("Förslaget lämnat")).to_be_visible()
    assert_axe_clean(page)
    visit(page, "/planer/uppfoljd/")
    expect(
        page.locator("ul.items > li", has_text="Förslag klart").get_by_text("Förfallen")
    ).to_have_count(0)
    expect(
        page.locator("ul.items > li", has_text="Följs upp").get_by_text("Förfallen")
    ).to_be_visible()
    assert_no_console_errors(page)


def test_an_open_round_is_not_shown_to_the_public(page, plan):
    from plans.services import round_open

    opened = round_open(
        user=None,
        plan=plan,
        reporting_date=datetime.date(2022, 8, 31),
        deadline=datetime.date(2022, 9, 15),
    )
    page.goto(opened.get_absolute_url())
    assert "/konto/logga-in/" in page.url
