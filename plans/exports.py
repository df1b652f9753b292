"""A plan, and Bevakning, as spreadsheets (core.exports).

A plan: one row per initiative and per item (activity, milestone, follow-up), in reading
order, read from the tree the reader reads (`queries.public_tree`: the last published or
adopted version for the public, the plan as it is for those who may read drafts), so the
file never holds an edit the page would not show. Bevakning: the page's entries, filtered
as on the page."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core.exports import Column
from plans.kinds import INITIATIVE_KIND as INITIATIVE
from plans.kinds import ITEM_KINDS, Kind
from plans.models import Initiative, Section, StateReport
from plans.queries.tree import Entry, PlanTree


@dataclass
class PlanRow:
    section: Section
    initiative: Initiative | None
    kind: Kind
    item: object  # the initiative itself, or an item
    bodies: list
    state: str  # the reported state's label, or an initiative's status


def plan_rows(tree: PlanTree) -> Iterator[PlanRow]:
    for section in tree.sections:
        owners = [(None, section), *[(node.initiative, node) for node in section.initiatives]]
        for initiative, node in owners:
            if initiative is not None:
                status = node.status.get_status_display() if node.status else ""
                yield PlanRow(
                    section.section, initiative, INITIATIVE, initiative, node.bodies, status
                )
            for kind in ITEM_KINDS:
                for item in node.items[kind.tree_list]:
                    state = item.state.get_state_display() if item.state else ""
                    yield PlanRow(section.section, initiative, kind, item, node.bodies, state)


def _section(section: Section) -> str:
    return f"{section.number}. {section.title}" if section.number else section.title


def _initiative(initiative: Initiative | None) -> str:
    return f"{initiative.letter}) {initiative.title}" if initiative else ""


def _text(row: PlanRow) -> str:
    return row.item.description if row.kind is INITIATIVE else row.item.text


def _responsible(bodies, owner) -> list[str]:
    return [*(body.name for body in bodies), owner.responsibility_text]


def _period(row, name: str):
    return getattr(row.item, name, None)


PLAN_COLUMNS = [
    Column(_("Område"), lambda r: _section(r.section), 36),
    Column(_("Insats"), lambda r: _initiative(r.initiative), 36),
    Column(_("Typ"), lambda r: r.kind.label, 13),
    Column(_("Text"), _text, 60),
    Column(_("Tid"), lambda r: _period(r, "period_text"), 18),
    Column(_("Från"), lambda r: _period(r, "period_start"), 12),
    Column(_("Till"), lambda r: _period(r, "period_end"), 12),
    Column(_("Läge"), lambda r: r.state, 14),
    Column(_("Ansvarig"), lambda r: _responsible(r.bodies, r.initiative or r.section), 36),
]


def due_columns(link: Callable[[str], str]) -> list[Column]:
    """Bevakning's columns; `link` makes a path absolute."""
    return [
        Column(_("Förfallen"), lambda e: e.overdue, 10),
        Column(_("Senast"), lambda e: e.item.period_end, 12),
        Column(_("Tid"), lambda e: e.item.period_text, 18),
        Column(_("Typ"), lambda e: e.kind.label, 13),
        Column(_("Text"), lambda e: e.item.text, 60),
        Column(_("Läge"), _reported_state, 14),
        Column(_("Plan"), lambda e: e.section.plan.title, 36),
        Column(_("Område"), lambda e: _section(e.section), 36),
        Column(_("Insats"), lambda e: _initiative(e.initiative), 36),
        Column(
            _("Webbadress"),
            lambda e: link(f"{e.section.plan.get_absolute_url()}#{e.anchor}"),
            50,
        ),
    ]


def _reported_state(entry: Entry) -> str:
    # Across plans the state is annotated (`reported_state`); in a tree it is the report.
    state = getattr(entry.item, "reported_state", None)
    if state is None and entry.state is not None:
        state = entry.state.state
    return StateReport.State(state).label if state else ""
