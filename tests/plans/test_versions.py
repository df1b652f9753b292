"""Versions a person can use: comparing by name, "as of" without an early error, and the
plan's history with filters (everything for those who may read drafts, versions for the
public), each at a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import history, services
from plans.models import Milestone
from plans.moments import MOMENT_SOURCES, Moment
from plans.queries import versions
from tests import factories
from tests.plans.edits import edit
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def _get(client, name, plan, **params):
    return client.get(reverse(f"plans:{name}", args=[plan.slug]), params)


@pytest.mark.parametrize("name", ["plan_compare", "plan_as_of", "plan_history"])
def test_the_first_visit_shows_the_form_without_an_error(client, plan_with_tree, name):
    response = _get(client, name, plan_with_tree["plan"])
    assert response.status_code == 200
    assert "Formuläret innehåller fel" not in response.content.decode()


def test_versions_are_chosen_by_their_names(client, plan_with_tree, ctb):
    plan = plan_with_tree["plan"]
    services.plan_adopt(
        user=None,
        plan=plan,
        body=ctb,
        case_number="CTB 2022/4",
        decision_date=datetime.date(2022, 2, 22),
    )
    page = _get(client, "plan_compare", plan).content.decode()
    assert "Version 2: Fastställd 2022-02-22" in page
    assert "Version 1: Publicerad" in page
    assert ">I dag<" in page


def test_changes_are_named_in_words_as_well_as_colour(
    client, plan_with_tree, strategist, reader, ctb
):
    client.force_login(reader)  # the edits below are a revision: the public does not see them
    plan = plan_with_tree["plan"]
    services.plan_adopt(user=None, plan=plan, body=ctb, case_number="CTB 2022/4")
    milestone = Milestone.objects.get(text="Förslag Q2 2022")
    edit(milestone, user=strategist, text="Förslag Q3")
    services.item_create(
        user=strategist,
        model=Milestone,
        plan=plan,
        parent={"section": plan_with_tree["area4"], "initiative": None},
        text="Ny punkt",
        period_text="2024",
    )
    page = _get(client, "plan_compare", plan, fran="v2", till="idag").content.decode()
    assert "Från Version 2: Fastställd" in page and "till I dag" in page
    assert "Tillagd</span> <ins>4. Gemensamma digitala lösningar: Ny punkt</ins>" in page
    assert "Ändrad</span> Tidplan" in page
    assert "Var</span> <del>Förslag Q2 2022</del>" in page
    assert "Nu</span> <ins>Förslag Q3</ins>" in page


def test_the_newer_version_cannot_be_from(client, plan_with_tree):
    response = _get(client, "plan_compare", plan_with_tree["plan"], fran="idag", till="v1")
    assert response.status_code == 400
    assert "Välj den äldre versionen som Från." in response.content.decode()


def test_other_parts_can_add_named_moments(client, plan_with_tree, monkeypatch):
    when = timezone.now() + datetime.timedelta(days=1)
    round_t2 = Moment("t2-2026", "Uppföljning T2 2026", when)
    monkeypatch.setattr(
        versions, "MOMENT_SOURCES", [*MOMENT_SOURCES, lambda plan, user: [round_t2]]
    )
    page = _get(client, "plan_compare", plan_with_tree["plan"]).content.decode()
    assert "Uppföljning T2 2026" in page
    response = _get(client, "plan_compare", plan_with_tree["plan"], fran="v1", till="t2-2026")
    assert response.status_code == 200


# --- the history ------------------------------------------------------------------------


@pytest.fixture
def worked_on(plan_with_tree, strategist, register_admin, ctb):
    """Adopted as the fixture made it (version 2; version 1 is the fixture's publication,
    taken before its content); a strategist edits twice during a revision, the second edit
    replacing the first's words; a register admin publishes it (version 3)."""
    plan = plan_with_tree["plan"]
    services.plan_adopt(user=register_admin, plan=plan, body=ctb, case_number="CTB 2022/9")
    milestone = Milestone.objects.get(text="Förslag Q2 2022")
    edit(milestone, user=strategist, text="Hemligt")
    milestone.refresh_from_db()
    edit(milestone, user=strategist, text="Förslag Q3 2022", period_text="Q3 2022")
    services.plan_publish(user=register_admin, plan=plan)
    plan.refresh_from_db()
    return plan


