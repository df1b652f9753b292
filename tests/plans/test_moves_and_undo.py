"""Moving keeps numbers and letters in order; undo restores an earlier version as a new one,
and brings a deleted item back under its old id once its parent exists."""

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import Activity, Initiative, Milestone, Section
from tests import factories

pytestmark = pytest.mark.django_db


def test_moving_swaps_neighbours_and_keeps_positions_dense(plan_with_tree, editor):
    sip, team = plan_with_tree["sip"], plan_with_tree["team"]
    assert services.item_move(user=editor, item=team, up=True) is True
    in_order = Initiative.objects.filter(section=sip.section).order_by("position")
    assert list(in_order.values_list("title", flat=True)) == [team.title, sip.title]
    assert sorted(in_order.values_list("position", flat=True)) == [1, 2]
    # already first: nothing happens
    assert services.item_move(user=editor, item=team, up=True) is False
    assert Initiative.objects.get(pk=team.pk).position == 1


def test_letters_follow_a_move_in_one_recorded_step(plan_with_tree, editor):
    """Moving a) down makes it b) and b) a): the letters stay in order, the history says so."""
    sip, team = plan_with_tree["sip"], plan_with_tree["team"]
    services.item_move(user=editor, item=sip, up=False)
    in_order = Initiative.objects.filter(section=sip.section).order_by("position")
    assert [(i.letter, i.title) for i in in_order] == [("a", team.title), ("b", sip.title)]
    moved = Initiative.objects.get(pk=sip.pk)
    assert moved.anchor == "insats-1b" and moved.revision == sip.revision + 1
    latest, before = moved.history.order_by("-history_date", "-history_id")[:2]
    assert (before.letter, latest.letter) == ("a", "b")  # no parked letter in between
    assert latest.history_change_reason == "Ordning ändrad" and latest.history_user == editor


def test_section_numbers_follow_a_move_and_a_gap_stays_a_gap(plan_with_tree, editor):
    area1, area4 = plan_with_tree["area1"], plan_with_tree["area4"]
    services.item_move(user=editor, item=area4, up=True)
    sections = Section.objects.filter(plan=area1.plan).order_by("position")
    assert [(s.number, s.title) for s in sections] == [(1, area4.title), (4, area1.title)]
    assert Initiative.objects.get(pk=plan_with_tree["sip"].pk).anchor == "insats-4a"


def test_moving_items_without_labels_changes_only_their_order(plan_with_tree, editor):
    area4 = plan_with_tree["area4"]
    activity = factories.ActivityFactory(section=area4, text="Andra aktiviteten", position=9)
    first = Activity.objects.filter(section=area4).exclude(pk=activity.pk).get()
    services.item_move(user=editor, item=activity, up=True)
    assert list(
        Activity.objects.filter(section=area4).order_by("position").values_list("pk", flat=True)
    ) == [activity.pk, first.pk]


def test_restoring_an_earlier_version_adds_a_new_version(plan_with_tree, editor):
    section = plan_with_tree["area4"]
    original = section.history.earliest()
    services.item_update(
        user=editor, item=section, expected_revision=section.revision, title="Fel rubrik"
    )
    restored = services.item_restore(user=editor, record=original)
    assert restored.title == "Gemensamma digitala lösningar"
    assert section.history.count() == 3
    assert section.history.first().history_change_reason.startswith("Återställd")


def test_a_deleted_item_can_be_brought_back_with_its_children_first_needing_their_parent(
    plan_with_tree, editor
):
    team = plan_with_tree["team"]
    milestone = team.milestones.get()
    services.item_delete(user=editor, item=team, expected_revision=team.revision)
    deleted = services.deleted_items(plan_with_tree["plan"])
    kinds = sorted(type(r.instance).__name__ for r in deleted)
    assert kinds == ["Initiative", "Milestone"]
    # A record is known by its kind and id together: ids are per table, and on SQLite each
    # test's tables count from 1 again, so an initiative and a milestone often share an id.
    milestone_record = next(r for r in deleted if r.instance_type is Milestone)
    initiative_record = next(r for r in deleted if r.instance_type is Initiative)

    with pytest.raises(ValidationError, match="Återställ insatsen först"):
        services.item_restore(user=editor, record=milestone_record)
    assert not Milestone.objects.filter(pk=milestone.pk).exists()
    assert milestone.history.count() == 2  # created, deleted: the refusal wrote nothing

    services.item_restore(user=editor, record=initiative_record)
    services.item_restore(user=editor, record=milestone_record)
    restored = Milestone.objects.get(pk=milestone.pk)
    assert restored.period_text == "vid utgången av år 2025"
    assert (restored.section_id, restored.initiative_id) == (
        plan_with_tree["area1"].pk,
        team.pk,
    )
    assert services.deleted_items(plan_with_tree["plan"]) == []


def test_restoring_brings_back_responsible_bodies(plan_with_tree, editor, ctb):
    sip = plan_with_tree["sip"]
    record = sip.history.order_by("-history_date").first()
    services.item_update(user=editor, item=sip, expected_revision=sip.revision, bodies=[])
    assert list(sip.responsible_bodies.all()) == []
    services.item_restore(user=editor, record=record)
    assert list(Initiative.objects.get(pk=sip.pk).responsible_bodies.all()) == [ctb]
