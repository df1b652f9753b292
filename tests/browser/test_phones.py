"""Every main page on a phone (375 px, and the narrowest, 320 px) in real Chromium: nothing
scrolls the page sideways (wide tables scroll inside their own labelled region), axe finds
nothing, and the main menu folds behind a "Meny" button that works with the keyboard and
without JavaScript."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from governance.models import BoardReport, Body
from tests import factories
from tests.browser.pages import assert_axe_clean, log_in, visit
from tests.demo import load_demo

pytestmark = pytest.mark.usefixtures("role_groups")

PUBLIC = [
    "/",
    "/overenskommelser/",
    "/overenskommelser/STY-02292/",
    "/ramverk/",
    "/planer/",
    "/planer/skane-aktivitets-och-tidplan-2022-2025/",
    "/planer/skane-aktivitets-och-tidplan-2022-2025/tidslinje/",
    "/planer/skane-aktivitets-och-tidplan-2022-2025/historik/",
    "/planer/bevakning/",
    "/sammantraden/",
    "/tjansteskrivelser/",
    "/organisationer/",
    "/sok/?q=v%C3%A5rd",
    "/hjalp/",
    "/hjalp/ordlista/",
    "/tillganglighet/",
]


def _assert_fits(page, path, width):
    page.set_viewport_size({"width": width, "height": 800})
    visit(page, path)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{path} is {scroll_width} px wide at {width} px"


def _board_report_pages():
    return [report.get_absolute_url() for report in BoardReport.objects.order_by("pk")[:2]]


@pytest.fixture
def demo():
    load_demo()


def test_the_public_pages_fit_a_phone_and_pass_axe(page, demo):
    for path in PUBLIC + _board_report_pages():
        _assert_fits(page, path, 375)
        assert_axe_clean(page)
        _assert_fits(page, path, 320)


def test_a_register_administrators_pages_fit_a_phone(page, demo):
    log_in(page, factories.RegisterAdminFactory())
    body = Body.objects.filter(memberships__isnull=False).order_by("pk").first()
    forms = [
        reverse("governance:meeting_create"),
        reverse("governance:board_report_create"),
        "/planer/skane-aktivitets-och-tidplan-2022-2025/omgangar/",
        reverse("agreements:agreement_create"),
        reverse("governance:organisation_create"),
        reverse("governance:organisation_edit", args=["region-gotland"]),
        reverse("governance:body_create", args=["region-gotland"]),
        reverse("governance:body_edit", args=[body.slug]),
        reverse("governance:membership_add", args=[body.slug]),
        reverse("governance:decision_create", args=[body.slug]),
        reverse("governance:person_edit", args=[body.memberships.first().person.pk]),
    ]
    for path in PUBLIC[:9] + forms:
        _assert_fits(page, path, 375)
        assert_axe_clean(page)


def test_the_menu_folds_on_a_phone_and_opens_with_the_keyboard(page, demo):
    page.set_viewport_size({"width": 375, "height": 800})
    visit(page, "/")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    expect(menu).to_be_hidden()
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")
    expect(page.locator("summary", has_text="Meny")).to_be_focused()
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Överenskommelser")).to_be_focused()
    assert_axe_clean(page)


def test_on_a_wide_screen_the_menu_is_always_open(page, demo):
    page.set_viewport_size({"width": 1280, "height": 800})
    visit(page, "/")
    expect(page.get_by_role("navigation", name="Huvudmeny")).to_be_visible()
    expect(page.locator("summary", has_text="Meny")).to_be_hidden()


def test_the_menu_works_without_javascript(browser, live_server, demo):
    context = browser.new_context(
        base_url=live_server.url,
        locale="sv-SE",
        java_script_enabled=False,
        viewport={"width": 375, "height": 800},
    )
    page = context.new_page()
    try:
        visit(page, "/")
        page.locator("summary", has_text="Meny").click()
        expect(page.get_by_role("navigation", name="Huvudmeny")).to_be_visible()
    finally:
        context.close()
