"""The plan tree: sections, initiatives and items with their statuses and reported states, now
(`plan_tree`) or as it stood at a moment (`plan_tree_as_of`, from the history tables). Each
costs a fixed number of queries whatever the size of the plan."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from django.db.models import CharField, Value
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from core.history import recorded_links_model
from governance.models import Body
from plans.kinds import ITEM_KINDS, STATE_KINDS, TIMELINE_KINDS, Kind
from plans.models import Initiative, Plan, PlanVersion, Section, StateReport, StatusUpdate
from plans.queries.states import CLOSED_STATUSES, NO_STATUS, item_closed, latest_states


@dataclass
class Entry:
    """A milestone, follow-up or activity, with where it sits and whether it is overdue."""

    item: object
    kind: Kind
    section: Section
    initiative: Initiative | None
    overdue: bool = False

    @property
    def state(self) -> StateReport | None:
        """The item's reported state (on the tree's items; None in Bevakning)."""
        return getattr(self.item, "state", None)

    @cached_property
    def period(self):
        """The item's period, read once: `item.period` builds a Period from the stored fields
        on every access, and the timeline reads it a dozen times per entry."""
        return self.item.period

    @property
    def anchor(self) -> str:
        return (self.initiative or self.section).anchor


class HoldsItems:
    """A tree node's items straight under it, one list per kind: node.activities,
    node.milestones, … (named by the kinds' `tree_list`)."""

    def __getattr__(self, name):
        items = self.__dict__.get("items")
        if items is not None and name in items:
            return items[name]
        raise AttributeError(name)

    def own_state_items(self) -> list:
        """The items straight under the node that carry a reported state."""
        return [item for kind in STATE_KINDS for item in self.items[kind.tree_list]]

    def state_items(self) -> list:
        """Every item under the node that carries a reported state (for its roll-up)."""
        return self.own_state_items()


def _no_items() -> dict[str, list]:
    return {kind.tree_list: [] for kind in ITEM_KINDS}


@dataclass
class InitiativeNode(HoldsItems):
    initiative: Initiative
    bodies: list[Body]
    items: dict[str, list] = field(default_factory=_no_items)
    status: StatusUpdate | None = None
    earlier_statuses: list[StatusUpdate] = field(default_factory=list)

    @property
    def responsibility_text(self):
        return self.initiative.responsibility_text

    @property
    def status_value(self):
        return self.status.status if self.status else None

    @property
    def is_closed(self):
        return self.status_value in CLOSED_STATUSES


@dataclass
class SectionNode(HoldsItems):
    section: Section
    bodies: list[Body]
    initiatives: list[InitiativeNode] = field(default_factory=list)
    items: dict[str, list] = field(default_factory=_no_items)

    is_closed = False
    status_value = None  # a section has no status updates of its own

    @property
    def responsibility_text(self):
        return self.section.responsibility_text

    def state_items(self) -> list:
        return self.own_state_items() + [
            item for node in self.initiatives for item in node.own_state_items()
        ]

    @property
    def rollup(self):
        return rollup(self.initiatives)


@dataclass
class PlanTree:
    plan: Plan
    sections: list[SectionNode]
    when: datetime | None = None
    # The plan's parties as they were (as of `when`); None: the plan's own, now.
    parties_then: list | None = None

    @property
    def parties(self):
        return self.plan.parties.all() if self.parties_then is None else self.parties_then

    @property
    def initiatives(self):
        return [node for section in self.sections for node in section.initiatives]

    @property
    def rollup(self):
        return rollup(self.initiatives)

    def state_items(self) -> list:
        return [item for section in self.sections for item in section.state_items()]

    def entries(self, today: date) -> list[Entry]:
        """Every dated thing in the plan, in time order (by end; open and unknown last)."""
        found = []
        for section in self.sections:
            for owner, node in [(None, section), *[(n.initiative, n) for n in section.initiatives]]:
                for kind in TIMELINE_KINDS:
                    for item in node.items[kind.tree_list]:
                        # An event is on the timeline only when dated; once past it has
                        # happened, it has not fallen behind.
                        if kind.is_event and not item.period_text:
                            continue
                        overdue = item.period.is_overdue(today, closed=item.closed)
                        found.append(Entry(item, kind, section.section, owner, overdue))
        return sorted(found, key=lambda entry: entry.period.sort_key())


def rollup(initiatives: list[InitiativeNode]) -> list[tuple[str, str, int]]:
    """(status value, label, count) in the order of StatusUpdate.Status, then those without."""
    counts = Counter(node.status_value for node in initiatives)
    rows = [
        (value, label, counts[value])
        for value, label in StatusUpdate.Status.choices
        if counts[value]
    ]
    if counts[None]:
        rows.append(("none", NO_STATUS, counts[None]))
    return rows


def _by_position(items):
    return sorted(items, key=lambda item: (item.position, getattr(item, "number", 0), item.pk))


def _assemble(
    plan, sections, initiatives, items, bodies_of, statuses, states, when=None
) -> PlanTree:
    section_nodes = {
        s.pk: SectionNode(s, bodies_of.get(("section", s.pk), [])) for s in _by_position(sections)
    }
    initiative_nodes = {}
    for initiative in sorted(initiatives, key=lambda i: (i.position, i.letter, i.pk)):
        if initiative.section_id not in section_nodes:
            continue
        initiative.section = section_nodes[initiative.section_id].section  # no query per anchor
        node = InitiativeNode(initiative, bodies_of.get(("initiative", initiative.pk), []))
        history = statuses.get(initiative.pk, [])
        node.status, node.earlier_statuses = (history[0], history[1:]) if history else (None, [])
        initiative_nodes[initiative.pk] = node
        section_nodes[initiative.section_id].initiatives.append(node)
    for kind in ITEM_KINDS:
        for row in _by_position(items[kind.tree_list]):
            owner = initiative_nodes.get(row.initiative_id) or section_nodes.get(row.section_id)
            if owner is not None:
                row.state = states.get((kind.key, row.pk))
                row.closed = item_closed(kind, row.state and row.state.state, owner.status_value)
                owner.items[kind.tree_list].append(row)
    return PlanTree(plan=plan, sections=list(section_nodes.values()), when=when)


def _statuses_by_initiative(status_updates) -> dict[int, list[StatusUpdate]]:
    grouped = defaultdict(list)
    for update in sorted(status_updates, key=lambda u: (u.date, u.created_at), reverse=True):
        grouped[update.initiative_id].append(update)
    return grouped


def _state_reports(plan: Plan, until: datetime | None = None):
    """The plan's state reports (those made by `until`): a report is never changed, only
    followed by a newer one, so the state at a moment is the newest report made before it."""
    reports = StateReport.objects.filter(plan_id=plan.pk).select_related("reported_by")
    return reports if until is None else reports.filter(reported_at__lte=until)


def _links(model, kind: str, **in_plan):
    """The links of the plan's sections or initiatives (`model`, filtered by `in_plan`) to
    their responsible bodies, as (`kind`, owner's pk, body's pk) rows: no instances."""
    field = model.responsible_bodies.field
    owner = field.m2m_field_name()
    return (
        field.remote_field.through.objects.filter(
            **{f"{owner}__{name}": value for name, value in in_plan.items()}
        )
        .annotate(kind=Value(kind, output_field=CharField()))
        .values_list("kind", f"{owner}_id", "body_id")
        .order_by()
    )


def _shown_bodies(links: list, rows: dict[str, list]) -> dict[int, Body]:
    """Every body the tree shows (responsible for a section or an initiative, or named by an
    item: `kind.shows`), by pk in the register's order: one query, by the pks the links and
    items hold (none when they name no body). Each body is one row, where selecting it with
    its links and items made it one a row (a fifth of the tree's rows at 10x the Skåne plan,
    each read again by the sections' digest)."""
    named = {body for _kind, _owner, body in links}
    for kind in ITEM_KINDS:
        for name in kind.shows:
            attname = kind.model._meta.get_field(name).attname
            named.update(getattr(row, attname) for row in rows[kind.tree_list])
    named.discard(None)
    return Body.objects.filter(pk__in=sorted(named)).order_by("name", "pk").in_bulk()


def _responsible_bodies(links, bodies: dict[int, Body]) -> dict[tuple[str, int], list[Body]]:
    """The links' bodies by (kind, owner's pk), in the register's order (that of `bodies`); a
    link to a body deleted since it was read is left out."""
    place = {pk: index for index, pk in enumerate(bodies)}
    grouped = defaultdict(list)
    for kind, owner, body in sorted(
        (link for link in links if link[2] in place), key=lambda link: place[link[2]]
    ):
        grouped[(kind, owner)].append(bodies[body])
    return grouped


def _show_bodies(rows: dict[str, list], bodies: dict[int, Body]) -> None:
    """Give each item the bodies it shows (`kind.shows`) as if selected with it."""
    for kind in ITEM_KINDS:
        for name in kind.shows:
            field = kind.model._meta.get_field(name)
            for row in rows[kind.tree_list]:
                field.set_cached_value(row, bodies.get(getattr(row, field.attname)))


def plan_tree(plan: Plan, *, items: bool = True) -> PlanTree:
    """The plan as it is now: 9 queries whatever its size (one fewer when it names no body).
    Without `items`, its sections, initiatives, bodies and statuses only (five queries): enough
    for the plan page around sections stored in the cache (plans.workbench.stored_sections),
    where the items are 65 % of the request at 10x the Skåne plan.

    Rows only: an item is loaded without `select_related()`, which with no names follows
    every foreign key (each item's section, initiative and plan loaded again), and the links
    to responsible bodies as pks."""
    sections = list(Section.objects.filter(plan=plan))
    initiatives = list(Initiative.objects.filter(section__plan=plan))
    responsible = list(
        _links(Section, "section", plan=plan).union(
            _links(Initiative, "initiative", section__plan=plan), all=True
        )
    )
    rows = {
        kind.tree_list: list(kind.model.objects.filter(section__plan=plan)) if items else []
        for kind in ITEM_KINDS
    }
    bodies = _shown_bodies(responsible, rows)
    _show_bodies(rows, bodies)
    statuses = StatusUpdate.objects.filter(initiative__section__plan=plan).select_related("author")
    return _assemble(
        plan,
        sections,
        initiatives,
        rows,
        _responsible_bodies(responsible, bodies),
        _statuses_by_initiative(statuses),
        latest_states(_state_reports(plan)) if items else {},
    )


def bodies_by_history_id(model, history_ids) -> dict[int, list[Body]]:
    """Responsible bodies as they were in given historical records (simple-history's m2m tables)."""
    recorded = recorded_links_model(model, "responsible_bodies")
    rows = recorded.objects.filter(history_id__in=list(history_ids)).select_related("body")
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.history_id].append(row.body)
    return grouped


