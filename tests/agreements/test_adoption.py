"""Beslut hos parterna: each party's decision about a shared agreement or framework, or
"inväntar beslut"; counts in words; the register's filter; a fixed query cost."""

import re
from datetime import date

import pytest
from django.urls import reverse

from governance.models import Body, Decision
from governance.queries.adoption import adoption_by_parties
from governance.services import decision_create
from tests import factories
from tests.pdf_checks import page_texts
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def party_with_council(name: str, code: str):
    """A municipality and its own council (kommunfullmäktige), the body that decides."""
    municipality = factories.OrganisationFactory(name=name)
    council = factories.BodyFactory(
        name=f"Kommunfullmäktige i {name}",
        short_code=code,
        kind=Body.Kind.COUNCIL,
        organisations=[municipality],
    )
    return municipality, council


@pytest.fixture
def shared():
    """A collaboration body recommends an agreement to a region and three municipalities;
    two municipalities have adopted it, one answering the recommendation."""
    region = factories.RegionFactory(name="Region Dalarna")
    towns = [
        party_with_council(name, code)
        for name, code in [("Avesta", "KFA"), ("Borlänge", "KFB"), ("Falun", "KFF")]
    ]
    council = factories.BodyFactory(
        name="Välfärdsrådet",
        short_code="VR",
        kind=Body.Kind.COLLABORATION_BODY,
        organisations=[region, *(town for town, _ in towns)],
    )
    agreement = factories.AgreementFactory(
        register_id="STY-00100",
        title="Överenskommelse om hemsjukvård",
        parties=[region, *(town for town, _ in towns)],
    )
    recommendation = decision_create(
        user=None,
        body=council,
        kind=Decision.Kind.RECOMMENDATION,
        subjects=[agreement],
        title="Rekommendation att anta",
    )
    (_, avesta_council), (_, borlange_council), _ = towns
    decision_create(
        user=None,
        body=avesta_council,
        case_numbers=["KFA 2022/12"],
        date=date(2022, 3, 1),
        responds_to=recommendation,
        subjects=[agreement],
    )
    decision_create(
        user=None,
        body=borlange_council,
        kind=Decision.Kind.DELEGATED,
        subjects=[agreement],
    )
    return agreement


def section_text(response) -> str:
    html = response.content.decode()
    start = html.index('<section aria-labelledby="beslut-hos-parterna"')
    section = html[start : html.index("</section>", start)]
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


def test_the_agreement_page_shows_each_partys_decision_or_that_it_awaits_one(client, shared):
    text = section_text(client.get(shared.get_absolute_url()))

    assert "Rekommendation från Välfärdsrådet" in text
    assert (
        "Avesta Kommunfullmäktige i Avesta Beslut (fastställande) 2022-03-01 KFA 2022/12 "
        "Rekommendation från Välfärdsrådet" in text
    )
    assert "Borlänge Kommunfullmäktige i Borlänge Delegationsbeslut Ej angivet – –" in text
    assert "Falun Inväntar beslut" in text
    assert "Region Dalarna Inväntar beslut" in text


def test_counts_are_in_words_with_regions_apart(client, shared):
    text = section_text(client.get(shared.get_absolute_url()))

    assert "2 av 3 kommuner har antagit" in text
    assert "0 av 1 region har antagit" in text


def test_a_joint_bodys_decision_speaks_for_no_single_party(shared):
    joint = Body.objects.get(short_code="VR")
    decision_create(user=None, body=joint, subjects=[shared], case_numbers=["VR 2022/1"])

    adoption = adoption_by_parties(subjects=[shared], parties=shared.parties.order_by("name"))

    assert [row.party.name for row in adoption.pending] == ["Falun", "Region Dalarna"]


def test_a_recommendation_is_no_partys_adoption():
    region = factories.RegionFactory()
    own = factories.BodyFactory(organisations=[region], kind=Body.Kind.COLLABORATION_BODY)
    agreement = factories.AgreementFactory(parties=[region])
    decision_create(user=None, body=own, kind=Decision.Kind.RECOMMENDATION, subjects=[agreement])

    adoption = adoption_by_parties(subjects=[agreement], parties=[region])

    assert adoption.pending[0].party == region
    assert len(adoption.recommendations) == 1


