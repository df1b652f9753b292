"""Reported states per item (planerad, pågår, klar, struken) and the one overdue rule:
nothing shows as förfallen that was reported done or struck, on any page."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from plans import kinds, queries
from plans.models import Milestone, Plan, StateReport
from plans.reports import plan_summary
from plans.services import item_update, state_report_record, status_update_record
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 7, 1)


def milestone(text) -> Milestone:
    return Milestone.objects.get(text=text)


def report(item, state, *, user=None, done_on=None, comment="", today=TODAY):
    return state_report_record(
        user=user, item=item, state=state, done_on=done_on, comment=comment, today=today
    )


def test_the_kinds_table_says_which_kinds_carry_a_state():
    assert {kind.key for kind in kinds.STATE_KINDS} == set(StateReport.ItemKind.values)
    assert not kinds.SECTION_KIND.carries_state and not kinds.INITIATIVE_KIND.carries_state


@pytest.mark.parametrize(
    ("kind", "state", "initiative_status", "closed"),
    [
        (kinds.MILESTONE_KIND, None, None, False),
        (kinds.MILESTONE_KIND, "planned", None, False),
        (kinds.MILESTONE_KIND, "in_progress", "on_track", False),
        (kinds.MILESTONE_KIND, "done", None, True),
        (kinds.FOLLOW_UP_KIND, "struck", None, True),
        (kinds.FOLLOW_UP_KIND, None, "cancelled", True),
        (kinds.MILESTONE_KIND, "in_progress", "done", True),
        (kinds.ACTIVITY_KIND, None, None, True),
    ],
    ids=[
        "nothing-reported",
        "planned",
        "in-progress",
        "done",
        "struck",
        "initiative-cancelled",
        "initiative-done",
        "an-event",
    ],
)
def test_one_place_decides_when_an_item_is_closed(kind, state, initiative_status, closed):
    assert queries.item_closed(kind, state, initiative_status) is closed


def test_an_item_reported_done_is_not_overdue_anywhere(client, plan_with_tree):
    plan = plan_with_tree["plan"]
    late = milestone("Till beslut Q1 2022")
    assert next(e for e in queries.plan_tree(plan).entries(TODAY) if e.item == late).overdue

    report(late, "done", done_on=datetime.date(2022, 3, 20), comment="Beslutat i mars")

    entries = queries.plan_tree(plan).entries(TODAY)
    entry = next(e for e in entries if e.item == late)
    assert not entry.overdue and entry.state.state == "done"
    due = queries.due_entries(user=AnonymousUser(), today=TODAY, horizon=TODAY)
    assert late not in [e.item for e in due]
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Klar 2022-03-20" in page and "Beslutat i mars" in page


def test_a_struck_item_is_not_overdue_and_counts_apart(plan_with_tree):
    late = milestone("Till beslut Q1 2022")
    report(late, "struck", comment="Utgår")
    tree = queries.plan_tree(plan_with_tree["plan"])
    assert not next(e for e in tree.entries(TODAY) if e.item == late).overdue
    summary = queries.state_summary(tree.sections[1].state_items(), TODAY)
    assert (summary.total, summary.struck, summary.overdue) == (1, 1, 0)


def test_in_progress_past_its_end_is_still_overdue(plan_with_tree):
    late = milestone("Till beslut Q1 2022")
    report(late, "in_progress")
    assert next(
        e for e in queries.plan_tree(plan_with_tree["plan"]).entries(TODAY) if e.item == late
    ).overdue


def test_the_roll_up_counts_done_and_overdue_items(plan_with_tree):
    report(milestone("Förslag Q2 2022"), "done", done_on=datetime.date(2022, 6, 1))
    tree = queries.plan_tree(plan_with_tree["plan"])
    area1 = tree.sections[0]
    sip = area1.initiatives[0]
    # sip: an activity, a milestone (done) and a follow-up (2022-06-01, overdue on 1 July)
    assert str(queries.state_summary(sip.state_items(), TODAY)) == "1 av 3 klara, 1 förfallen"
    assert str(queries.state_summary(tree.state_items(), TODAY)) == ("1 av 6 klara, 2 förfallna")


def test_the_plan_page_shows_the_roll_up_in_words(client, plan_with_tree):
    report(milestone("Förslag Q2 2022"), "done", done_on=datetime.date(2022, 6, 1))
    content = client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    assert "Läget för punkterna" in content and "1 av 6 klara" in content


def test_done_needs_its_date_and_not_one_in_the_future(plan_with_tree):
    item = milestone("Förslag Q2 2022")
    with pytest.raises(ValidationError):
        report(item, "done")
    with pytest.raises(ValidationError):
        report(item, "done", done_on=TODAY + datetime.timedelta(days=1))
    assert report(item, "in_progress", done_on=TODAY).done_on is None  # only done has a date


def test_reporting_a_state_does_not_start_a_revision(plan_with_tree, editor):
    plan = plan_with_tree["plan"]
    revision, status = plan.revision, plan.status
    assert status == Plan.Status.PUBLISHED
    report(milestone("Förslag Q2 2022"), "in_progress", user=editor)
    plan.refresh_from_db()
    assert plan.status == status and plan.revision == revision


def test_the_public_reading_an_adopted_version_sees_todays_states(plan_with_tree, ctb, editor):
    from plans.services import plan_adopt

    plan = plan_with_tree["plan"]
    plan_adopt(user=editor, plan=plan, body=ctb, case_number="CTB 2022/1")
    item = milestone("Till beslut Q1 2022")
    item_update(user=editor, item=item, expected_revision=item.revision, text="Ny text")
    report(Milestone.objects.get(pk=item.pk), "done", done_on=datetime.date(2022, 3, 1))
    public = queries.public_tree(Plan.objects.get(pk=plan.pk), AnonymousUser())
    shown = next(m for m in public.sections[1].milestones if m.pk == item.pk)
    assert shown.text == "Till beslut Q1 2022" and shown.state.state == "done"


def test_as_it_stood_shows_the_states_of_that_moment(plan_with_tree):
    from django.utils import timezone

    before = timezone.now()
    report(milestone("Till beslut Q1 2022"), "done", done_on=datetime.date(2022, 3, 1))
    then = queries.plan_tree_as_of(plan_with_tree["plan"], before)
    assert then.sections[1].milestones[0].state is None


# --- the form ----------------------------------------------------------------------------


def state_url(item, word="tidplan"):
    return reverse("plans:item_state", args=[item.plan.slug, word, item.pk])


def test_an_editor_reports_a_state_from_the_workbench(client, plan_with_tree, editor):
    client.force_login(editor)
    item = milestone("Till beslut Q1 2022")
    page = client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    assert state_url(item) in page
    assert client.get(state_url(item)).status_code == 200
    response = client.post(
        state_url(item), {"state": "done", "done_on": "2022-03-15", "comment": "Klart i mars"}
    )
    assert response.status_code == 302
    assert response.url.endswith(f"?meny=atgarder-tidplan-{item.pk}")  # back at its menu
    saved = StateReport.objects.get()
    assert (saved.state, saved.reported_by, saved.comment) == ("done", editor, "Klart i mars")
    history = client.get(state_url(item)).content.decode()
    assert "Tidigare rapporterade lägen" in history and "Klart i mars" in history


def test_the_state_form_answers_htmx_with_the_section(client, plan_with_tree, editor):
    client.force_login(editor)
    item = milestone("Till beslut Q1 2022")
    fragment = client.get(state_url(item), headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and 'name="state"' in fragment
    response = client.post(
        state_url(item), {"state": "in_progress"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert 'id="block-omrade-' in response.content.decode()
    assert "Pågår" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"state": "done"}, "Ange datumet då det blev klart."),
        ({"state": "done", "done_on": "2099-01-01"}, "Datumet kan inte ligga i framtiden."),
        ({"state": "finished"}, "Välj ett giltigt alternativ"),
    ],
    ids=["done-without-date", "done-in-the-future", "unknown-state"],
)
def test_the_state_form_refuses_bad_input_in_swedish(client, plan_with_tree, editor, data, message):
    client.force_login(editor)
    response = client.post(state_url(milestone("Till beslut Q1 2022")), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not StateReport.objects.exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("reader", 403), ("strategist", 403), ("register_admin", 200)],
)
def test_only_editors_report_states(client, plan_with_tree, request, role, expected):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    assert client.get(state_url(milestone("Till beslut Q1 2022"))).status_code == expected


def test_sections_and_initiatives_have_no_state_form(client, plan_with_tree, register_admin):
    client.force_login(register_admin)
    url = reverse("plans:item_state", args=["skane-test", "insats", plan_with_tree["sip"].pk])
    assert client.get(url).status_code == 404


# --- förfallen, in words, everywhere -------------------------------------------------------


def test_bevakning_words_the_computed_overdue_forfallet(client, plan_with_tree):
    content = client.get(reverse("plans:due")).content.decode()
    assert "Förfallet (" in content and "Försenat" not in content


def test_the_manual_initiative_status_keeps_its_name(client, plan_with_tree):
    status_update_record(user=None, initiative=plan_with_tree["team"], status="delayed")
    content = client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    assert "Försenad" in content  # the status set by hand
    assert "⚠</span> Förfallen" in content  # the computed one


def test_the_board_report_lists_only_what_is_still_overdue(plan_with_tree):
    plan = plan_with_tree["plan"]
    report(milestone("Till beslut Q1 2022"), "done", done_on=datetime.date(2022, 3, 1))
    fake = SimpleNamespace(
        date=TODAY, pk=None, subject_type=ContentType.objects.get_for_model(Plan)
    )
    template, data = plan_summary(plan, fake, today=TODAY)
    assert [e.item.text for e in data["overdue"]] == ["Förslag Q2 2022"]
    html = render_to_string(template, {"data": data})
    assert "Förfallet" in html and "Försenat" not in html


def test_the_plan_pdf_content_version_changes_with_a_report(plan_with_tree):
    from plans.pdf import plan_content_version

    plan = plan_with_tree["plan"]
    before = plan_content_version(plan)
    report(milestone("Till beslut Q1 2022"), "in_progress")
    assert plan_content_version(plan) != before


def test_a_report_on_a_closed_plan_is_refused(plan_with_tree):
    Plan.objects.filter(pk=plan_with_tree["plan"].pk).update(status=Plan.Status.CLOSED)
    with pytest.raises(ValidationError):
        report(milestone("Till beslut Q1 2022"), "done", done_on=TODAY)


def test_a_state_report_survives_its_item_and_returns_with_it(plan_with_tree, editor):
    from plans.services import item_delete, item_restore

    item = milestone("Till beslut Q1 2022")
    report(item, "in_progress")
    item_delete(user=editor, item=item, expected_revision=item.revision)
    assert StateReport.objects.count() == 1
    record = Milestone.history.filter(id=item.pk, history_type="-").get()
    item_restore(user=editor, record=record)
    tree = queries.plan_tree(plan_with_tree["plan"])
    assert tree.sections[1].milestones[0].state.state == "in_progress"


def test_factories_still_build_plans_without_states():
    plan = factories.build_synthetic_plan(sections=1, initiatives=1, items=1)
    tree = queries.plan_tree(plan)
    assert all(item.state is None for item in tree.state_items())
