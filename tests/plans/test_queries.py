"""The plan tree, its history, comparison and what is due (the timeline: test_timeline.py)."""

import datetime

import pytest
from django.utils import timezone

from core.history import FieldChange
from plans import queries
from plans.compare import compare
from plans.models import StatusUpdate
from plans.services import plan_adopt, status_update_record
from tests import factories

pytestmark = pytest.mark.django_db


def test_tree_puts_items_under_their_initiative_or_directly_in_the_section(plan_with_tree):
    tree = queries.plan_tree(plan_with_tree["plan"])
    area1, area4 = tree.sections
    assert [n.initiative.letter for n in area1.initiatives] == ["a", "b"]
    assert [m.text for m in area1.initiatives[0].milestones] == ["Förslag Q2 2022"]
    assert area1.milestones == []
    assert area4.initiatives == []
    assert [a.text for a in area4.activities] == ["Säkerställa genomförande"]
    assert [m.period_text for m in area4.milestones] == ["Q1 2022"]


def test_tree_reads_each_body_once_and_lists_responsible_bodies_in_the_registers_order(
    plan_with_tree, ctb
):
    area1, sip = plan_with_tree["area1"], plan_with_tree["sip"]
    styrgrupp = factories.BodyFactory(name="Politisk styrgrupp")
    beredning = factories.BodyFactory(name="Beredningsgrupp")
    sip.responsible_bodies.add(styrgrupp, beredning)
    factories.FollowUpFactory(section=area1, initiative=sip, reported_to=styrgrupp)
    factories.FollowUpFactory(section=area1, initiative=sip, reported_to=None)

    tree = queries.plan_tree(plan_with_tree["plan"])

    node = tree.sections[0].initiatives[0]
    assert [body.name for body in node.bodies] == [
        "Beredningsgrupp",
        "Central tjänstemannaberedning",
        "Politisk styrgrupp",
    ]
    assert [body.name for body in tree.sections[0].bodies] == ["Central tjänstemannaberedning"]
    reported_to = [follow_up.reported_to for follow_up in node.follow_ups]
    assert reported_to == [ctb, styrgrupp, None]
    assert reported_to[0] is tree.sections[0].bodies[0]
    assert reported_to[1] is node.bodies[2]


def test_tree_follows_positions_not_creation_order(plan_with_tree):
    plan_with_tree["team"].position = 0
    plan_with_tree["team"].save()
    plan_with_tree["sip"].position = 5
    plan_with_tree["sip"].save()
    tree = queries.plan_tree(plan_with_tree["plan"])
    assert [n.initiative.letter for n in tree.sections[0].initiatives] == ["b", "a"]


def test_current_status_is_the_latest_update_and_earlier_ones_are_kept(plan_with_tree):
    sip = plan_with_tree["sip"]
    status_update_record(user=None, initiative=sip, status="on_track", on=datetime.date(2022, 3, 1))
    status_update_record(user=None, initiative=sip, status="delayed", on=datetime.date(2022, 9, 1))
    node = queries.plan_tree(plan_with_tree["plan"]).sections[0].initiatives[0]
    assert node.status.status == "delayed"
    assert [s.status for s in node.earlier_statuses] == ["on_track"]


def test_rollup_counts_initiatives_by_status_and_those_without(plan_with_tree):
    status_update_record(user=None, initiative=plan_with_tree["sip"], status="at_risk")
    tree = queries.plan_tree(plan_with_tree["plan"])
    assert tree.rollup == [("at_risk", "Risk för försening", 1), ("none", "Ingen status", 1)]
    assert tree.sections[1].rollup == []


def test_entries_are_in_order_of_their_end_with_overdue_marked(plan_with_tree):
    entries = queries.plan_tree(plan_with_tree["plan"]).entries(datetime.date(2022, 5, 1))
    assert [e.item.period_text for e in entries] == [
        "Q1 2022",
        "2022-06-01",
        "Q2 2022",
        "vid utgången av år 2025",
    ]
    assert [e.overdue for e in entries] == [True, False, False, False]


def test_items_of_a_done_initiative_are_never_overdue(plan_with_tree):
    status_update_record(
        user=None, initiative=plan_with_tree["sip"], status=StatusUpdate.Status.DONE
    )
    entries = queries.plan_tree(plan_with_tree["plan"]).entries(datetime.date(2030, 1, 1))
    overdue = {e.item.period_text for e in entries if e.overdue}
    assert overdue == {"Q1 2022", "vid utgången av år 2025"}


def test_plan_as_it_stood_before_a_change(plan_with_tree):
    plan = plan_with_tree["plan"]
    before = timezone.now()
    sip = plan_with_tree["sip"]
    sip.title = "Nytt namn"
    sip.save()
    factories.MilestoneFactory(section=plan_with_tree["area4"], text="Ny punkt", period="Q4 2023")
    plan_with_tree["team"].delete()
    then = queries.plan_tree_as_of(plan, before)
    assert [n.initiative.title for n in then.sections[0].initiatives] == [
        "Patientkontrakt och SIP",
        "Teambaserad vårdform",
    ]
    assert [m.text for m in then.sections[1].milestones] == ["Till beslut Q1 2022"]
    assert [b.name for b in then.sections[0].bodies] == ["Central tjänstemannaberedning"]
    now = queries.plan_tree(plan)
    assert [n.initiative.title for n in now.sections[0].initiatives] == ["Nytt namn"]


