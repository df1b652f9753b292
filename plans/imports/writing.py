"""Writing an imported plan's tree in a number of queries that does not grow with the plan:
level by level (the sections, their initiatives, then each kind of item), each level one
insert of its rows and one of their history records. Item by item through the services, a
plan ten times Skåne's cost 15 seconds and some 10 000 queries.

The rows are what plans.services.item_create would make of them, one at a time, at the end
of their lists: positions 1, 2, 3 … among their siblings, revision 1, the period's dates
read from its words (full_clean), a "+" history record, and for a section or an initiative
naming responsible bodies a "~" record holding them, as when a person sets them after adding
it. Every record has the acting user and the import's reason. What the services check
against the database needs no query here: the plan is new and only this transaction writes
its tree, so its parents exist and its numbers and letters are unique as the parser reads
them (and the database's constraints hold them to it).

No row sends the signals a save sends: the caller indexes the plan and counts the write."""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from simple_history.utils import bulk_create_with_history

from core.history import record_links
from plans import kinds
from plans.imports.tree import ItemDraft, NodeDraft, PlanDraft
from plans.models import Activity, Initiative, Plan, Section


def tree_create(*, plan: Plan, draft: PlanDraft, user, reason: str) -> None:
    """The draft's sections, initiatives and items under `plan`; ValidationError naming the
    place in the document of a row the models refuse."""
    sections = [
        (node, Section(plan=plan, number=node.number, introduction=node.markdown,
                       **_node(node, Section, position)))
        for position, node in enumerate(draft.sections, start=1)
    ]  # fmt: skip
    _create(sections, user=user, reason=reason)
    initiatives = [
        (node, Initiative(section=section, letter=node.letter, description=node.markdown,
                          **_node(node, Initiative, position)))
        for section_node, section in sections
        for position, node in enumerate(section_node.initiatives, start=1)
    ]  # fmt: skip
    _create(initiatives, user=user, reason=reason)
    # What items hang under: a section directly, or one of its initiatives.
    holders = [(node, section, None) for node, section in sections] + [
        (node, initiative.section, initiative) for node, initiative in initiatives
    ]
    for kind in kinds.ITEM_KINDS:
        items = [
            (item, _item(kind, item, section=section, initiative=initiative, position=position))
            for node, section, initiative in holders
            for position, item in enumerate(getattr(node, kind.tree_list), start=1)
        ]
        _create(items, user=user, reason=reason)


def _node(node: NodeDraft, model, position: int) -> dict:
    """What a section and an initiative take alike: their place in their list (1, 2, 3 … as
    item_create gives them), the title cut to what the model holds, the responsibility."""
    title = node.title[: model._meta.get_field("title").max_length]
    return {"position": position, "title": title, "responsibility_text": node.responsibility_text}


def _item(kind: kinds.Kind, item: ItemDraft, *, section, initiative, position: int):
    fields = {"note": item.note} if kind.model is Activity else {}
    return kind.model(
        section=section,
        initiative=initiative,
        position=position,
        text=item.text,
        period_text=item.period_text[:200],
        **fields,
    )


def _create(rows: list[tuple], *, user, reason: str) -> None:
    """Rows of one model (each with the draft it comes from), checked, inserted with their
    history, then given their responsible bodies."""
    if not rows:
        return
    model = type(rows[0][1])
    for draft, row in rows:
        _check(row, draft.place)
    bulk_create_with_history(
        [row for _draft, row in rows], model, default_user=user, default_change_reason=reason
    )
    linked = [(row, draft.bodies) for draft, row in rows if getattr(draft, "bodies", None)]
    if linked:
        _link_bodies(model, linked, user=user, reason=reason)


def _check(row, place: str) -> None:
    """The row's fields as full_clean checks them (and its period read from its words); the
    parents are left out: new, checked by the database, and asking would cost a query."""
    try:
        row.full_clean(exclude=kinds.of(type(row)).parent.fields)
    except ValidationError as error:
        raise ValidationError(f"{capfirst(place)}: {' '.join(error.messages)}") from error


def _link_bodies(model, linked: list[tuple], *, user, reason: str) -> None:
    """The responsible bodies of the rows that name any, and the history version holding
    them: the "~" record simple-history writes when the bodies of a saved row are set."""
    through = model.responsible_bodies.through
    field = model._meta.get_field("responsible_bodies")
    owner, body = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    through.objects.bulk_create(
        [through(**{owner: row.pk, body: b.pk}) for row, bodies in linked for b in bodies]
    )
    versions = model.history.bulk_history_create(
        [row for row, _bodies in linked],
        update=True,
        default_user=user,
        default_change_reason=reason,
    )
    record_links(model, "responsible_bodies", {v.id: v.history_id for v in versions})
