"""Waiting for background work and watching, in real headless Chromium: the progress page
takes the person on when the worker is done, with JavaScript (htmx polls) and without (the
page reloads itself); the Bevaka button toggles in place; axe (WCAG 2.1 A and AA) clean."""

import re

import pytest
from playwright.sync_api import expect

from core.jobs import start_job
from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, log_in, visit
from tests.worker import run_worker


def noop() -> None:
    """The job's work: nothing to see, only that it ran."""


@pytest.mark.parametrize("javascript", [True, False])
def test_the_progress_page_takes_the_person_on_when_the_work_is_done(new_page, javascript):
    page = new_page(javascript=javascript)
    job = start_job(
        key=f"browser:{javascript}",
        handler="tests.browser.test_background.noop",
        arguments={},
        label="PDF",
        result_url="/planer/",
    )
    visit(page, f"/bakgrund/{job.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Skapar PDF…")
    expect(page.get_by_role("status")).to_contain_text("Arbetet står i kö.")
    if javascript:  # without it the page reloads itself under axe's feet
        assert_axe_clean(page)
    run_worker()
    page.wait_for_url(re.compile(r"/planer/$"), timeout=15_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Planer")
    assert_no_console_errors(page)


def test_the_bevaka_button_toggles_in_place(page, role_groups):
    reader = factories.ReaderFactory()
    plan = factories.PlanFactory(title="Handlingsplan för nära vård")
    log_in(page, reader, next_url=plan.get_absolute_url())
    button = page.get_by_role("button", name="Bevaka")
    button.click()
    stop = page.get_by_role("button", name="Sluta bevaka")
    expect(stop).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("status").first).to_contain_text("Du bevakar den här")
    assert page.url.endswith(plan.get_absolute_url())  # swapped in place, no navigation
    assert_axe_clean(page)
    stop.click()
    expect(page.get_by_role("button", name="Bevaka", exact=True)).to_be_visible()
    assert_no_console_errors(page)
