"""The public pages in real headless Chromium: what a reader sees, the keyboard path, the CSP,
and axe (WCAG 2.1 A and AA) with zero violations on every page and state."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from agreements.models import Status
from governance.models import Body, Membership, Organisation
from governance.services import decision_record
from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, log_in, visit


@pytest.fixture
def data(transactional_db):
    """A small register: a region and a municipality, their bodies, adopted agreements."""
    today = timezone.localdate()
    region = factories.RegionFactory(name="Region Testland", slug="region-testland")
    kommun = factories.OrganisationFactory(
        name="Testby kommun", slug="testby-kommun", kind=Organisation.Kind.MUNICIPALITY
    )
    hsn = factories.BodyFactory(
        name="Hälso- och sjukvårdsnämnden",
        slug="hsn",
        short_code="HSN",
        kind=Body.Kind.COMMITTEE,
        organisations=[region],
        mandate="Nämnden ansvarar för **hälso- och sjukvården** i regionen.",
    )
    son = factories.BodyFactory(
        name="Socialnämnden",
        slug="son",
        short_code="SON",
        kind=Body.Kind.COMMITTEE,
        organisations=[kommun, region],
        reports_to=hsn,
    )
    factories.MembershipFactory(
        body=hsn,
        person=factories.PersonFactory(name="Eva Ek", title="Regionråd"),
        role=Membership.Role.CHAIR,
        representing=region,
    )
    factories.MembershipFactory(
        body=hsn,
        person=factories.PersonFactory(name="Olle Ås", title="Ledamot"),
        role=Membership.Role.MEMBER,
    )
    topic = factories.TopicFactory(name="Barn och unga", slug="barn-och-unga")

    children = factories.AgreementFactory(
        register_id="OK-2020-01",
        title="Överenskommelse om samverkan kring barn och unga",
        parties=[region, kommun],
        topics=[topic],
        responsible_body=hsn,
        valid_from=datetime.date(2020, 7, 1),
        review_by=today + datetime.timedelta(days=400),
    )
    home_care = factories.AgreementFactory(
        register_id="OK-2019-03",
        title="Överenskommelse om hemsjukvård",
        parties=[region, kommun],
        responsible_body=hsn,
        valid_from=datetime.date(2019, 1, 1),
        review_by=today - datetime.timedelta(days=30),
    )
    medicines = factories.AgreementFactory(
        register_id="OK-2015-02",
        title="Överenskommelse om läkemedelshantering",
        status=Status.EXPIRED,
        parties=[region, kommun],
    )
    factories.DraftAgreementFactory(register_id="OK-2026-01", title="Hemligt utkast")

    decision_record(user=None, body=hsn, case_number="HSN 2020/247", subjects=[children])
    decision_record(user=None, body=son, case_number="SON 2020/88", subjects=[children])
    decision_record(
        user=None,
        body=hsn,
        case_number="HSN 2018/112",
        subjects=[home_care, medicines],
        title="Beslut om överenskommelser med kommunen",
    )
    return {
        "region": region,
        "kommun": kommun,
        "hsn": hsn,
        "son": son,
        "children": children,
        "home_care": home_care,
        "medicines": medicines,
    }


def test_home_page(page, data, role_groups):
    visit(page, "/")
    assert page.title() == "Start – Samverkansportalen"
    assert page.get_by_role("heading", level=1).inner_text() == "Samverkan kring God och nära vård"
    # The draft is not public: three agreements, two of them in force.
    assert page.get_by_role("link", name="3 överenskommelser").is_visible()
    assert page.get_by_text("varav 2 gällande").is_visible()
    in_force = page.get_by_role("region", name="Gäller nu")
    assert in_force.get_by_role(
        "link", name="OK-2019-03 Överenskommelse om hemsjukvård"
    ).is_visible()
    assert "Hemligt utkast" not in page.content()
    assert_axe_clean(page)
    assert_no_console_errors(page)
    # Reviews coming due are the register administrator's work.
    log_in(page, factories.RegisterAdminFactory())
    review = page.get_by_role("table")
    row = review.get_by_role("row").filter(has_text="OK-2019-03")
    assert "Försenad" in row.inner_text()
    assert "Hälso- och sjukvårdsnämnden" in row.inner_text()
    assert_axe_clean(page)


def test_register_with_filter_in_query(page, data):
    visit(page, "/overenskommelser/?status=in_force&q=barn")
    assert page.get_by_role("heading", level=1).inner_text() == "Förteckning över överenskommelser"
    assert page.locator(".result-count").inner_text() == "1 överenskommelse"
    rows = page.locator("table.register tbody tr")
    assert rows.count() == 1
    assert "OK-2020-01" in rows.first.inner_text()
    assert "HSN 2020/247" in rows.first.inner_text()
    assert page.get_by_label("Status").input_value() == "in_force"
    assert page.get_by_label("Sök", exact=True).input_value() == "barn"
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_register_filter_form(page, data):
    visit(page, "/overenskommelser/")
    assert page.locator(".result-count").inner_text() == "3 överenskommelser"
    rows = page.locator("table.register tbody tr")
    assert rows.count() == 3
    overdue = rows.filter(has_text="OK-2019-03")
    assert "Försenad" in overdue.inner_text()

    page.get_by_label("Status").select_option(label="Upphört")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url("**/overenskommelser/?*status=expired*")

    assert page.locator(".result-count").inner_text() == "1 överenskommelse"
    assert rows.count() == 1
    assert "Överenskommelse om läkemedelshantering" in rows.first.inner_text()
    assert "Upphört" in rows.first.inner_text()
    assert_axe_clean(page)

    page.get_by_label("Sök", exact=True).fill("finns inte")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url("**q=finns+inte*")
    assert page.locator(".result-count").inner_text() == "0 överenskommelser"
    assert page.get_by_text("Inga överenskommelser matchar filtret.").is_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_agreement_page(page, data):
    visit(page, "/overenskommelser/OK-2020-01/")
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Överenskommelse om samverkan kring barn och unga"
    )
    facts = page.locator("dl.facts").inner_text()
    assert "Hälso- och sjukvårdsnämnden, HSN 2020/247" in facts
    assert "Socialnämnden, SON 2020/88" in facts
    assert "Region Testland, Testby kommun" in facts
    assert "Barn och unga" in facts
    assert "Gällande" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Hälso- och sjukvårdsnämnden").first.is_visible()
    assert_axe_clean(page)

    visit(page, "/overenskommelser/OK-2019-03/")
    assert page.get_by_text("Översynen är försenad").is_visible()
    assert "HSN 2018/112" in page.locator("dl.facts").inner_text()
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_body_page(page, data):
    visit(page, "/organ/hsn/")
    assert page.get_by_role("heading", level=1).inner_text() == "Hälso- och sjukvårdsnämnden"
    main = page.locator("main")
    assert page.get_by_role("heading", name="Uppdrag").is_visible()
    assert "Nämnden ansvarar för hälso- och sjukvården i regionen." in main.inner_text()
    assert page.locator("main strong", has_text="hälso- och sjukvården").count() == 1

    members = page.locator("section[aria-labelledby=ledamoter]")
    assert members.get_by_role("heading", name="Ordförande").is_visible()
    assert "Eva Ek, Regionråd – Region Testland" in members.inner_text()
    assert members.get_by_role("heading", name="Ledamot").is_visible()
    assert "Olle Ås" in members.inner_text()

    subs = page.locator("section[aria-labelledby=underorgan]")
    assert subs.get_by_role("link", name="Socialnämnden").is_visible()

    decisions = page.locator("section[aria-labelledby=beslut] table")
    assert "HSN 2020/247" in decisions.inner_text()
    assert "HSN 2018/112" in decisions.inner_text()
    assert decisions.get_by_role("link", name="Överenskommelse om läkemedelshantering").count() == 1
    assert_axe_clean(page)

    subs.get_by_role("link", name="Socialnämnden").click()
    page.wait_for_url("**/organ/son/")
    assert page.get_by_role("heading", level=1).inner_text() == "Socialnämnden"
    assert "Rapporterar till\nHälso- och sjukvårdsnämnden" in page.locator("dl.facts").inner_text()
    assert page.get_by_text("Inga namngivna ledamöter registrerade.").is_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_organisation_page_with_body_tree(page, data):
    visit(page, "/organisationer/region-testland/")
    assert page.get_by_role("heading", level=1).inner_text() == "Region Testland"
    tree = page.locator("ul.tree").first
    top = tree.locator(":scope > li")
    assert top.count() == 1
    assert top.first.get_by_role("link", name="Hälso- och sjukvårdsnämnden").is_visible()
    nested = top.first.locator("ul.tree > li")
    assert nested.count() == 1
    assert nested.first.get_by_role("link", name="Socialnämnden").is_visible()
    assert_axe_clean(page)

    visit(page, "/organisationer/")
    assert page.get_by_role("heading", level=1).inner_text() == "Huvudmän och organ"
    assert page.get_by_role("link", name="Testby kommun").is_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_accessibility_statement_and_form_errors(page, data):
    visit(page, "/tillganglighet/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tillgänglighetsredogörelse"
    assert page.get_by_role("heading", name="Rapportera en brist").is_visible()
    assert page.locator(".error-summary").count() == 0
    assert_axe_clean(page)

    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Skicka rapport").click()
    assert navigation.value.status == 400
    # The 400 answer is logged by Chromium as a failed load: expected here, and nothing else.
    assert [error for error in page.console_errors if "status of 400" not in error] == []
    page.console_errors.clear()
    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading", name="Formuläret innehåller fel").is_visible()
    error_link = summary.get_by_role("link", name="Beskriv problemet")
    assert error_link.is_visible()
    assert page.locator(".field-error #id_description").count() == 1
    assert_axe_clean(page)

    error_link.click()
    assert page.evaluate("document.activeElement.id") == "id_description"

    page.get_by_label("Beskriv problemet").fill("Knappen går inte att nå med tangentbordet.")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Skicka rapport").click()
    assert navigation.value.status == 200, page.content()
    # The browser keeps the #id_description fragment across the redirect.
    assert page.url.split("#")[0].endswith("/tillganglighet/")
    assert page.get_by_role("status").inner_text().startswith("Tack!")
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_login_page(page, data):
    visit(page, "/konto/logga-in/")
    assert page.get_by_role("heading", level=1).inner_text() == "Logga in"
    assert page.get_by_label("Användarnamn").is_visible()
    assert page.get_by_label("Lösenord").is_visible()
    assert_axe_clean(page)

    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_skip_link_is_first_tab_stop(page, data):
    visit(page, "/overenskommelser/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"text": "Hoppa till innehållet", "href": "#innehall"}
    assert page.get_by_role("link", name="Hoppa till innehållet").is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName + '#' + document.activeElement.id") == (
        "MAIN#innehall"
    )
    assert page.url.endswith("#innehall")


def test_csp_header_and_no_console_errors(page, data):
    response = visit(page, "/overenskommelser/OK-2020-01/")
    csp = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    # The stylesheet loaded under the policy: the skip link sits off-screen until focused.
    assert page.locator(".skip-link").bounding_box()["y"] < 0

    for path in ["/", "/overenskommelser/?status=in_force", "/organ/hsn/", "/tillganglighet/"]:
        response = visit(page, path)
        assert "default-src 'self'" in response.headers.get("content-security-policy", "")
    assert_no_console_errors(page)
