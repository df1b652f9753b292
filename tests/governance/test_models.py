"""Rules the governance models keep: in clean() for the form, in the database for everyone."""

from datetime import date
from itertools import pairwise

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governance.models import (
    Body,
    Decision,
    DecisionCaseNumber,
    Membership,
    Organisation,
    case_number_for_body,
)
from tests.factories import (
    BodyFactory,
    DecisionFactory,
    MembershipFactory,
    OrganisationFactory,
)
from tests.model_checks import full_clean_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def hsn():
    return BodyFactory(name="Hälso- och sjukvårdsnämnden", short_code="HSN")


# --- Decision: kinds and case numbers -------------------------------------------------


def test_a_case_number_with_the_bodys_short_code_is_its_own(hsn):
    assert case_number_for_body(hsn, "  hsn  2020 / 247 ") == "HSN 2020/247"


def test_a_case_number_must_start_with_the_bodys_short_code(hsn):
    with pytest.raises(ValidationError) as excinfo:
        case_number_for_body(hsn, "SON 2022/380")

    assert excinfo.value.messages == ["Ärendenumret ska börja med organets förkortning HSN."]


def test_a_case_number_is_compared_with_the_short_code_regardless_of_case():
    assert case_number_for_body(BodyFactory(short_code="son"), "SON 2022/380") == "SON 2022/380"


def test_a_body_without_short_code_accepts_any_well_formed_case_number():
    body = BodyFactory(short_code="")

    assert case_number_for_body(body, "Dnr STYRGRUPPEN 2021/3") == "STYRGRUPPEN 2021/3"


@pytest.mark.parametrize("text", ["HSN 247", "SOU 2018:33", "§ 67"])
def test_what_is_no_case_number_is_refused_with_the_reason(hsn, text):
    with pytest.raises(ValidationError) as excinfo:
        case_number_for_body(hsn, text)

    assert excinfo.value.messages[0].startswith("Ogiltigt ärendenummer: ")


def test_a_decision_may_have_no_case_number():
    recommendation = DecisionFactory(kind=Decision.Kind.RECOMMENDATION, case_numbers=[])

    recommendation.full_clean()

    assert recommendation.case_number_list() == []
    assert str(recommendation) == f"{recommendation.body.short_code}: Rekommendation"


def test_a_decision_lists_its_case_numbers_in_order(hsn):
    decision = DecisionFactory(body=hsn, case_numbers=["HSN 2017/212", "HSN 2019/16"])

    assert decision.case_numbers_text == "HSN 2017/212, HSN 2019/16"
    assert str(decision) == "HSN: HSN 2017/212, HSN 2019/16"


def test_the_same_case_number_twice_in_one_body_is_refused_by_the_database(hsn):
    DecisionFactory(body=hsn, case_numbers=["HSN 2020/247"])

    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionFactory(body=hsn, case_numbers=["HSN 2020/247"])

    assert DecisionCaseNumber.objects.filter(body=hsn).count() == 1


def test_the_same_case_number_twice_in_one_body_is_refused_by_full_clean_in_swedish(hsn):
    DecisionFactory(body=hsn, case_numbers=["HSN 2020/247"])
    other = DecisionFactory(body=hsn, case_numbers=[])

    duplicate = DecisionCaseNumber(decision=other, body=hsn, case_number="HSN 2020/247")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()

    assert excinfo.value.messages == ["Organet har redan ett beslut med det ärendenumret."]


def test_two_bodies_may_use_the_same_case_number():
    # Two regions' committees may share a short code; the number is unique per body only.
    first, second = BodyFactory(short_code="HSN"), BodyFactory(short_code="HSN")
    DecisionFactory(body=first, case_numbers=["HSN 2020/247"])
    DecisionFactory(body=second, case_numbers=["HSN 2020/247"])

    assert Decision.objects.filter(case_numbers__case_number="HSN 2020/247").count() == 2


def test_a_decision_answers_only_a_recommendation(hsn):
    adoption = DecisionFactory(body=hsn)
    answer = DecisionFactory(body=hsn, responds_to=adoption)

    errors = full_clean_errors(answer)

    assert errors["responds_to"] == ["Ett beslut kan bara svara på en rekommendation."]


# --- Body: reporting lines ------------------------------------------------------------


def test_a_body_cannot_report_to_itself():
    body = BodyFactory()
    body.reports_to = body

    errors = full_clean_errors(body)

    assert "reports_to" in errors


