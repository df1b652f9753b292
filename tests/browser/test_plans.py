"""Plan pages in real headless Chromium: the plan, its timeline, what is due — axe-clean."""

import pytest
from playwright.sync_api import expect

from plans.services import status_update_record
from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, visit


@pytest.fixture
def plan(transactional_db):
    body = factories.BodyFactory(
        name="Central tjänstemannaberedning",
        slug="ctb",
        short_code="CTB",
        organisations=[factories.RegionFactory(name="Region Skåne")],
    )
    plan = factories.PlanFactory(title="Aktivitets- och tidplan 2022–2025", slug="skane")
    area, sip = factories.first_initiative(plan)
    sip.responsible_bodies.add(body)
    factories.first_items(area, sip, reported_to=body)
    factories.MilestoneFactory(
        section=area, initiative=sip, text="Fortlöpande", period="fr o m hösten 2022"
    )
    factories.FollowUpFactory(
        section=area, initiative=sip, text="Följs upp årligen", period="årligen"
    )
    status_update_record(
        user=None, initiative=sip, status="at_risk", comment="Utbildningarna är försenade"
    )
    digital = factories.SectionFactory(plan=plan, number=4, title="Gemensamma digitala lösningar")
    factories.MilestoneFactory(section=digital, text="Strategi Q1/Q2 2022", period="Q1/Q2 2022")
    factories.MilestoneFactory(
        section=digital, text="Implementerat", period="vid utgången av år 2025"
    )
    return plan


def test_plan_page_with_outline_statuses_and_overdue_marks(page, plan):
    visit(page, "/planer/skane/")
    assert page.locator("h1").inner_text() == "Aktivitets- och tidplan 2022–2025"
    outline = page.get_by_role("navigation", name="Innehåll")
    outline.get_by_role("link", name="a) Patientkontrakt och SIP").click()
    assert page.url.endswith("#insats-1a")
    assert page.get_by_text("Risk för försening").first.is_visible()
    assert page.get_by_text("Förfallen").first.is_visible()
    assert page.get_by_role("heading", name="Område 4. Gemensamma digitala lösningar").is_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_timeline_and_its_table(page, plan):
    visit(page, "/planer/skane/tidslinje/")
    table = page.get_by_role("table").filter(has_text="Tolkas som")
    assert table.get_by_role("row").count() == 6  # header + 5 dated entries
    assert table.get_by_text("1 april – 30 juni 2022").is_visible()
    assert page.get_by_text("Följs upp årligen").is_visible()  # listed as undated
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_due_page_filtered_by_body(page, plan):
    visit(page, "/planer/bevakning/?months=12")
    page.get_by_label("Organ").select_option(
        label="Central tjänstemannaberedning (CTB), Region Skåne"
    )
    page.get_by_role("button", name="Visa").click()
    # A click only starts the navigation: wait for the filtered page before reading it.
    page.wait_for_url("**/planer/bevakning/?*body=ctb*")
    expect(page.get_by_role("heading", name="Förfallet (2)")).to_be_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_compare_and_as_of_forms_are_accessible_in_their_error_states(page, plan):
    visit(page, "/planer/skane/jamfor/?fran=2023-01-01&till=2022-01-01", status=400)
    assert page.get_by_role("alert").is_visible()
    page.console_errors.clear()  # the deliberate 400 is logged by Chromium
    assert_axe_clean(page)
    visit(page, "/planer/skane/jamfor/?fran=2000-01-01&till=2099-01-01")
    assert page.get_by_role(
        "heading", name="Tillagt (10)"
    ).is_visible()  # 2 areas, 1 initiative, 7 items
    assert_axe_clean(page)
    visit(page, "/planer/skane/som-den-var/?datum=2099-01-01")
    assert page.get_by_text("Planen visas som den såg ut").is_visible()
    assert_axe_clean(page)
