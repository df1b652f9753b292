"""The imports in real headless Chromium, with axe (WCAG 2.1 A and AA) clean on every page:
a register administrator imports an agreement register (upload, map, preview, confirm), and
a strategist imports a plan from Word. The worker does the import while the person waits on
its progress page, which takes them on to the result."""

import re

from playwright.sync_api import expect

from agreements.models import Agreement
from plans.models import Plan
from tests import factories
from tests.agreements.register_files import GOTLAND_ROWS, gotland_registers, workbook
from tests.browser.pages import (
    assert_axe_clean,
    assert_no_console_errors,
    follow,
    log_in,
    submit,
)
from tests.plans.plan_documents import skane_docx
from tests.worker import run_worker


def test_register_admin_imports_a_register(page, role_groups, tmp_path):
    gotland_registers()
    admin = factories.RegisterAdminFactory()
    rows = [list(row) for row in GOTLAND_ROWS]
    rows[3][6] = "HSN 2022-253, SON 2022/133"  # a wrong case number first
    bad, good = tmp_path / "register.xlsx", tmp_path / "register-rattad.xlsx"
    bad.write_bytes(workbook(rows))
    good.write_bytes(workbook(GOTLAND_ROWS))
    log_in(page, admin, "/overenskommelser/")

    follow(page, page.get_by_role("link", name="Importera", exact=True))
    assert_axe_clean(page)
    page.get_by_label("Fil").set_input_files(str(bad))
    submit(page, page.get_by_role("button", name="Ladda upp och fortsätt"))
    assert page.get_by_role("heading", name="Välj kolumner").is_visible()
    assert page.get_by_label("Ärendenummer").input_value() == "case_numbers"
    assert_axe_clean(page)
    submit(page, page.get_by_role("button", name="Förhandsgranska"))
    assert page.get_by_role("alert").filter(has_text="Rad 5").is_visible()
    assert page.get_by_role("button", name="Importera alla rader").count() == 0
    assert_axe_clean(page)

    follow(page, page.get_by_role("link", name="Ladda upp en rättad fil"))
    page.get_by_label("Fil").set_input_files(str(good))
    submit(page, page.get_by_role("button", name="Ladda upp och fortsätt"))
    # The columns chosen last time are chosen again.
    submit(page, page.get_by_role("button", name="Förhandsgranska"))
    assert page.get_by_role("status").filter(has_text="7 nya").is_visible()
    submit(page, page.get_by_role("button", name="Importera alla rader"))

    _wait_for_the_worker(page, "Skapar överenskommelser från register-rattad.xlsx…")
    page.wait_for_url(re.compile(r"/overenskommelser/\?imported=\d+$"), timeout=15_000)
    expect(page.get_by_text("Importen är klar: 7 nya överenskommelser")).to_be_visible()
    expect(page.locator(".result-count")).to_contain_text("7")
    assert Agreement.objects.count() == 7
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_strategist_imports_a_plan_from_word(page, role_groups, tmp_path):
    strategist = factories.StrategistFactory()
    document = tmp_path / "skane.docx"
    document.write_bytes(skane_docx(tables="rows"))
    log_in(page, strategist, "/planer/")

    follow(page, page.get_by_role("link", name="Importera en plan från Word"))
    assert_axe_clean(page)
    page.get_by_label("Fil").set_input_files(str(document))
    submit(page, page.get_by_role("button", name="Ladda upp och förhandsgranska"))
    assert page.get_by_role("heading", name="6. Rehabilitering").is_visible()
    assert page.get_by_role("heading", name="Det som inte kunde tolkas").is_visible()
    assert_axe_clean(page)
    submit(page, page.get_by_role("button", name="Skapa planen som utkast"))

    _wait_for_the_worker(page, "Skapar planen från skane.docx…")
    page.wait_for_url(re.compile(r"/planer/[^/]+/$"), timeout=15_000)
    plan = Plan.objects.get()
    assert page.url.endswith(plan.get_absolute_url())
    expect(page.get_by_text("Planen är importerad som utkast")).to_be_visible()
    assert plan.sections.count() == 6
    assert_no_console_errors(page)


def _wait_for_the_worker(page, heading: str) -> None:
    """The progress page while the import waits for the worker (axe clean), then the worker."""
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("status")).to_contain_text("Arbetet står i kö.")
    assert_axe_clean(page)
    run_worker()