@pytest.mark.parametrize("length", [2, 3, 5], ids=["two-bodies", "three-bodies", "five-bodies"])
def test_a_body_cannot_report_to_itself_through_a_cycle(length):
    chain = [BodyFactory() for _ in range(length)]
    for lower, upper in pairwise(chain):
        lower.reports_to = upper
        lower.save()
    top = chain[-1]
    top.reports_to = chain[0]  # closes the circle

    errors = full_clean_errors(top)

    assert errors["reports_to"] == [
        "Ett organ kan inte rapportera till sig självt, ens via andra organ."
    ]


def test_a_body_may_report_up_a_chain_without_a_cycle():
    rf = BodyFactory(short_code="RF", kind=Body.Kind.COUNCIL)
    rs = BodyFactory(short_code="RS", kind=Body.Kind.BOARD, reports_to=rf)
    hsn = BodyFactory(short_code="HSN", reports_to=rs)
    group = BodyFactory(short_code="", kind=Body.Kind.WORKING_GROUP)
    group.reports_to = hsn

    group.full_clean()


def test_a_body_active_period_must_be_ordered_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        BodyFactory(active_from=date(2023, 1, 1), active_until=date(2022, 12, 31))


@pytest.mark.parametrize(
    ("factory", "start", "end"),
    [
        pytest.param(BodyFactory, "active_from", "active_until", id="body"),
        pytest.param(MembershipFactory, "valid_from", "valid_until", id="membership"),
    ],
)
def test_validation_puts_a_reversed_period_beside_its_end_date_in_swedish(factory, start, end):
    obj = factory.build() if factory is BodyFactory else factory()
    setattr(obj, start, date(2023, 1, 1))
    setattr(obj, end, date(2022, 12, 31))

    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean(exclude=["organisations"])

    assert excinfo.value.message_dict[end] == ["Slutdatum kan inte ligga före startdatum."]


# --- Membership: period ---------------------------------------------------------------


def test_a_membership_period_ending_before_it_starts_is_refused_by_the_database():
    membership = MembershipFactory()
    membership.valid_from, membership.valid_until = date(2023, 1, 1), date(2022, 12, 31)

    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


def test_a_membership_period_ending_before_it_starts_is_refused_by_full_clean():
    membership = MembershipFactory.build(
        person=MembershipFactory().person,
        body=BodyFactory(),
        valid_from=date(2023, 1, 1),
        valid_until=date(2022, 12, 31),
    )

    with pytest.raises(ValidationError):
        membership.full_clean()


@pytest.mark.parametrize(
    ("valid_from", "valid_until"),
    [
        (date(2023, 1, 1), date(2023, 1, 1)),
        (date(2023, 1, 1), date(2026, 12, 31)),
        (None, date(2026, 12, 31)),
        (date(2023, 1, 1), None),
        (None, None),
    ],
    ids=["one-day", "ordered", "open-start", "open-end", "open-both"],
)
def test_a_membership_period_may_be_open_or_ordered(valid_from, valid_until):
    membership = MembershipFactory(valid_from=valid_from, valid_until=valid_until)

    assert Membership.objects.get(pk=membership.pk).valid_until == valid_until


# --- Organisation: organisation number ------------------------------------------------


def test_an_organisation_number_is_stored_in_the_dashed_form():
    organisation = OrganisationFactory.build(name="Region Skåne", organisation_number="2321000255")

    organisation.full_clean()

    assert organisation.organisation_number == "232100-0255"


def test_an_organisation_number_cannot_be_registered_twice_by_leaving_out_the_dash():
    OrganisationFactory(name="Region Skåne", organisation_number="232100-0255")
    twin = OrganisationFactory.build(name="Skåne läns landsting", organisation_number="2321000255")

    errors = full_clean_errors(twin)

    assert "__all__" in errors


def test_an_organisation_with_a_wrong_check_digit_is_refused():
    organisation = OrganisationFactory.build(organisation_number="232100-0256")

    errors = full_clean_errors(organisation)

    assert errors["organisation_number"] == ["Organisationsnumrets kontrollsiffra stämmer inte."]


def test_organisations_without_a_number_do_not_collide():
    OrganisationFactory(organisation_number="")
    second = OrganisationFactory.build(organisation_number="")

    second.full_clean()
    second.save()

    assert Organisation.objects.filter(organisation_number="").count() == 2
