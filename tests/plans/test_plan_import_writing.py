"""The plan import writes the tree in bulk: the plan it makes is the one the plan services
make item by item (as it was made before), row for row and history record for history
record, in a number of queries that does not grow with the plan."""

from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.history import recorded_links_model
from core.models import SearchEntry
from plans import kinds
from plans.imports.parsing import parse
from plans.imports.services import bodies_for_import, plan_import
from plans.models import Activity, Initiative, Plan, Section
from plans.services import item_create
from tests import factories
from tests.plans.plan_documents import skane_docx

REASON = "Importerad från skane.docx"


@pytest.fixture
def skane_draft(db):
    factories.BodyFactory(name="Central tjänstemannaberedning")
    factories.BodyFactory(name="Vårdsamverkan Skåne")
    return parse(skane_docx(), bodies=bodies_for_import())


def _one_by_one(draft, *, user) -> Plan:
    """The plan as the import made it before: the plan alone, then each row through
    item_create, in reading order, each at the end of its list."""
    plan = plan_import(draft=replace(draft, sections=[]), file_name="skane.docx", user=user)
    for section in draft.sections:
        row = item_create(
            user=user, model=Section, plan=plan, parent={"plan": plan}, bodies=section.bodies,
            number=section.number, title=section.title, introduction=section.markdown,
            responsibility_text=section.responsibility_text,
        )  # fmt: skip
        _add_items(section, plan=plan, parent={"section": row, "initiative": None}, user=user)
        for initiative in section.initiatives:
            initiative_row = item_create(
                user=user, model=Initiative, plan=plan, parent={"section": row},
                bodies=initiative.bodies, letter=initiative.letter, title=initiative.title,
                description=initiative.markdown,
                responsibility_text=initiative.responsibility_text,
            )  # fmt: skip
            parent = {"section": row, "initiative": initiative_row}
            _add_items(initiative, plan=plan, parent=parent, user=user)
    return plan


def _add_items(node, *, plan, parent, user) -> None:
    for kind in kinds.ITEM_KINDS:
        for item in getattr(node, kind.tree_list):
            note = {"note": item.note} if kind.model is Activity else {}
            item_create(
                user=user, model=kind.model, plan=plan, parent=parent, text=item.text,
                period_text=item.period_text, **note,
            )  # fmt: skip


def _place(obj) -> tuple:
    """Where a row stands in the tree, the same in both plans (ids differ)."""
    if isinstance(obj, Section):
        return ("section", obj.number)
    if isinstance(obj, Initiative):
        return ("initiative", obj.section.number, obj.letter)
    letter = obj.initiative.letter if obj.initiative else ""
    return (kinds.of(type(obj)).key, obj.section.number, letter, obj.position)


def _values(obj, model) -> dict:
    """The row's own fields: no ids, no parents (its place says them)."""
    return {
        f.attname: getattr(obj, f.attname)
        for f in model._meta.concrete_fields
        if not f.primary_key and not f.is_relation
    }


def _history(obj, model) -> list[tuple]:
    return [
        (
            record.history_type,
            record.history_user_id,
            _values(record.instance, model),
            _recorded_bodies(record, model),
        )
        for record in obj.history.order_by("history_date", "history_id")
    ]


def _recorded_bodies(record, model) -> list[str]:
    if not hasattr(model, "responsible_bodies"):
        return []
    links = recorded_links_model(model, "responsible_bodies").objects.filter(history=record)
    return sorted(link.body.name for link in links)


def _snapshot(plan: Plan) -> dict:
    """Every row of the plan's tree, its responsible bodies and its history records."""
    rows = {}
    for kind in kinds.KINDS:
        for obj in kind.model.objects.filter(**kind.parent.in_plan(plan)):
            bodies = getattr(obj, "responsible_bodies", None)
            rows[_place(obj)] = (
                _values(obj, kind.model),
                sorted(b.name for b in bodies.all()) if bodies else [],
                _history(obj, kind.model),
            )
    return rows


def _reasons(plan: Plan) -> set[str]:
    return {
        record.history_change_reason
        for kind in kinds.KINDS
        for record in kind.model.history.filter(
            id__in=kind.model.objects.filter(**kind.parent.in_plan(plan)).values("pk")
        )
    }


def _search_entries(plan: Plan) -> list[tuple]:
    return sorted(
        (entry.kind, entry.title, entry.text, entry.url.partition("#")[2], entry.public)
        for entry in SearchEntry.objects.filter(url__startswith=plan.get_absolute_url())
    )


def test_the_bulk_import_makes_the_plan_the_services_make_item_by_item(skane_draft, strategist):
    by_hand = _one_by_one(skane_draft, user=strategist)
    imported = plan_import(draft=skane_draft, file_name="skane.docx", user=strategist)

    expected, written = _snapshot(by_hand), _snapshot(imported)
    assert len(written) == 6 + 11 + sum(skane_draft.counts()[k.tree_list] for k in kinds.ITEM_KINDS)
    assert written == expected
    # Area 1's initiative d) names two bodies: created, then given them, as by hand.
    d = written[("initiative", 1, "d")]
    assert d[1] == ["Central tjänstemannaberedning", "Vårdsamverkan Skåne"]
    assert [(h[0], h[3]) for h in d[2]] == [("+", []), ("~", d[1])]
    # Every record says where it came from; by hand, each says what was added.
    assert _reasons(imported) == {REASON}
    assert "Område tillagd" in _reasons(by_hand)
    assert _search_entries(imported) == _search_entries(by_hand)


def _import_queries(copies: int, user, *, title: str) -> int:
    draft = parse(skane_docx(copies=copies), bodies=bodies_for_import())
    draft.title = title  # a slug of its own, found at the first try
    with CaptureQueriesContext(connection) as captured:
        plan_import(draft=draft, file_name="skane.docx", user=user)
    return len(captured)


def test_the_import_costs_the_same_queries_whatever_the_plan_size(skane_draft, strategist):
    # The first reads the content types the search index names (cached for the process).
    _import_queries(1, strategist, title="Först")
    once = _import_queries(1, strategist, title="En gång")

    three = _import_queries(3, strategist, title="Tre gånger")
    assert once <= 80
    if connection.vendor == "postgresql":
        assert three == once
    else:  # SQLite takes at most 999 values a statement: a large insert is split in a few
        assert three <= once + 10
