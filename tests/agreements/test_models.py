"""Rules the agreement register keeps in its models and in the database."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agreements.models import Agreement, Status
from tests.factories import (
    AgreementFactory,
    DraftAgreementFactory,
    DraftFrameworkFactory,
    FrameworkFactory,
)
from tests.model_checks import full_clean_errors

pytestmark = pytest.mark.django_db


# --- register id ----------------------------------------------------------------------


def test_a_register_id_is_unique_in_the_database():
    AgreementFactory(register_id="STY-02292")

    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(register_id="STY-02292", title="En annan överenskommelse")

    assert Agreement.objects.filter(register_id="STY-02292").count() == 1


def test_a_duplicate_register_id_is_refused_by_full_clean_with_a_swedish_message():
    AgreementFactory(register_id="STY-02292")
    duplicate = Agreement(register_id="STY-02292", title="En annan överenskommelse")

    errors = full_clean_errors(duplicate)

    assert errors["register_id"] == ["Det finns redan en överenskommelse med den beteckningen."]


# --- replaced by ----------------------------------------------------------------------


def test_the_database_forbids_being_replaced_by_both_an_agreement_and_a_framework():
    agreement = AgreementFactory()
    newer, framework = AgreementFactory(), FrameworkFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.filter(pk=agreement.pk).update(
            replaced_by_agreement=newer, replaced_by_framework=framework
        )

    agreement.refresh_from_db()
    assert agreement.replaced_by is None


def test_clean_forbids_being_replaced_by_both_an_agreement_and_a_framework():
    agreement = AgreementFactory.build(
        replaced_by_agreement=AgreementFactory(), replaced_by_framework=FrameworkFactory()
    )

    errors = full_clean_errors(agreement)

    assert (
        "En överenskommelse ersätts antingen av en överenskommelse eller av ett ramverk, inte båda."
        in errors["__all__"]
    )


def test_an_agreement_cannot_replace_itself():
    agreement = AgreementFactory()
    agreement.replaced_by_agreement = agreement

    errors = full_clean_errors(agreement)

    assert "replaced_by_agreement" in errors


def test_clean_says_in_swedish_that_a_draft_cannot_have_replaced_an_agreement():
    agreement = AgreementFactory.build(
        status=Status.REPLACED, replaced_by_framework=DraftFrameworkFactory()
    )

    errors = full_clean_errors(agreement)

    assert "Behåll överenskommelsens status" in errors["status"][0]


def test_no_message_names_a_database_constraint():
    agreement = AgreementFactory.build(
        replaced_by_agreement=AgreementFactory(),
        replaced_by_framework=FrameworkFactory(),
        valid_from=date(2023, 1, 1),
        valid_until=date(2022, 12, 31),
    )

    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()

    assert not [m for m in excinfo.value.messages if "agreement_" in m]
    assert excinfo.value.message_dict["valid_until"] == [
        "Slutdatum kan inte ligga före startdatum."
    ]


@pytest.mark.parametrize("by", ["agreement", "framework"])
def test_replaced_by_is_whichever_replaces_it(by):
    successor = AgreementFactory() if by == "agreement" else FrameworkFactory()
    agreement = AgreementFactory(**{f"replaced_by_{by}": successor}, status=Status.REPLACED)

    assert agreement.replaced_by == successor


# --- validity period ------------------------------------------------------------------


def test_the_database_forbids_a_validity_period_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementFactory(valid_from=date(2023, 1, 1), valid_until=date(2022, 12, 31))


def test_clean_says_in_swedish_that_the_end_cannot_precede_the_start():
    agreement = AgreementFactory.build(valid_from=date(2023, 1, 1), valid_until=date(2022, 12, 31))

    errors = full_clean_errors(agreement)

    assert "Slutdatum kan inte ligga före startdatum." in errors["valid_until"]


# --- review due -----------------------------------------------------------------------

TODAY = date(2024, 5, 15)


@pytest.mark.parametrize(
    ("status", "review_by", "overdue"),
    [
        (Status.IN_FORCE, date(2024, 5, 14), True),
        (Status.IN_FORCE, date(2020, 1, 1), True),
        (Status.UNDER_REVISION, date(2024, 5, 14), True),
        (Status.IN_FORCE, TODAY, False),
        (Status.IN_FORCE, date(2024, 5, 16), False),
        (Status.IN_FORCE, None, False),
        (Status.DRAFT, date(2020, 1, 1), False),
        (Status.REPLACED, date(2020, 1, 1), False),
        (Status.EXPIRED, date(2020, 1, 1), False),
    ],
    ids=[
        "in-force-due-yesterday",
        "in-force-due-years-ago",
        "under-revision-due-yesterday",
        "due-today-is-not-yet-overdue",
        "due-tomorrow",
        "no-review-date",
        "draft-is-never-overdue",
        "replaced-is-never-overdue",
        "expired-is-never-overdue",
    ],
)
def test_review_is_overdue_only_for_live_agreements_past_their_review_date(
    status, review_by, overdue
):
    agreement = AgreementFactory.build(status=status, review_by=review_by)

    assert agreement.is_review_overdue(today=TODAY) is overdue


def test_the_same_agreement_becomes_overdue_the_day_after_its_review_date():
    agreement = AgreementFactory.build(review_by=date(2024, 12, 31))

    assert not agreement.is_review_overdue(today=date(2024, 12, 31))
    assert agreement.is_review_overdue(today=date(2025, 1, 1))


# --- public or not --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "public"),
    [
        (Status.DRAFT, False),
        (Status.IN_FORCE, True),
        (Status.UNDER_REVISION, True),
        (Status.REPLACED, True),
        (Status.EXPIRED, True),
    ],
    ids=lambda value: str(value),
)
def test_only_adopted_agreements_are_public(status, public):
    assert AgreementFactory.build(status=status).is_public is public


def test_a_draft_agreement_from_its_factory_is_not_public():
    assert DraftAgreementFactory().is_public is False
