"""Beslut hos parterna on a plan's page and in Bevakning: the public reads the parties of
the public version; a party's decision may be about the plan or the version it read."""

import re

import pytest
from django.urls import reverse

from governance.models import Body, Decision
from governance.services import decision_create
from plans import services
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def section_text(html: str) -> str:
    start = html.index('<section aria-labelledby="beslut-hos-parterna"')
    section = html[start : html.index("</section>", start)]
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


@pytest.fixture
def jamtland():
    region = factories.RegionFactory(name="Region Jämtland Härjedalen")
    svom = factories.BodyFactory(
        name="SVOM", short_code="SVOM", kind=Body.Kind.COLLABORATION_BODY, organisations=[region]
    )
    plan = factories.DraftPlanFactory(title="Projektplan", slug="projektplan", parties=[region])
    services.plan_publish(user=None, plan=plan, label="Rekommenderad av SVOM")
    decision_create(user=None, body=svom, kind=Decision.Kind.RECOMMENDATION, subjects=[plan])
    return {"region": region, "plan": plan}


def test_the_plan_page_shows_the_recommendation_and_the_party_awaiting_its_decision(
    client, jamtland
):
    text = section_text(client.get(jamtland["plan"].get_absolute_url()).content.decode())

    assert "Rekommendation från SVOM" in text
    assert "Region Jämtland Härjedalen Inväntar beslut" in text
    assert "0 av 1 region har antagit" in text


def test_a_partys_decision_about_the_public_version_counts(client, jamtland):
    plan = jamtland["plan"]
    plan.refresh_from_db()
    board = factories.BodyFactory(
        name="Regionstyrelsen", short_code="RS", organisations=[jamtland["region"]]
    )
    decision_create(
        user=None, body=board, case_numbers=["RS 2021/7"], subjects=[plan.public_version]
    )

    text = section_text(client.get(plan.get_absolute_url()).content.decode())

    assert "Regionstyrelsen Beslut (fastställande) Ej angivet RS 2021/7" in text
    assert "1 av 1 region har antagit" in text


def test_the_public_reads_the_public_versions_parties_and_drafts_readers_the_edit(
    client, jamtland, strategist
):
    plan = jamtland["plan"]
    plan.refresh_from_db()
    added = factories.OrganisationFactory(name="Östersunds kommun")
    services.plan_update(
        user=strategist,
        plan=plan,
        expected_revision=plan.revision,
        parties=[jamtland["region"], added],
    )

    public = section_text(client.get(plan.get_absolute_url()).content.decode())
    client.force_login(strategist)
    drafts = section_text(client.get(plan.get_absolute_url()).content.decode())

    assert "Östersunds kommun" not in public
    assert "Östersunds kommun Inväntar beslut" in drafts
    assert "0 av 1 kommun har antagit" in drafts


def test_bevakning_lists_what_awaits_a_partys_decision(client, jamtland):
    decided_region = factories.RegionFactory()
    decided = factories.AgreementFactory(register_id="STY-00900", parties=[decided_region])
    decision_create(
        user=None, body=factories.BodyFactory(organisations=[decided_region]), subjects=[decided]
    )
    waiting = factories.AgreementFactory(
        register_id="STY-00901", title="Hemsjukvård", parties=[jamtland["region"]]
    )

    html = client.get(reverse("plans:due")).content.decode()
    start = html.index('<section aria-labelledby="invantar-beslut"')
    assert html.index("<main") < start  # on the page, not in its title
    text = " ".join(re.sub(r"<[^>]+>", " ", html[start:]).split()).replace(" :", ":")

    assert "Inväntar beslut hos parterna (2)" in text
    assert f"{waiting}: 1 av 1 part inväntar beslut" in text
    assert "Projektplan: 1 av 1 part inväntar beslut" in text
    assert "STY-00900" not in text
    assert f'href="{waiting.get_absolute_url()}#beslut-hos-parterna"' in html


def test_bevakning_filtered_on_a_party_lists_only_its_waiting(client, jamtland):
    other = factories.RegionFactory()
    factories.AgreementFactory(register_id="STY-00902", parties=[other])

    html = client.get(reverse("plans:due"), {"organisation": other.slug}).content.decode()

    assert "Inväntar beslut hos parterna (1)" in html
    assert "Projektplan" not in html.split('id="invantar-beslut"')[1]


def test_the_plan_pages_section_costs_the_same_queries_for_5_and_50_parties(client):
    plan = factories.PlanFactory(slug="delad-plan")

    def add_parties(count):
        for index in range(count):
            town = factories.OrganisationFactory()
            plan.parties.add(town)
            if index % 2:
                council = factories.BodyFactory(short_code="KF", organisations=[town])
                decision_create(user=None, body=council, subjects=[plan.public_version])

    add_parties(5)
    five = count_queries(client, plan.get_absolute_url())
    add_parties(45)
    fifty = count_queries(client, plan.get_absolute_url())

    assert five == fifty
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "24 av 50 kommuner har antagit" in section_text(html)
