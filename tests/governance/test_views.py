"""Organisation and body pages: public, complete, and of fixed query cost."""

import pytest
from django.urls import reverse

from governance.models import Body, Decision, Membership
from governance.services import decision_create, decision_record, person_remove
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def kalmar():
    region = factories.RegionFactory(name="Region Kalmar län", slug="region-kalmar-lan")
    borgholm = factories.OrganisationFactory(name="Borgholms kommun", slug="borgholms-kommun")
    presidium = factories.BodyFactory(
        name="Gemensamt presidium",
        short_code="",
        kind=Body.Kind.PRESIDIUM,
        organisations=[region, borgholm],
    )
    management = factories.BodyFactory(
        name="Läns-gemensam ledning i samverkan",
        short_code="LGL",
        kind=Body.Kind.MANAGEMENT_GROUP,
        organisations=[region, borgholm],
        reports_to=presidium,
        mandate="En **ledningsgrupp** för gemensamma frågor.",
        composition="Två brukarrepresentanter.",
    )
    child = factories.BodyFactory(
        name="Samordnande grupp Äldre",
        short_code="",
        kind=Body.Kind.COORDINATING_GROUP,
        organisations=[region],
        reports_to=management,
    )
    chair = factories.MembershipFactory(
        body=management,
        role=Membership.Role.CHAIR,
        person__name="Eva Ordförande",
        representing=region,
    )
    agreement = factories.AgreementFactory(register_id="STY-10994", title="BUS")
    decision_record(user=None, body=management, case_number="LGL 2013/460", subjects=[agreement])
    return locals()


def test_organisation_list_groups_principals_by_kind(client, kalmar):
    response = client.get(reverse("governance:organisation_list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Region Kalmar län" in content and "Borgholms kommun" in content
    assert content.index("Region <span") < content.index("Region Kalmar län")


def test_organisation_page_shows_the_reporting_structure_as_a_nested_list(client, kalmar):
    response = client.get(kalmar["region"].get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    presidium_at = content.index("Gemensamt presidium")
    management_at = content.index("Läns-gemensam ledning i samverkan")
    child_at = content.index("Samordnande grupp Äldre")
    assert presidium_at < management_at < child_at
    # nested: the coordinating group sits in a list inside the management group's item
    between = content[management_at:child_at]
    assert '<ul class="tree">' in between


def test_body_page_shows_mandate_members_decisions_and_lines(client, kalmar):
    response = client.get(kalmar["management"].get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "<strong>ledningsgrupp</strong>" in content  # mandate rendered as Markdown
    assert "Två brukarrepresentanter." in content
    assert "Ordförande" in content and "Eva Ordförande" in content
    assert "LGL 2013/460" in content and "STY-10994" in content
    assert "Samordnande grupp Äldre" in content
    assert "Gemensamt presidium" in content


def test_body_page_shows_each_decisions_kind_and_the_recommendation_it_answers(client, kalmar):
    management = kalmar["management"]
    recommendation = decision_create(
        user=None, body=management, kind=Decision.Kind.RECOMMENDATION, title="Rekommendation"
    )
    council = factories.BodyFactory(name="Kommunfullmäktige", short_code="KF")
    decision_create(user=None, body=council, case_numbers=["KF 2022/3"], responds_to=recommendation)

    own = client.get(management.get_absolute_url()).content.decode()
    answer = client.get(council.get_absolute_url()).content.decode()

    assert "Rekommendation" in own and "Inget ärendenummer" in own
    assert "Svar på rekommendation från Läns-gemensam ledning i samverkan" in answer
    assert f'href="{recommendation.get_absolute_url()}"' in answer


def test_a_decision_about_a_draft_names_it_only_to_those_who_may_read_drafts(
    client, kalmar, reader
):
    management = kalmar["management"]
    draft = factories.DraftAgreementFactory(register_id="STY-99999", title="Hemligt utkast")
    decision_record(user=None, body=management, case_number="LGL 2026/1", subjects=[draft])

    public = client.get(management.get_absolute_url()).content.decode()
    client.force_login(reader)
    readers = client.get(management.get_absolute_url()).content.decode()

    assert "Hemligt utkast" not in public and draft.get_absolute_url() not in public
    assert "(utkast)" in public
    assert "BUS" in public  # the public subject is named
    assert f'<a href="{draft.get_absolute_url()}">' in readers


def test_body_page_costs_a_fixed_number_of_queries(client, kalmar):
    body = kalmar["management"]

    before = count_queries(client, body.get_absolute_url())
    for _ in range(10):
        factories.MembershipFactory(body=body)
        factories.BodyFactory(reports_to=body)
        recommendation = decision_create(user=None, body=body, kind=Decision.Kind.RECOMMENDATION)
        decision_create(user=None, body=body, responds_to=recommendation)
    assert count_queries(client, body.get_absolute_url()) == before


def test_removed_person_disappears_from_the_page_but_not_from_history(client, kalmar):
    chair = kalmar["chair"]
    person_remove(user=None, person=chair.person, reason="Avgått")
    content = client.get(kalmar["management"].get_absolute_url()).content.decode()
    assert "Eva Ordförande" not in content
    assert Membership.history.filter(id=chair.pk, history_type="-").exists()


def test_body_history_page_is_public(client, kalmar):
    response = client.get(reverse("governance:body_history", args=[kalmar["management"].slug]))
    assert response.status_code == 200
    assert "Skapad" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/organ/finns-inte/", "/organisationer/finns-inte/", "/organ/finns-inte/historik/"],
    ids=["body", "organisation", "history"],
)
def test_unknown_slugs_answer_404(client, db, url):
    assert client.get(url).status_code == 404
