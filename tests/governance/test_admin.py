"""The admin (superusers only) writes through the governance services: a person deleted
there goes with their memberships, and every deletion is recorded with the acting user."""

import pytest
from django.urls import reverse

from governance import admin as governance_admin
from governance.models import Body, Decision, DecisionCaseNumber, Membership, Person
from governance.services import person_remove
from tests import factories
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def removals(monkeypatch):
    """The people the admin removed through person_remove, in order."""
    removed = []

    def spy(*, user, person, reason):
        removed.append(person.name)
        person_remove(user=user, person=person, reason=reason)

    monkeypatch.setattr(governance_admin, "person_remove", spy)
    return removed


def test_deleting_a_person_in_the_admin_removes_their_memberships_with_history(
    admin_client, superuser, removals
):
    person = PersonFactory(name="Carl Ordförandesson")
    chair = MembershipFactory(person=person, role=Membership.Role.CHAIR)

    response = admin_client.post(
        reverse("admin:governance_person_delete", args=[person.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert removals == ["Carl Ordförandesson"]
    assert not Person.objects.exists() and not Membership.objects.exists()
    deleted = Membership.history.get(id=chair.pk, history_type="-")
    assert deleted.history_user == superuser
    assert Person.history.get(id=person.pk, history_type="-").history_user == superuser


def test_deleting_several_people_in_the_admin_removes_each_through_the_service(
    admin_client, superuser, removals
):
    people = [PersonFactory(name="Anna"), PersonFactory(name="Bertil")]
    for person in people:
        MembershipFactory(person=person)

    response = admin_client.post(
        reverse("admin:governance_person_changelist"),
        {"action": "delete_selected", "_selected_action": [p.pk for p in people], "post": "yes"},
    )

    assert response.status_code == 302
    assert sorted(removals) == ["Anna", "Bertil"]
    assert not Membership.objects.exists()
    assert Membership.history.filter(history_type="-", history_user=superuser).count() == 2


# --- decisions ------------------------------------------------------------------------


def _decision_form(decision, numbers):
    """The change form's POST: the decision's fields and its case-number rows."""
    data = {
        "kind": decision.kind,
        "date": "",
        "title": decision.title,
        "text": "",
        "responds_to": "",
        "case_numbers-TOTAL_FORMS": str(len(numbers)),
        "case_numbers-INITIAL_FORMS": "0",
        "subjects-TOTAL_FORMS": "0",
        "subjects-INITIAL_FORMS": "0",
    }
    for index, number in enumerate(numbers):
        data[f"case_numbers-{index}-position"] = str(index + 1)
        data[f"case_numbers-{index}-case_number"] = number
    return data


def _change_case_numbers(client, decision, numbers):
    """Post the decision's change form with these case numbers as its rows."""
    url = reverse("admin:governance_decision_change", args=[decision.pk])
    return client.post(url, _decision_form(decision, numbers))


def test_the_admin_stores_a_case_number_normalised_under_the_decisions_body(admin_client):
    body = BodyFactory(short_code="RS")
    decision = DecisionFactory(body=body, case_numbers=[])

    response = _change_case_numbers(admin_client, decision, ["Dnr rs2022/1275"])

    assert response.status_code == 302
    row = DecisionCaseNumber.objects.get()
    assert (row.case_number, row.body) == ("RS 2022/1275", body)


def test_the_admin_refuses_a_case_number_the_body_has_used_in_swedish(admin_client):
    body = BodyFactory(short_code="RS")
    DecisionFactory(body=body, case_numbers=["RS 2022/1275"])
    decision = DecisionFactory(body=body, case_numbers=[])

    response = _change_case_numbers(admin_client, decision, ["RS 2022/1275"])

    assert response.status_code == 200
    assert "Organet har redan ett beslut med det ärendenumret." in response.content.decode()
    assert DecisionCaseNumber.objects.count() == 1


def test_adding_a_decision_without_body_is_refused_not_a_crash(admin_client):
    data = _decision_form(DecisionFactory.build(), ["RS 2022/1"])

    response = admin_client.post(reverse("admin:governance_decision_add"), data | {"body": ""})

    assert response.status_code == 200
    assert not DecisionCaseNumber.objects.exists()


def test_a_new_decision_gets_its_case_numbers_in_the_admin(admin_client):
    body = BodyFactory(short_code="RS")
    data = _decision_form(DecisionFactory.build(), ["RS 2022/1", "rs2022/2"])

    response = admin_client.post(reverse("admin:governance_decision_add"), data | {"body": body.pk})

    assert response.status_code == 302
    assert [(row.case_number, row.body) for row in DecisionCaseNumber.objects.all()] == [
        ("RS 2022/1", body),
        ("RS 2022/2", body),
    ]


def test_the_decision_and_adoption_forms_speak_swedish(admin_client):
    decision = admin_client.get(reverse("admin:governance_decision_add")).content.decode()
    agreement = admin_client.get(reverse("admin:agreements_agreement_add")).content.decode()
    assert ">Organ:</label>" in decision and ">Body:</label>" not in decision
    assert "Content type" not in agreement and "Object id" not in agreement


# --- principals and bodies: through the services, with a reason ---------------------------


def test_an_admin_edit_of_a_principal_needs_a_reason_and_bumps_the_revision(admin_client):
    region = factories.RegionFactory(name="Region Gotland", slug="region-gotland")
    url = reverse("admin:governance_organisation_change", args=[region.pk])
    data = {
        "name": "Region Gotland",
        "slug": "region-gotland",
        "short_name": "Gotland",
        "kind": "region",
        "organisation_number": "",
        "departments-TOTAL_FORMS": "0",
        "departments-INITIAL_FORMS": "0",
    }

    refused = admin_client.post(url, data | {"change_reason": ""})
    assert refused.status_code == 200
    assert "Ange varför det ändras." in refused.content.decode()

    assert admin_client.post(url, data | {"change_reason": "Kortnamn"}).status_code == 302
    region.refresh_from_db()
    assert (region.short_name, region.revision) == ("Gotland", 2)
    assert region.history.first().history_change_reason == "Kortnamn"


def test_a_body_added_in_the_admin_is_registered_with_its_principals(admin_client):
    region = factories.RegionFactory()
    response = admin_client.post(
        reverse("admin:governance_body_add"),
        {
            "name": "Socialnämnden",
            "slug": "son",
            "short_code": "SON",
            "kind": "committee",
            "organisations": [region.pk],
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    body = Body.objects.get(slug="son")
    assert list(body.organisations.all()) == [region]
    assert body.history.earliest("history_date").history_change_reason == "Organ registrerat"


def test_a_bodys_membership_rows_in_the_admin_go_through_the_services(admin_client):
    body = BodyFactory(slug="hsn")
    chair = MembershipFactory(body=body, role=Membership.Role.CHAIR)
    response = admin_client.post(
        reverse("admin:governance_body_change", args=[body.pk]),
        {
            "name": body.name,
            "slug": "hsn",
            "short_code": body.short_code,
            "kind": body.kind,
            "organisations": [organisation.pk for organisation in body.organisations.all()],
            "change_reason": "Avgått",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": chair.pk,
            "memberships-0-body": body.pk,
            "memberships-0-person": chair.person.pk,
            "memberships-0-role": "chair",
            "memberships-0-valid_until": "2026-06-30",
        },
    )
    assert response.status_code == 302
    chair.refresh_from_db()
    assert (str(chair.valid_until), chair.revision) == ("2026-06-30", 2)
    assert chair.history.first().history_change_reason == "Avgått"


def test_deleting_a_decision_in_the_admin_goes_through_the_service(admin_client, superuser):
    decision = DecisionFactory(body=BodyFactory(short_code="RS"), case_numbers=["RS 2022/1"])
    item = AgendaItemFactory(meeting=MeetingFactory(body=decision.body), decision=decision)

    response = admin_client.post(
        reverse("admin:governance_decision_delete", args=[decision.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    record = Decision.history.get(history_type="-")
    assert (record.history_user, record.history_change_reason) == (
        superuser,
        "Borttagen i administrationen",
    )
    assert DecisionCaseNumber.history.get(history_type="-").history_user == superuser
    item.refresh_from_db()
    assert item.decision is None
    assert item.history.latest().history_change_reason == "Borttagen i administrationen"
