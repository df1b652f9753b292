"""Governance services: each write records who made it, and history outlives deletion."""

import inspect

import pytest
from django.core.exceptions import ValidationError

from governance.models import (
    Body,
    Decision,
    DecisionCaseNumber,
    DecisionSubject,
    Membership,
    Organisation,
    Person,
)
from governance.services import (
    decision_create,
    decision_record,
    decision_update,
    organisation_create,
    organisation_update,
    person_create,
    person_remove,
)
from tests.factories import (
    AgreementFactory,
    BodyFactory,
    FrameworkFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rs():
    return BodyFactory(name="Regionstyrelsen", short_code="RS", kind=Body.Kind.BOARD)


@pytest.fixture
def bus_and_suv():
    return (
        AgreementFactory(register_id="STY-00460", title="Barn och unga i behov av särskilt stöd"),
        AgreementFactory(register_id="STY-00461", title="Samverkan vid utskrivning"),
    )


# --- decision_record ------------------------------------------------------------------


def test_one_decision_can_concern_several_agreements(user, rs, bus_and_suv):
    decision = decision_record(
        user=user, body=rs, case_number="RS 2013/460", subjects=list(bus_and_suv)
    )

    assert {link.subject for link in decision.subjects.all()} == set(bus_and_suv)
    for agreement in bus_and_suv:
        assert agreement.decisions.get().decision == decision


def test_recording_the_same_decision_again_changes_nothing(user, rs, bus_and_suv):
    first = decision_record(
        user=user, body=rs, case_number="RS 2013/460", subjects=[bus_and_suv[0]]
    )

    again = decision_record(
        user=user, body=rs, case_number="RS 2013/460", subjects=[bus_and_suv[0]]
    )

    assert again.pk == first.pk
    assert Decision.objects.count() == 1
    assert DecisionSubject.objects.count() == 1
    assert first.history.count() == 1


def test_recording_a_known_case_number_adds_the_new_subjects(user, rs, bus_and_suv):
    bus, suv = bus_and_suv
    first = decision_record(user=user, body=rs, case_number="RS 2013/460", subjects=[bus])

    later = decision_record(user=user, body=rs, case_number="rs 2013 / 460", subjects=[bus, suv])

    assert later.pk == first.pk
    assert DecisionSubject.objects.filter(decision=first).count() == 2


def test_a_decision_can_concern_an_agreement_and_a_framework(user, rs):
    agreement, framework = AgreementFactory(), FrameworkFactory()

    decision = decision_record(
        user=user, body=rs, case_number="RS 2021/12", subjects=[agreement, framework]
    )

    assert {link.subject for link in decision.subjects.all()} == {agreement, framework}
    assert framework.decisions.get().decision == decision


def test_the_case_number_is_stored_normalised(user, rs):
    decision = decision_record(user=user, body=rs, case_number=" rs  2013 / 460", subjects=[])

    assert Decision.objects.get(pk=decision.pk).case_number_list() == ["RS 2013/460"]


def test_recording_a_decision_records_the_acting_user_and_reason(user, rs, bus_and_suv):
    decision = decision_record(
        user=user, body=rs, case_number="RS 2013/460", subjects=[bus_and_suv[0]]
    )

    record = decision.history.get()
    assert record.history_user == user
    assert record.history_change_reason == "Beslut registrerat"
    assert DecisionSubject.history.get().history_user == user


def test_a_case_number_of_another_body_is_refused_and_nothing_is_saved(user, rs, bus_and_suv):
    with pytest.raises(ValidationError) as excinfo:
        decision_record(user=user, body=rs, case_number="HSN 2020/247", subjects=list(bus_and_suv))

    assert excinfo.value.message_dict["case_numbers"] == [
        "Ärendenumret ska börja med organets förkortning RS."
    ]
    assert not Decision.objects.exists()
    assert not DecisionSubject.objects.exists()


# --- decision_create / decision_update ------------------------------------------------


@pytest.fixture
def svom():
    return BodyFactory(name="SVOM", short_code="SVOM", kind=Body.Kind.COLLABORATION_BODY)


def test_a_recommendation_without_case_number_is_recorded_with_its_kind(user, svom):
    plan = AgreementFactory()
    recommendation = decision_create(
        user=user, body=svom, kind=Decision.Kind.RECOMMENDATION, subjects=[plan]
    )

    assert recommendation.get_kind_display() == "Rekommendation"
    assert recommendation.case_number_list() == []
    assert plan.decisions.get().decision == recommendation
    assert recommendation.history.get().history_user == user


def test_several_case_numbers_are_stored_normalised_in_order_each_once(user, rs):
    decision = decision_create(
        user=user, body=rs, case_numbers=["Dnr RS 2022/1275", "RS2022/1000", "rs 2022/1275"]
    )

    assert decision.case_number_list() == ["RS 2022/1275", "RS 2022/1000"]
    assert [row.body for row in decision.case_numbers.all()] == [rs, rs]


def test_a_case_number_another_decision_of_the_body_has_is_refused(user, rs):
    decision_create(user=user, body=rs, case_numbers=["RS 2022/713"])

    with pytest.raises(ValidationError) as excinfo:
        decision_create(user=user, body=rs, case_numbers=["RS 2022/1", "Dnr RS 2022/713"])

    assert excinfo.value.message_dict["case_numbers"] == [
        "Organet har redan ett beslut med ärendenumret RS 2022/713."
    ]
    assert Decision.objects.count() == 1


def test_a_party_decision_answers_a_recommendation(user, rs, svom):
    recommendation = decision_create(user=user, body=svom, kind=Decision.Kind.RECOMMENDATION)

    adoption = decision_create(
        user=user, body=rs, case_numbers=["RS 2021/12"], responds_to=recommendation
    )

    assert adoption.responds_to == recommendation
    assert list(recommendation.responses.all()) == [adoption]


def test_a_decision_cannot_answer_what_is_not_a_recommendation(user, rs):
    adoption = decision_create(user=user, body=rs, case_numbers=["RS 2021/12"])

    with pytest.raises(ValidationError) as excinfo:
        decision_create(user=user, body=rs, case_numbers=["RS 2021/13"], responds_to=adoption)

    assert "responds_to" in excinfo.value.message_dict
    assert Decision.objects.count() == 1


def test_updating_changes_rows_in_place_and_records_the_reason(user, rs):
    decision = decision_create(user=user, body=rs, case_numbers=["RS 2022/1", "RS 2022/2"])
    first, second = decision.case_numbers.all()

    decision_update(
        user=user,
        decision=decision,
        reason="Ärendenumren rättade",
        case_numbers=["RS 2022/2", "RS 2022/3"],
        kind=Decision.Kind.DELEGATED,
    )

    decision.refresh_from_db()
    assert decision.case_number_list() == ["RS 2022/2", "RS 2022/3"]
    assert [row.pk for row in decision.case_numbers.all()] == [first.pk, second.pk]
    assert decision.get_kind_display() == "Delegationsbeslut"
    assert decision.history.first().history_change_reason == "Ärendenumren rättade"
    assert DecisionCaseNumber.history.filter(history_type="~").count() == 2


def test_dropping_all_case_numbers_deletes_the_rows(user, rs):
    decision = decision_create(user=user, body=rs, case_numbers=["RS 2022/1"])

    decision_update(user=user, decision=decision, reason="Fel ärende", case_numbers=[])

    assert decision.case_number_list() == []
    assert DecisionCaseNumber.history.filter(history_type="-").get().history_user == user


def test_an_update_without_reason_is_refused(user, rs):
    decision = decision_create(user=user, body=rs, case_numbers=["RS 2022/1"])

    with pytest.raises(ValidationError) as excinfo:
        decision_update(user=user, decision=decision, reason=" ", title="Ny")

    assert excinfo.value.message_dict["reason"] == ["Ange varför beslutet ändras."]


def test_an_update_may_not_take_another_decisions_case_number(user, rs):
    decision_create(user=user, body=rs, case_numbers=["RS 2022/1"])
    other = decision_create(user=user, body=rs, case_numbers=["RS 2022/2"])

    with pytest.raises(ValidationError):
        decision_update(user=user, decision=other, reason="Fel", case_numbers=["RS 2022/1"])

    assert other.case_number_list() == ["RS 2022/2"]


# --- person_remove --------------------------------------------------------------------


@pytest.fixture
def chair():
    person = PersonFactory(name="Carl Ordförandesson", title="Regionråd")
    MembershipFactory(person=person, role=Membership.Role.CHAIR)
    MembershipFactory(person=person, role=Membership.Role.MEMBER)
    return person


def test_removing_a_person_deletes_the_person_and_their_memberships(user, chair):
    other = MembershipFactory()

    person_remove(user=user, person=chair, reason="Registrerad av misstag")

    assert not Person.objects.filter(pk=chair.pk).exists()
    assert list(Membership.objects.all()) == [other]


def test_the_history_of_a_removed_person_and_their_memberships_remains(user, chair):
    person_id = chair.pk

    person_remove(user=user, person=chair, reason="Registrerad av misstag")

    membership_history = Membership.history.filter(person_id=person_id)
    assert membership_history.filter(history_type="+").count() == 2
    assert membership_history.filter(history_type="-").count() == 2
    assert set(membership_history.values_list("role", flat=True)) == {"chair", "member"}
    assert Person.history.filter(id=person_id, history_type="-").get().name == (
        "Carl Ordförandesson"
    )


def test_removing_a_person_records_the_acting_user(user, chair):
    person_id = chair.pk

    person_remove(user=user, person=chair, reason="Registrerad av misstag")

    deletions = [
        *Membership.history.filter(person_id=person_id, history_type="-"),
        *Person.history.filter(id=person_id, history_type="-"),
    ]
    assert len(deletions) == 3
    assert all(record.history_user == user for record in deletions)


# --- the registers' create and update (core.revisions.register_services) ----------------


def test_registering_records_the_acting_user_and_the_registers_reason(user):
    gotland = organisation_create(
        user=user,
        organisation=Organisation(name="Region Gotland", slug="region-gotland", kind="region"),
    )

    record = gotland.history.get()
    assert (record.history_user, record.history_change_reason) == (user, "Huvudman registrerad")


def test_an_edit_is_saved_as_the_next_revision_with_its_reason(user):
    gotland = OrganisationFactory(name="Region Gotland", kind=Organisation.Kind.REGION)
    gotland.short_name = "RG"

    organisation_update(user=user, organisation=gotland, reason="Kortnamn", expected_revision=1)

    gotland.refresh_from_db()
    assert (gotland.short_name, gotland.revision) == ("RG", 2)
    assert gotland.history.first().history_change_reason == "Kortnamn"


def test_a_person_is_registered_with_the_registers_reason(user):
    person = person_create(user=user, person=Person(name="Carl Ordförandesson"))

    assert person.history.get().history_change_reason == "Person registrerad"


def test_a_lost_race_for_a_unique_name_answers_in_words_and_saves_nothing(user, monkeypatch):
    OrganisationFactory(name="Region Gotland", slug="region-gotland")
    # Both administrators passed full_clean before either saved: only the database sees it.
    monkeypatch.setattr(Organisation, "validate_unique", lambda self, exclude=None: None)

    with pytest.raises(ValidationError) as refused:
        organisation_create(
            user=user,
            organisation=Organisation(name="Region Gotland", slug="region-gotland", kind="region"),
        )

    assert refused.value.messages == [
        "Namnet, kortnamnet eller numret har just registrerats av någon annan."
    ]
    assert Organisation.objects.filter(name="Region Gotland").count() == 1


def test_a_register_service_takes_the_object_under_its_models_name(user):
    with pytest.raises(TypeError):
        organisation_create(user=user, instance=Organisation(name="Region Gotland"))


def test_a_register_service_reads_as_it_is_called():
    assert organisation_update.__name__ == "organisation_update"
    assert str(inspect.signature(organisation_update)) == (
        "(*, user, organisation, reason, expected_revision=None)"
    )