def _historical_bodies(model, instances, kind) -> dict:
    by_history = bodies_by_history_id(model, [i._history.history_id for i in instances])
    return {(kind, i.pk): by_history.get(i._history.history_id, []) for i in instances}


def _attach_related(rows, name: str) -> None:
    """Set each row's foreign key `name` to the object it names today (None when gone)."""
    if not rows:
        return
    model = type(rows[0])._meta.get_field(name).related_model
    found = model.objects.in_bulk({getattr(row, f"{name}_id") for row in rows} - {None})
    for row in rows:
        setattr(row, name, found.get(getattr(row, f"{name}_id")))


class PlanDidNotExist(Http404):
    pass


def plan_tree_as_of(plan: Plan, when: datetime, *, reports_now: bool = False) -> PlanTree:
    """The plan as it stood at `when`, rebuilt from the history tables (fixed queries), with
    its initiatives' status updates and its items' reported states as they stood then.

    `reports_now`: the status updates and reported states as they are now, not as they were.
    Reporting is not plan content: the public reads a plan under revision as last published,
    followed up today."""
    try:
        plan_then = plan.history.as_of(when)
    except Plan.DoesNotExist as error:
        raise PlanDidNotExist(
            _("Planen fanns inte %(date)s.") % {"date": f"{when:%Y-%m-%d}"}
        ) from error
    sections = list(Section.history.as_of(when).filter(plan_id=plan.pk))
    section_ids = [s.pk for s in sections]
    initiatives = list(Initiative.history.as_of(when).filter(section_id__in=section_ids))
    bodies_of = _historical_bodies(Section, sections, "section") | _historical_bodies(
        Initiative, initiatives, "initiative"
    )
    items = {}
    for kind in ITEM_KINDS:
        rows = list(kind.model.history.as_of(when).filter(section_id__in=section_ids))
        for name in kind.shows:  # as the current tree selects them: one query, not one a row
            _attach_related(rows, name)
        items[kind.tree_list] = rows
    updates = (
        StatusUpdate.objects.select_related("author")
        if reports_now
        else StatusUpdate.history.as_of(when)
    )
    statuses = updates.filter(initiative_id__in=[i.pk for i in initiatives])
    state_reports = _state_reports(plan, None if reports_now else when)
    tree = _assemble(
        plan_then,
        sections,
        initiatives,
        items,
        bodies_of,
        _statuses_by_initiative(statuses),
        latest_states(state_reports),
        when,
    )
    tree.parties_then = _parties_then(plan_then)
    return tree


def _parties_then(plan_then) -> list:
    """The parties recorded with the plan's historical row (simple-history's m2m table)."""
    rows = plan_then._history.parties.select_related("organisation")
    return sorted((row.organisation for row in rows), key=lambda party: party.name)


def plan_tree_as_of_or_empty(plan: Plan, when: datetime) -> PlanTree:
    """Before the plan existed there was nothing: comparing from then shows everything as added."""
    try:
        return plan_tree_as_of(plan, when)
    except PlanDidNotExist:
        return PlanTree(plan=plan, sections=[], when=when)


def plan_version_get(*, plan: Plan, number: int) -> PlanVersion:
    return get_object_or_404(
        plan.versions.select_related("decision__body").prefetch_related("decision__case_numbers"),
        number=number,
    )
