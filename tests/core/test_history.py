"""history_entries(): who changed what and when, field by field, in words a reader knows."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from agreements.models import Agreement, Status
from agreements.services import agreement_create
from core.history import FieldChange, history_entries, save_with_history
from governance.models import Body
from tests.factories import (
    ActingUserFactory,
    AgreementFactory,
    BodyFactory,
    OrganisationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario():
    """An agreement created by Alice, then changed by Bob, then by Alice again."""
    alice = ActingUserFactory(username="alice", first_name="Alice", last_name="Berg")
    bob = ActingUserFactory(username="bob", first_name="", last_name="")
    hsn = BodyFactory(name="Hälso- och sjukvårdsnämnden", short_code="HSN")
    region = RegionFactory(name="Region Skåne")
    malmo = OrganisationFactory(name="Malmö stad")

    started = timezone.now()
    agreement = agreement_create(
        user=alice,
        agreement=Agreement(
            register_id="STY-02292",
            title="Överenskommelse om läkarmedverkan",
            status=Status.DRAFT,
        ),
    )

    # Each step works on a fresh copy, as separate requests would.
    by_bob = Agreement.objects.get(pk=agreement.pk)
    by_bob.title = "Överenskommelse om läkarmedverkan i kommunal hälso- och sjukvård"
    by_bob.status = Status.IN_FORCE
    by_bob.responsible_body = hsn
    by_bob.valid_from = date(2022, 6, 1)
    save_with_history(by_bob, user=bob, reason="Fastställd av HSN")

    by_alice = Agreement.objects.get(pk=agreement.pk)
    by_alice._history_user = alice
    by_alice.parties.set([region, malmo])
    finished = timezone.now()

    return {
        "agreement": Agreement.objects.get(pk=agreement.pk),
        "entries": history_entries(agreement),
        "started": started,
        "finished": finished,
        "alice": alice,
        "bob": bob,
    }


def test_entries_are_listed_newest_first_with_who_and_kind(scenario):
    entries = scenario["entries"]

    assert [(e.who, e.kind) for e in entries] == [
        ("Alice Berg", "Ändrad"),
        ("bob", "Ändrad"),  # no full name: the username stands in
        ("Alice Berg", "Skapad"),
    ]


def test_each_entry_says_when_it_happened(scenario):
    whens = [entry.when for entry in scenario["entries"]]

    assert whens == sorted(whens, reverse=True)
    assert all(scenario["started"] <= when <= scenario["finished"] for when in whens)
    assert whens == list(
        scenario["agreement"]
        .history.order_by("-history_date")
        .values_list("history_date", flat=True)
    )


def test_each_entry_carries_the_reason_given(scenario):
    assert [entry.reason for entry in scenario["entries"]] == [
        "",
        "Fastställd av HSN",
        "Överenskommelse registrerad",
    ]


def test_the_creation_lists_no_field_changes(scenario):
    assert scenario["entries"][-1].changes == []


def test_a_change_lists_each_changed_field_with_its_swedish_label_and_display_values(scenario):
    changes = scenario["entries"][1].changes

    assert sorted(changes, key=lambda change: change.label) == [
        FieldChange(label="Ansvarigt organ", old="–", new="Hälso- och sjukvårdsnämnden (HSN)"),
        FieldChange(label="Gäller från", old="–", new="2022-06-01"),
        # A choice's label is the interface's word, not content as written.
        FieldChange(label="Status", old="Utkast", new="Gällande", is_content=False),
        FieldChange(
            label="Titel",
            old="Överenskommelse om läkarmedverkan",
            new="Överenskommelse om läkarmedverkan i kommunal hälso- och sjukvård",
        ),
    ]


def test_a_change_of_parties_lists_the_parties_by_name(scenario):
    assert scenario["entries"][0].changes == [
        FieldChange(label="Parter", old="–", new="Malmö stad, Region Skåne"),
    ]


def test_a_deleted_responsible_body_is_shown_by_its_old_id(scenario):
    agreement = scenario["agreement"]
    body_id = agreement.responsible_body_id
    agreement.responsible_body.delete()  # SET_NULL: a new version is not recorded

    change = next(c for c in history_entries(agreement)[1].changes if c.label == "Ansvarigt organ")

    assert change.new == f"(borttagen, id {body_id})"


def test_a_change_without_a_recorded_user_is_attributed_to_the_system(scenario):
    agreement = Agreement.objects.get(pk=scenario["agreement"].pk)
    agreement.version_label = "v.9.0"
    agreement.save()

    newest = history_entries(agreement)[0]

    assert newest.who == "Systemet"
    assert newest.changes == [FieldChange(label="Version", old="–", new="v.9.0")]


# --- save_with_history ----------------------------------------------------------------


def test_save_with_history_records_the_user_and_the_reason(user):
    body = BodyFactory(name="Samordnande gruppen")
    body.name = "Samordnande gruppen för God och nära vård"

    save_with_history(body, user=user, reason="Nytt namn")

    record = body.history.order_by("-history_id").first()
    assert record.history_type == "~"
    assert record.name == "Samordnande gruppen för God och nära vård"
    assert record.history_user == user
    assert record.history_change_reason == "Nytt namn"


def test_save_with_history_refuses_an_invalid_object_and_records_nothing(user):
    rs = BodyFactory(name="Regionstyrelsen", short_code="RS", kind=Body.Kind.BOARD)
    versions = rs.history.count()
    rs.reports_to = rs

    with pytest.raises(ValidationError):
        save_with_history(rs, user=user, reason="Fel")

    assert rs.history.count() == versions
    assert Body.objects.get(pk=rs.pk).reports_to is None


def test_a_later_save_without_a_reason_does_not_repeat_the_earlier_reason(user):
    other = ActingUserFactory()
    agreement = AgreementFactory()
    save_with_history(agreement, user=user, reason="Fastställd")

    agreement.version_label = "v.2.0"
    save_with_history(agreement, user=other)

    record = agreement.history.order_by("-history_id").first()
    assert record.history_user == other
    assert not record.history_change_reason


def test_a_long_reason_is_kept_whole(user):
    agreement = AgreementFactory()
    reason = "Ersatt av " + "en mycket lång titel " * 20

    save_with_history(agreement, user=user, reason=reason)

    stored = Agreement.history.order_by("-history_id").first().history_change_reason
    assert stored == reason
