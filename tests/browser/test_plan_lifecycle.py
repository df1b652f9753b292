"""The life cycle in real Chromium: a strategist's saved edit of a published plan is not
visible to an anonymous reader until the revision is published; the pages of the life
cycle and of versions are axe-clean."""

import pytest
from playwright.sync_api import expect

from plans import services
from plans.models import Milestone
from tests import factories
from tests.browser.pages import (
    assert_axe_clean,
    assert_no_console_errors,
    follow,
    log_in,
    submit,
    visit,
)

pytestmark = pytest.mark.usefixtures("role_groups")

EDIT = "Utkast: ny lydelse av tidplanen"


@pytest.fixture
def published(role_groups):
    plan = factories.DraftPlanFactory(title="Tillgänglig plan", slug="tillganglig-plan")
    area, initiative = factories.first_initiative(plan, title="SIP")
    factories.MilestoneFactory(
        section=area, initiative=initiative, text="Förslag klart Q2 2022", period="Q2 2022"
    )
    services.plan_publish(user=None, plan=plan)
    plan.refresh_from_db()
    return plan


def test_an_edit_is_not_public_until_published(new_page, published, strategist, register_admin):
    published.editors.add(strategist)
    milestone = Milestone.objects.get(section__plan=published)
    plan_url = published.get_absolute_url()

    anonymous = new_page()
    visit(anonymous, plan_url)
    expect(anonymous.get_by_text("Förslag klart Q2 2022")).to_be_visible()

    # The strategist saves an edit, through the plain edit form.
    editor = new_page(javascript=False)
    edit_url = f"/planer/{published.slug}/tidplan/{milestone.pk}/redigera/"
    log_in(editor, strategist, edit_url)
    editor.get_by_label("Text").fill(EDIT)
    submit(editor, editor.get_by_role("button", name="Spara"))
    visit(editor, plan_url)
    expect(editor.locator("main")).to_contain_text(EDIT)
    expect(editor.get_by_text("Planen revideras.")).to_be_visible()

    # Anonymous readers still read the published version, wherever the plan shows.
    for path in (plan_url, f"{plan_url}tidslinje/", f"{plan_url}historik/", "/planer/bevakning/"):
        visit(anonymous, path)
        expect(anonymous.locator("main")).not_to_contain_text(EDIT)
    visit(anonymous, plan_url)
    expect(anonymous.get_by_text("Förslag klart Q2 2022")).to_be_visible()
    expect(anonymous.get_by_text("Planen revideras; ändringar visas här")).to_be_visible()
    assert_axe_clean(anonymous)

    # A register admin publishes the revision: now the public reads it.
    admin = new_page()
    log_in(admin, register_admin, plan_url)
    follow(admin, admin.get_by_role("link", name="Publicera planen"))
    assert_axe_clean(admin)
    submit(admin, admin.get_by_role("button", name="Publicera"))
    expect(admin.get_by_text("Planen är publicerad som version 2.")).to_be_visible()

    visit(anonymous, plan_url)
    expect(anonymous.locator("main")).to_contain_text(EDIT)
    expect(anonymous.locator("main")).not_to_contain_text("Förslag klart Q2 2022")
    assert_no_console_errors(anonymous)


def test_comparison_and_history_are_usable_and_axe_clean(page, published, reader):
    plan_url = published.get_absolute_url()
    visit(page, f"{plan_url}jamfor/")
    expect(page.get_by_role("alert")).to_have_count(0)  # no error before a choice
    page.get_by_label("Från").select_option(label="Version 1: " + published.public_version.name)
    page.get_by_label("Till").select_option(label="I dag")
    submit(page, page.get_by_role("button", name="Jämför"))
    expect(page.get_by_text("Inga skillnader mellan versionerna.")).to_be_visible()
    assert_axe_clean(page)

    visit(page, f"{plan_url}som-den-var/")
    expect(page.get_by_role("alert")).to_have_count(0)
    assert_axe_clean(page)

    visit(page, f"{plan_url}historik/")
    expect(
        page.get_by_role("heading", name="Version 1: " + published.public_version.name)
    ).to_be_visible()
    assert_axe_clean(page)

    log_in(page, reader, f"{plan_url}historik/")
    expect(page.get_by_label("Vem")).to_be_visible()
    page.get_by_label("Vad").select_option(label="Tidplan")
    submit(page, page.get_by_role("button", name="Visa"))
    expect(page.get_by_text("Tidplan: 1a) Förslag klart Q2 2022").first).to_be_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)
