"""Real headless Chromium for the browser tests: one browser per session, one context per test.

Playwright's sync API runs an event loop in the test thread, so Django's ORM calls from the
tests (building data with the factories) need DJANGO_ALLOW_ASYNC_UNSAFE. It is set first,
before anything imports Django.

Every page is served by pytest-django's live_server, which makes its test transactional (the
server's thread sees what the test wrote), so no test here asks for transactional_db itself.
"""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

SKIP_PREFIX = "Browser tests skipped:"
BROWSER_TESTS = Path(__file__).parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test in this folder runs in Chromium: marked `browser` here, before `-m` selects
    (CI's SQLite pass runs `-m 'not browser'`), so no file has to remember it."""
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


def chromium_missing_reason(path: str) -> str:
    return (
        f"{SKIP_PREFIX} Chromium not found at {path}. "
        "Install it with `apt-get install chromium` or set CHROMIUM_PATH."
    )


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"Chromium not found at {path}, and browser tests may not be skipped in CI "
                "(CI=true). Install it with `apt-get install chromium` or set CHROMIUM_PATH.",
                pytrace=False,
            )
        pytest.skip(chromium_missing_reason(path))

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh context and page; console errors and page errors are collected on the page."""
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    context.set_default_timeout(10_000)
    page = context.new_page()
    _collect_console_errors(page)
    try:
        yield page
    finally:
        context.close()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and SKIP_PREFIX in str(report.longrepr[2])
    ]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} browser test(s) were skipped because Chromium was not found at "
            f"{chromium_path()}. To run them, install it with `apt-get install chromium` "
            "or set CHROMIUM_PATH to a Chromium binary."
        )


def _collect_console_errors(page):
    page.console_errors = []

    def on_console(message):
        # Every error counts, CSP reports too.
        if message.type == "error":
            page.console_errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.console_errors.append(f"pageerror: {error}"))


@pytest.fixture
def new_page(browser, live_server):
    """Open more pages, each in a context of its own (its own cookies: another person):
    `new_page(javascript=False)` for a browser without JavaScript, `new_page(locale="en-GB")`
    for one whose language is English. Console errors are collected as for `page`."""
    contexts = []

    def open_page(*, javascript=True, locale="sv-SE"):
        context = browser.new_context(
            base_url=live_server.url, locale=locale, java_script_enabled=javascript
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.javascript = javascript
        _collect_console_errors(page)
        return page

    try:
        yield open_page
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def ctb(role_groups):
    from tests import factories

    return factories.BodyFactory(
        name="Central tjänstemannaberedning",
        slug="ctb",
        short_code="CTB",
        organisations=[factories.RegionFactory(name="Region Skåne")],
    )


@pytest.fixture
def check_axe(new_page):
    """axe-clean, also for a page without JavaScript: axe runs as a script in the page, so
    such a page is checked as a copy (its exact HTML, at its address, with its style sheets)
    in a page with JavaScript."""
    from tests.browser.pages import assert_axe_clean, assert_no_console_errors

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


@pytest.fixture
def gotland(transactional_db):
    """A principal the register's pages show: Region Gotland."""
    from tests import factories

    return factories.RegionFactory(name="Region Gotland", slug="region-gotland")


@pytest.fixture
def social_board(gotland):
    """Region Gotland's Socialnämnden (SON): a body with meetings and decisions to show."""
    from tests import factories

    return factories.BodyFactory(name="Socialnämnden", short_code="SON", organisations=[gotland])
