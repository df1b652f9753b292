"""The admin (superusers only) writes through the governance services: a person deleted
there goes with their memberships, and every deletion is recorded with the acting user."""

import pytest
from django.urls import reverse

from governance import admin as governance_admin
from governance.models import Decision, DecisionCaseNumber, Membership, Person
from governance.services import person_remove
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
def removals(monkeypatch):
    """The people the admin removed through person_remove, in order."""
    removed = []

    def spy(*, user, person):
        removed.append(person.name)
        person_remove(user=user, person=person)

    monkeypatch.setattr(governance_admin, "person_remove", spy)
    return removed


def test_deleting_a_person_in_the_admin_removes_their_memberships_with_history(
    client, superuser, removals
):
    person = PersonFactory(name="Carl Ordförandesson")
    chair = MembershipFactory(person=person, role=Membership.Role.CHAIR)
    client.force_login(superuser)

    response = client.post(
        reverse("admin:governance_person_delete", args=[person.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert removals == ["Carl Ordförandesson"]
    assert not Person.objects.exists() and not Membership.objects.exists()
    deleted = Membership.history.get(id=chair.pk, history_type="-")
    assert deleted.history_user == superuser
    assert Person.history.get(id=person.pk, history_type="-").history_user == superuser


def test_deleting_several_people_in_the_admin_removes_each_through_the_service(
    client, superuser, removals
):
    people = [PersonFactory(name="Anna"), PersonFactory(name="Bertil")]
    for person in people:
        MembershipFactory(person=person)
    client.force_login(superuser)

    response = client.post(
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


def test_the_admin_stores_a_case_number_normalised_under_the_decisions_body(client, superuser):
    body = BodyFactory(short_code="RS")
    decision = DecisionFactory(body=body, case_numbers=[])
    client.force_login(superuser)

    response = client.post(
        reverse("admin:governance_decision_change", args=[decision.pk]),
        _decision_form(decision, ["Dnr rs2022/1275"]),
    )

    assert response.status_code == 302
    row = DecisionCaseNumber.objects.get()
    assert (row.case_number, row.body) == ("RS 2022/1275", body)


def test_the_admin_refuses_a_case_number_the_body_has_used_in_swedish(client, superuser):
    body = BodyFactory(short_code="RS")
    DecisionFactory(body=body, case_numbers=["RS 2022/1275"])
    decision = DecisionFactory(body=body, case_numbers=[])
    client.force_login(superuser)

    response = client.post(
        reverse("admin:governance_decision_change", args=[decision.pk]),
        _decision_form(decision, ["RS 2022/1275"]),
    )

    assert response.status_code == 200
    assert "Organet har redan ett beslut med det ärendenumret." in response.content.decode()
    assert DecisionCaseNumber.objects.count() == 1


def test_adding_a_decision_without_body_is_refused_not_a_crash(client, superuser):
    client.force_login(superuser)
    data = _decision_form(DecisionFactory.build(), ["RS 2022/1"])

    response = client.post(reverse("admin:governance_decision_add"), data | {"body": ""})

    assert response.status_code == 200
    assert not DecisionCaseNumber.objects.exists()


def test_a_new_decision_gets_its_case_numbers_in_the_admin(client, superuser):
    body = BodyFactory(short_code="RS")
    client.force_login(superuser)
    data = _decision_form(DecisionFactory.build(), ["RS 2022/1", "rs2022/2"])

    response = client.post(reverse("admin:governance_decision_add"), data | {"body": body.pk})

    assert response.status_code == 302
    assert [(row.case_number, row.body) for row in DecisionCaseNumber.objects.all()] == [
        ("RS 2022/1", body),
        ("RS 2022/2", body),
    ]


def test_the_decision_and_adoption_forms_speak_swedish(client, superuser):
    client.force_login(superuser)
    decision = client.get(reverse("admin:governance_decision_add")).content.decode()
    agreement = client.get(reverse("admin:agreements_agreement_add")).content.decode()
    assert ">Organ:</label>" in decision and ">Body:</label>" not in decision
    assert "Content type" not in agreement and "Object id" not in agreement


def test_deleting_a_decision_in_the_admin_goes_through_the_service(client, superuser):
    decision = DecisionFactory(body=BodyFactory(short_code="RS"), case_numbers=["RS 2022/1"])
    item = AgendaItemFactory(meeting=MeetingFactory(body=decision.body), decision=decision)
    client.force_login(superuser)

    response = client.post(
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