def test_the_framework_page_shows_the_section_too(client):
    region = factories.RegionFactory(name="Region Gotland")
    framework = factories.FrameworkFactory(parties=[region])

    text = section_text(client.get(framework.get_absolute_url()))

    assert "Region Gotland Inväntar beslut" in text
    assert "0 av 1 region har antagit" in text


def test_the_section_costs_the_same_queries_for_5_and_50_parties(client):
    agreement = factories.AgreementFactory()

    def add_parties(count):
        for index in range(count):
            town, council = party_with_council(f"Kommun {agreement.parties.count()}", "KF")
            agreement.parties.add(town)
            if index % 2:
                decision_create(
                    user=None,
                    body=council,
                    case_numbers=[f"KF 2022/{town.pk}"],
                    subjects=[agreement],
                )

    add_parties(5)
    five = count_queries(client, agreement.get_absolute_url())
    add_parties(45)
    fifty = count_queries(client, agreement.get_absolute_url())

    assert five == fifty
    assert "24 av 50 kommuner har antagit" in section_text(client.get(agreement.get_absolute_url()))


# --- the register's filter -----------------------------------------------------------


def register_ids(response) -> set[str]:
    return set(re.findall(r"STY-\d{5}", response.content.decode()))


def test_the_register_filters_on_parties_awaiting_a_decision(client, shared):
    region = factories.RegionFactory()
    decided = factories.AgreementFactory(register_id="STY-00200", parties=[region])
    own = factories.BodyFactory(organisations=[region])
    decision_create(user=None, body=own, subjects=[decided])
    factories.AgreementFactory(register_id="STY-00300")  # no parties: neither

    url = reverse("agreements:agreement_list")
    awaiting = client.get(url, {"party_decisions": "awaiting"})
    all_decided = client.get(url, {"party_decisions": "all_decided"})

    assert register_ids(awaiting) == {"STY-00100"}
    assert register_ids(all_decided) == {"STY-00200"}


def test_a_bad_party_decisions_value_is_refused_in_swedish(client, shared):
    response = client.get(reverse("agreements:agreement_list"), {"party_decisions": "kanske"})

    assert response.status_code == 400
    assert "Välj ett giltigt alternativ" in response.content.decode()


def test_the_register_filters_on_a_case_number_as_documents_write_it(client, shared):
    response = client.get(reverse("agreements:agreement_list"), {"case_number": "Dnr kfa2022/12"})

    assert response.status_code == 200
    assert register_ids(response) == {"STY-00100"}


def test_what_is_no_case_number_is_refused_by_the_register_with_the_reason(client, shared):
    response = client.get(reverse("agreements:agreement_list"), {"case_number": "SOU 2018:33"})

    assert response.status_code == 400
    assert "är en beteckning på en tryckt skrift" in response.content.decode()


def test_the_register_pdf_filters_on_parties_awaiting_and_says_so(client, shared, media):
    region = factories.RegionFactory()
    decided = factories.AgreementFactory(register_id="STY-00200", parties=[region])
    decision_create(
        user=None, body=factories.BodyFactory(organisations=[region]), subjects=[decided]
    )

    response = client.get(reverse("agreements:register_pdf"), {"party_decisions": "awaiting"})

    assert response.status_code == 200
    text = " ".join(page_texts(response.content))
    assert "Beslut hos parterna: Inväntar beslut hos någon part" in text
    assert "STY-00100" in text and "STY-00200" not in text
    # the recommendation is listed among the decisions, named as what it is
    assert re.search(r"Välfärdsrådet\s*,\s*rekommendation", text)


def test_the_register_pdf_refuses_a_bad_party_decisions_value_in_swedish(client, shared):
    response = client.get(reverse("agreements:register_pdf"), {"party_decisions": "kanske"})

    assert response.status_code == 400
    assert "Beslut hos parterna" in response.content.decode()