def test_history_lists_every_change_field_by_field(client, worked_on, reader, strategist):
    client.force_login(reader)
    page = _get(client, "plan_history", worked_on).content.decode()
    assert "Tidplan: 1a) Hemligt" in page  # each save, with the item as it was then
    assert "<del>Förslag Q2 2022</del>" in page and "<ins>Hemligt</ins>" in page
    assert "<ins>Q3 2022</ins>" in page  # the period, not its derived dates
    assert "Fastställd av Central tjänstemannaberedning" in page
    assert strategist.get_username() in page or strategist.get_full_name() in page


def test_history_filters_by_kind_person_and_dates(worked_on, strategist):
    changes = history.plan_changes(worked_on)
    milestones = history.filter_changes(changes, kind="tidplan")
    assert milestones and {c.kind_label for c in milestones} == {"Tidplan"}
    by_strategist = history.filter_changes(changes, person=strategist.pk)
    assert len(by_strategist) == 3  # two edits and the revision they started
    today = datetime.date.today()
    assert history.filter_changes(changes, start=today + datetime.timedelta(days=1)) == []
    assert len(history.filter_changes(changes, start=today, end=today)) == len(changes)


def test_history_filter_form_answers_bad_dates_with_400(client, worked_on, reader):
    client.force_login(reader)
    response = _get(client, "plan_history", worked_on, fran="2024-02-01", till="2024-01-01")
    assert response.status_code == 400


def test_the_public_history_shows_versions_and_their_net_changes_only(client, worked_on):
    page = _get(client, "plan_history", worked_on).content.decode()
    assert "Version 3: Publicerad" in page and "Version 2: Fastställd" in page
    assert "<del>Förslag Q2 2022</del>" in page and "<ins>Förslag Q3 2022</ins>" in page
    assert "Hemligt" not in page  # a draft-era edit never shows
    assert "Vem" not in page  # no person filter: the public sees versions, not editors
    only_sections = _get(client, "plan_history", worked_on, typ="omrade").content.decode()
    assert "Förslag Q3 2022" not in only_sections


def test_the_public_history_hides_a_revision_in_progress(client, worked_on, strategist):
    section = worked_on.sections.get(number=4)
    edit(section, user=strategist, title="Utkastrubrik")
    page = _get(client, "plan_history", worked_on).content.decode()
    assert "Utkastrubrik" not in page


# --- query budgets ----------------------------------------------------------------------


def _plans_of_two_sizes():
    body = factories.BodyFactory()
    small = factories.build_synthetic_plan(sections=2, initiatives=2, items=1, body=body)
    large = factories.build_synthetic_plan(sections=6, initiatives=5, items=4, body=body)
    return small, large  # the large one has more than ten times the items


# Measured: the public's pages read the versions (no person filter, no drafts); those who may
# read drafts add the session, their permissions and the live tree or every history row.
# Each tree compared reads its items' reported states too (one query a tree). A stranger's
# page reads the page cache's content version first (core.pagecache).
BUDGETS = {
    ("plan_compare", "anonymous"): 18,
    ("plan_compare", "reader"): 20,
    ("plan_history", "anonymous"): 14,
    ("plan_history", "reader"): 16,
}


@pytest.mark.parametrize(("name", "role"), list(BUDGETS), ids=lambda value: value)
def test_comparison_and_history_cost_the_same_at_one_and_ten_times(client, request, name, role):
    if role == "reader":
        client.force_login(request.getfixturevalue("reader"))
    small, large = _plans_of_two_sizes()
    query = "?fran=v1&till=idag" if name == "plan_compare" else ""
    counts = [
        count_queries(client, reverse(f"plans:{name}", args=[plan.slug]) + query)
        for plan in (small, large)
    ]
    assert counts[0] == counts[1]
    assert counts[1] <= BUDGETS[(name, role)]
