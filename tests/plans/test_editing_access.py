"""Who may edit: every editing view, GET and POST alike, for each role; missing and unknown
things are 404; each editing page costs the same queries whatever the plan's size."""

import pytest
from django.urls import reverse

from plans.models import Activity, Initiative, Milestone, Section
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"plans:{name}", args=args)


def editing_endpoints(data):
    plan = data["plan"].slug
    section, initiative = data["area4"], data["sip"]
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    activity = Activity.objects.filter(section=section).first()
    return [
        ("plan_edit", url("plan_edit", plan), {"title": "x", "kind": "action_plan", "revision": 1}),
        ("item_add", url("item_add", plan, "tidplan") + f"?omrade={section.pk}", {"text": "x"}),
        (
            "item_edit",
            url("item_edit", plan, "tidplan", milestone.pk),
            {"text": "x", "revision": milestone.revision},
        ),
        (
            "item_delete",
            url("item_delete", plan, "aktivitet", activity.pk),
            {"revision": activity.revision},
        ),
        ("item_move", url("item_move", plan, "omrade", section.pk), {"direction": "up"}),
        ("item_history", url("item_history", plan, "omrade", section.pk), None),
        (
            "item_restore",
            url("item_restore", plan, "omrade"),
            {"history_id": section.history.first().history_id},
        ),
        ("deleted", url("deleted", plan), None),
        (
            "status_update",
            url("status_update", plan, initiative.pk),
            {"status": "done", "date": "2022-01-01"},
        ),
        ("section_fragment", url("section_fragment", plan, section.pk), None),
    ]


@pytest.mark.parametrize(
    "role", ["anonymous", "reader", "strategist_not_editor", "strategist_editor", "register_admin"]
)
def test_editing_endpoints_for_each_role_get_and_post(client, plan_with_tree, request, role):
    if role == "strategist_editor":
        user = request.getfixturevalue("strategist")
        plan_with_tree["plan"].editors.add(user)
    elif role == "strategist_not_editor":
        user = request.getfixturevalue("strategist")
    elif role != "anonymous":
        user = request.getfixturevalue(role)
    if role != "anonymous":
        client.force_login(user)
    allowed = role in ("strategist_editor", "register_admin")
    for name, path, data in editing_endpoints(plan_with_tree):
        before = {m: m.objects.count() for m in (Section, Initiative, Milestone, Activity)}
        responses = [("GET", client.get(path))] if name not in ("item_move", "item_restore") else []
        if data is not None:
            responses.append(("POST", client.post(path, data)))
        for method, response in responses:
            if role == "anonymous":
                assert response.status_code == 302 and "/konto/logga-in/" in response["Location"], (
                    name,
                    method,
                )
            elif not allowed:
                assert response.status_code == 403, (name, method, response.status_code)
            else:
                assert response.status_code in (200, 302, 400), (name, method, response.status_code)
        if not allowed:
            assert {
                m: m.objects.count() for m in (Section, Initiative, Milestone, Activity)
            } == before, name


def test_move_and_restore_refuse_get(editor_client, plan_with_tree):
    plan = plan_with_tree["plan"].slug
    assert (
        editor_client.get(url("item_move", plan, "omrade", plan_with_tree["area4"].pk)).status_code
        == 405
    )
    assert editor_client.get(url("item_restore", plan, "omrade")).status_code == 405


@pytest.mark.parametrize("kind", ["okand", "../../etc"])
def test_unknown_kinds_are_404(editor_client, plan_with_tree, kind):
    assert editor_client.get(f"/planer/{plan_with_tree['plan'].slug}/{kind}/ny/").status_code == 404


def test_editing_a_missing_item_is_404(editor_client, plan_with_tree):
    assert (
        editor_client.get(
            url("item_edit", plan_with_tree["plan"].slug, "tidplan", 999999)
        ).status_code
        == 404
    )


def _edit_pages(plan):
    section = plan.sections.first()
    initiative = Initiative.objects.filter(section=section).first()
    milestone = Milestone.objects.filter(section=section).first()
    return [
        plan.get_absolute_url(),
        url("plan_edit", plan.slug),
        url("item_edit", plan.slug, "omrade", section.pk),
        url("item_edit", plan.slug, "insats", initiative.pk),
        url("item_edit", plan.slug, "tidplan", milestone.pk),
        url("item_add", plan.slug, "uppfoljning") + f"?omrade={section.pk}&insats={initiative.pk}",
        url("status_update", plan.slug, initiative.pk),
        url("deleted", plan.slug),
        url("section_fragment", plan.slug, section.pk),
    ]


def test_editing_pages_cost_the_same_queries_whatever_the_plan_size(client, register_admin):
    client.force_login(register_admin)
    body = factories.BodyFactory()
    small = factories.build_synthetic_plan(sections=1, initiatives=1, items=1, body=body)
    large = factories.build_synthetic_plan(sections=5, initiatives=4, items=3, body=body)
    for small_path, large_path in zip(_edit_pages(small), _edit_pages(large), strict=True):
        assert count_queries(client, small_path) == count_queries(client, large_path), large_path
