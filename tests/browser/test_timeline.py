"""The timeline in real Chromium: on a phone (375 px) the page does not scroll sideways and every
label is there in full; on a desktop the drawing scrolls in its own focusable region; the zoom
works without JavaScript; axe-clean at both widths."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, visit

LONG_TEXT = (
    "De skånska uppföljningsmodulen, som kopplas till SIP- respektive SVU-processerna, ska vara "
    "framtagen och i drift vid utgången av 2025. Utvecklingsarbetet avrapporteras årligen till "
    "Central tjänstemannaberedning."
)
URL = "/planer/skane/tidslinje/"


@pytest.fixture
def plan(transactional_db):
    plan = factories.PlanFactory(title="Aktivitets- och tidplan 2022–2025", slug="skane")
    area, sip = factories.first_initiative(plan)
    factories.MilestoneFactory(
        section=area, initiative=sip, text=LONG_TEXT, period="vid utgången av 2025"
    )
    factories.MilestoneFactory(
        section=area, initiative=sip, text="Fortlöpande", period="fr o m hösten 2022"
    )
    factories.FollowUpFactory(
        section=area, initiative=sip, text="Följs upp 2022-06-01", period="2022-06-01"
    )
    factories.ActivityFactory(section=area, initiative=sip, text="Förstudie", period="hösten 2022")
    digital = factories.SectionFactory(plan=plan, number=4, title="Gemensamma digitala lösningar")
    factories.MilestoneFactory(section=digital, text="Strategi Q1/Q2 2022", period="Q1/Q2 2022")
    return plan


def test_on_a_phone_the_timeline_is_a_list_and_the_page_does_not_scroll_sideways(page, plan):
    page.set_viewport_size({"width": 375, "height": 800})
    visit(page, URL)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(page.locator(".tl-chart")).to_be_hidden()
    expect(page.get_by_role("heading", name="Område 1. Personcentrerat arbetssätt")).to_be_visible()
    expect(page.locator(".tl-list").get_by_text(LONG_TEXT)).to_be_visible()  # whole, wrapped
    expect(page.locator(".tl-list").get_by_text("Förfallen").first).to_be_visible()
    lanes = page.locator(".tl-list .tl-lane:not(.tl-lane-axis)")
    assert lanes.count() == 5
    assert all(box["width"] <= 375 for box in (lanes.nth(i).bounding_box() for i in range(5)))
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_on_a_desktop_the_drawing_scrolls_in_its_own_region(page, plan):
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, URL + "?skala=manad")  # 48 months: wider than the page
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    region = page.get_by_role("region", name="Tidslinjen som diagram (rullas i sidled)")
    expect(region).to_be_visible()
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    for _ in range(40):  # the keyboard scrolls the region (smoothly: wait for it)
        if region.evaluate("el => el.scrollLeft") > 0:
            break
        page.wait_for_timeout(50)
    assert region.evaluate("el => el.scrollLeft") > 0
    expect(region.get_by_role("img")).to_have_count(1)
    expect(page.locator(".tl-list")).to_be_hidden()
    expect(page.locator(".tl-chart svg text").filter(has_text="Förfallen").first).to_be_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_the_zoom_works_without_javascript(new_page, plan):
    page = new_page(javascript=False)
    visit(page, URL)
    zoom = page.get_by_role("navigation", name="Tidslinjens skala")
    expect(zoom.get_by_role("link", name="Kvartal")).to_have_attribute("aria-current", "true")
    zoom.get_by_role("link", name="År").click()
    page.wait_for_url("**/tidslinje/?skala=ar#tidslinje")
    expect(zoom.get_by_role("link", name="År")).to_have_attribute("aria-current", "true")
    assert page.locator(".tl-chart svg text").filter(has_text=re.compile("^Q1$")).count() == 0
    zoom.get_by_role("link", name="Månad").click()
    page.wait_for_url("**/tidslinje/?skala=manad#tidslinje")
    assert page.locator(".tl-chart svg text").filter(has_text=re.compile("^jan$")).count() == 4
    table = page.get_by_role("table").filter(has_text="Tolkas som")
    assert table.get_by_role("row").count() == 6  # header + every dated entry
    assert_no_console_errors(page)
