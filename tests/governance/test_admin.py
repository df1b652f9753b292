"""The admin writes through the governance services: a person deleted there goes with their
memberships, and every deletion is recorded with the acting user."""

import pytest
from django.urls import reverse

from governance import admin as governance_admin
from governance.models import Membership, Person
from governance.services import person_remove
from tests.factories import MembershipFactory, PersonFactory

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
    client, register_admin, removals
):
    person = PersonFactory(name="Carl Ordförandesson")
    chair = MembershipFactory(person=person, role=Membership.Role.CHAIR)
    client.force_login(register_admin)

    response = client.post(
        reverse("admin:governance_person_delete", args=[person.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert removals == ["Carl Ordförandesson"]
    assert not Person.objects.exists() and not Membership.objects.exists()
    deleted = Membership.history.get(id=chair.pk, history_type="-")
    assert deleted.history_user == register_admin
    assert Person.history.get(id=person.pk, history_type="-").history_user == register_admin


def test_deleting_several_people_in_the_admin_removes_each_through_the_service(
    client, register_admin, removals
):
    people = [PersonFactory(name="Anna"), PersonFactory(name="Bertil")]
    for person in people:
        MembershipFactory(person=person)
    client.force_login(register_admin)

    response = client.post(
        reverse("admin:governance_person_changelist"),
        {"action": "delete_selected", "_selected_action": [p.pk for p in people], "post": "yes"},
    )

    assert response.status_code == 302
    assert sorted(removals) == ["Anna", "Bertil"]
    assert not Membership.objects.exists()
    assert Membership.history.filter(history_type="-", history_user=register_admin).count() == 2