def test_plan_before_it_existed_is_not_found(plan_with_tree):
    from django.http import Http404

    with pytest.raises(Http404):
        queries.plan_tree_as_of(
            plan_with_tree["plan"], timezone.now() - datetime.timedelta(days=3650)
        )


def test_adopted_version_stays_as_adopted_after_later_edits(plan_with_tree, ctb):
    plan = plan_with_tree["plan"]
    version = plan_adopt(user=None, plan=plan, body=ctb, case_number="CTB 2022/14")
    area4 = plan_with_tree["area4"]
    area4.title = "Digitalisering"
    area4.save()
    adopted = queries.plan_tree_as_of(plan, version.frozen_at)
    assert adopted.sections[1].section.title == "Gemensamma digitala lösningar"
    assert version.decision.case_number_list() == ["CTB 2022/14"]
    assert version.decision.subjects.get().subject == version


def test_comparison_shows_added_removed_and_changed(plan_with_tree):
    plan = plan_with_tree["plan"]
    older = queries.plan_tree_as_of(plan, timezone.now())
    sip = plan_with_tree["sip"]
    sip.title = "Patientkontrakt"
    sip.save()
    factories.MilestoneFactory(section=plan_with_tree["area4"], text="Ny punkt", period="Q4 2023")
    plan_with_tree["team"].delete()
    result = compare(older, queries.plan_tree(plan))
    assert [item.label for item in result.added] == ["4. Gemensamma digitala lösningar: Ny punkt"]
    removed = [item.label for item in result.removed]
    assert "1b) Teambaserad vårdform" in removed
    assert any("Implementerat" in label for label in removed)  # its milestone went with it
    (change,) = result.changed
    assert change.fields == [FieldChange("Rubrik", "Patientkontrakt och SIP", "Patientkontrakt")]


def test_comparing_a_plan_with_itself_finds_nothing(plan_with_tree):
    tree = queries.plan_tree(plan_with_tree["plan"])
    assert compare(tree, tree).is_empty


def test_due_lists_overdue_and_upcoming_across_plans_and_filters_by_body(plan_with_tree, ctb):
    other = factories.PlanFactory()
    section = factories.SectionFactory(plan=other)
    factories.MilestoneFactory(section=section, text="Annan plan", period="2022-05-20")
    anonymous = factories.UserFactory.build()
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    entries = queries.due_entries(
        user=anonymous, today=datetime.date(2022, 5, 1), horizon=datetime.date(2022, 8, 1)
    )
    assert [e.item.text for e in entries] == [
        "Till beslut Q1 2022",
        "Annan plan",
        "Följs upp 2022-06-01",
        "Förslag Q2 2022",
    ]
    assert [e.overdue for e in entries] == [True, False, False, False]
    by_body = queries.due_entries(
        user=anonymous, today=datetime.date(2022, 5, 1), horizon=datetime.date(2022, 8, 1), body=ctb
    )
    assert [e.item.text for e in by_body] == ["Följs upp 2022-06-01", "Förslag Q2 2022"]


def test_due_skips_drafts_for_the_public_and_items_of_done_initiatives(plan_with_tree):
    from django.contrib.auth.models import AnonymousUser

    draft = factories.DraftPlanFactory()
    factories.MilestoneFactory(
        section=factories.SectionFactory(plan=draft), text="Utkast", period="2022-05-02"
    )
    status_update_record(user=None, initiative=plan_with_tree["sip"], status="done")
    entries = queries.due_entries(
        user=AnonymousUser(), today=datetime.date(2022, 5, 1), horizon=datetime.date(2022, 8, 1)
    )
    assert [e.item.text for e in entries] == ["Till beslut Q1 2022"]


def test_due_filters_by_organisation_through_the_plan_parties(plan_with_tree):
    from django.contrib.auth.models import AnonymousUser

    kommun = factories.OrganisationFactory()
    plan_with_tree["plan"].parties.add(kommun)
    elsewhere = factories.OrganisationFactory()
    kwargs = {
        "user": AnonymousUser(),
        "today": datetime.date(2022, 5, 1),
        "horizon": datetime.date(2022, 8, 1),
    }
    assert len(queries.due_entries(organisation=kommun, **kwargs)) == 3
    assert queries.due_entries(organisation=elsewhere, **kwargs) == []


def test_a_past_dated_activity_is_passed_not_overdue(plan_with_tree):
    factories.ActivityFactory(
        section=plan_with_tree["area4"], text="Webinar", period="2021-01-19/20"
    )
    entries = queries.plan_tree(plan_with_tree["plan"]).entries(datetime.date(2022, 5, 1))
    webinar = next(e for e in entries if e.item.text == "Webinar")
    assert not webinar.overdue
