"""Beslut hos parterna in real headless Chromium: a recommendation, some parties decided and
some awaiting, at desktop and phone widths, with axe (WCAG 2.1 A and AA) clean."""

import datetime

import pytest

from governance.models import Body, Decision
from governance.services import decision_create
from tests import factories
from tests.browser.pages import assert_axe_clean, assert_no_console_errors, visit


@pytest.fixture
def agreement(transactional_db):
    region = factories.RegionFactory(name="Region Dalarna", slug="region-dalarna")
    towns = [
        factories.OrganisationFactory(name=f"{name} kommun", slug=slug)
        for name, slug in [("Avesta", "avesta"), ("Borlänge", "borlange"), ("Falun", "falun")]
    ]
    council = factories.BodyFactory(
        name="Välfärdsrådet",
        slug="valfardsradet",
        short_code="VR",
        kind=Body.Kind.COLLABORATION_BODY,
        organisations=[region, *towns],
    )
    agreement = factories.AgreementFactory(
        register_id="OK-2022-01",
        title="Överenskommelse om hemsjukvård",
        parties=[region, *towns],
    )
    recommendation = decision_create(
        user=None,
        body=council,
        kind=Decision.Kind.RECOMMENDATION,
        date=datetime.date(2022, 1, 20),
        subjects=[agreement],
    )
    for town, code in zip(towns[:2], ["KFA", "KFB"], strict=True):
        body = factories.BodyFactory(
            name=f"Kommunfullmäktige i {town.name}",
            short_code=code,
            kind=Body.Kind.COUNCIL,
            organisations=[town],
        )
        decision_create(
            user=None,
            body=body,
            case_numbers=[f"{code} 2022/14"],
            date=datetime.date(2022, 3, 1),
            responds_to=recommendation,
            subjects=[agreement],
        )
    return agreement


@pytest.mark.parametrize("width", [1280, 375])
def test_the_agreement_page_shows_the_parties_decisions(page, agreement, width):
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, agreement.get_absolute_url())

    section = page.get_by_role("region", name="Beslut hos parterna")
    assert "Rekommendation från Välfärdsrådet, 2022-01-20." in section.inner_text()
    assert section.get_by_text("2 av 3 kommuner har antagit").is_visible()
    assert section.get_by_text("0 av 1 region har antagit").is_visible()
    rows = section.get_by_role("table").get_by_role("row")
    avesta = rows.filter(has=page.get_by_role("rowheader", name="Avesta kommun"))
    assert "KFA 2022/14" in avesta.inner_text()
    falun = rows.filter(has=page.get_by_role("rowheader", name="Falun kommun"))
    assert "Inväntar beslut" in falun.inner_text()
    if width == 375:
        # The table scrolls inside its box; the page itself does not scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_axe_clean(page)
    assert_no_console_errors(page)


def test_bevakning_lists_the_agreement_awaiting_its_parties(page, agreement):
    visit(page, "/planer/bevakning/")

    section = page.get_by_role("region", name="Inväntar beslut hos parterna (1)")
    link = section.get_by_role("link", name="OK-2022-01 Överenskommelse om hemsjukvård")
    assert "2 av 4 parter inväntar beslut" in section.inner_text()
    assert_axe_clean(page)
    link.click()
    assert page.url.endswith("#beslut-hos-parterna")
    assert_axe_clean(page)
    assert_no_console_errors(page)
