"""The English interface in real Chromium: a browser whose language is English (en-GB) gets
every main page in English, `html[lang=en]` and axe-clean; the switch in the header takes a
reader back to Swedish on the same page and is remembered, with and without JavaScript and
on a phone."""

import pytest
from playwright.sync_api import expect

from governance.models import BoardReport
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, submit, visit
from tests.demo import load_demo

pytestmark = pytest.mark.usefixtures("role_groups")

SKANE = "/planer/skane-aktivitets-och-tidplan-2022-2025/"
# (path, a heading or phrase the English page shows)
PAGES = [
    ("/", "What the portal holds"),
    ("/overenskommelser/", "Register of agreements"),
    ("/overenskommelser/STY-02292/", "Review due by"),
    (SKANE, "Responsibility"),
    (SKANE + "tidslinje/", "The same timeline as a table"),
    ("/planer/bevakning/", "Watch list"),
    ("/sammantraden/", "Meetings"),
    ("/hjalp/", "Permissions and logging in"),
    ("/hjalp/ordlista/", "Glossary"),
]


@pytest.fixture
def demo():
    load_demo()


def _assert_english(page, path, phrase):
    visit(page, path)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main")).to_contain_text(phrase)
    expect(page.get_by_role("link", name="Skip to content")).to_have_count(1)
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_the_main_pages_in_english_for_an_english_browser(new_page, demo):
    page = new_page(locale="en-GB")
    report = BoardReport.objects.order_by("pk").first().get_absolute_url()
    for path, phrase in [*PAGES, (report, "Proposed decision")]:
        _assert_english(page, path, phrase)


def test_the_plan_shows_its_period_words_in_english(new_page, demo):
    page = new_page(locale="en-GB")
    visit(page, SKANE)
    expect(page.locator(".period-tag", has_text="by the end of 2025").first).to_be_visible()
    expect(page.locator(".period-tag", has_text="vid utgången av")).to_have_count(0)


@pytest.mark.parametrize("javascript", [True, False])
def test_the_switch_changes_the_language_on_the_same_page_and_remembers_it(
    new_page, demo, javascript
):
    page = new_page(locale="en-GB", javascript=javascript)
    visit(page, "/planer/bevakning/")
    submit(page, page.get_by_role("button", name="Svenska"))
    assert page.url.endswith("/planer/bevakning/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_contain_text("Bevakning")
    visit(page, "/hjalp/")  # remembered, although the browser still asks for English
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    submit(page, page.get_by_role("button", name="English"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/hjalp/")


def test_the_switch_is_reachable_on_a_phone(new_page, demo):
    page = new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    visit(page, "/")
    english = page.get_by_role("button", name="English")
    expect(english).to_be_visible()
    expect(english).to_have_attribute("lang", "en")
    english.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375
    assert_axe_clean(page)


@pytest.mark.parametrize("width", [375, 1280])
def test_swedish_content_is_marked_swedish_for_the_screen_reader(new_page, demo, width):
    """WCAG 3.1.2: the plan's own words sit in lang="sv", the interface around them in the
    page's English; axe checks every lang is valid, at phone and desktop width."""
    page = new_page(locale="en-GB")
    page.set_viewport_size({"width": width, "height": 900})
    language_of = "element => element.closest('[lang]').getAttribute('lang')"
    for path, content, interface in [
        (SKANE, page.locator("main h1"), page.get_by_role("heading", name="Responsibility")),
        ("/overenskommelser/STY-02292/", page.locator("main h1"), page.locator("dt").first),
        (
            "/overenskommelser/",
            page.get_by_text("Övergripande överenskommelse", exact=True),
            page.get_by_role("columnheader", name="Title"),
        ),
    ]:
        visit(page, path)
        assert content.first.evaluate(language_of) == "sv"
        assert interface.first.evaluate(language_of) == "en"
        assert_axe_clean(page)
