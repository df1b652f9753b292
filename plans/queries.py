"""What the plan pages read: the plan tree (now, or as it stood at a moment), the timeline
and what is due. Each costs a fixed number of queries whatever the size of the plan."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.access import LoginRequired, has_permission, require_visible
from core.periods import is_overdue
from governance.models import Body
from plans.kinds import DUE_KINDS, ITEM_KINDS, STATE_KINDS, TIMELINE_KINDS, Kind
from plans.models import (
    FollowUp,
    Initiative,
    Plan,
    PlanVersion,
    Section,
    StateReport,
    StatusUpdate,
)

CLOSED_STATUSES = (StatusUpdate.Status.DONE, StatusUpdate.Status.CANCELLED)
CLOSING_STATES = (StateReport.State.DONE, StateReport.State.STRUCK)
NO_STATUS = gettext_lazy("Ingen status")


def item_closed(kind: Kind, state: str | None, initiative_status: str | None) -> bool:
    """Whether an item can no longer fall behind: the one place that decides the `closed`
    given to core.periods.is_overdue for an item, on the plan page, in Bevakning, on the
    timeline, in the PDF, in board reports and in follow-up rounds.

    An event (a dated activity) has happened once its time is past; an item reported done
    (klar) or struck (struken) is finished; and nothing under an initiative whose latest
    status is done or cancelled is still expected."""
    return kind.is_event or state in CLOSING_STATES or initiative_status in CLOSED_STATUSES


DRAFT_PERMISSION = "plans.view_plan"


def can_see_drafts(user) -> bool:
    return has_permission(user, DRAFT_PERMISSION)


def plans_visible_to(user):
    plans = Plan.objects.all()
    if not can_see_drafts(user):
        plans = plans.exclude(status=Plan.Status.DRAFT)
    return plans


def plan_get_for_view(*, user, slug: str) -> Plan:
    plan = get_object_or_404(
        Plan.objects.select_related("owner_body", "framework").prefetch_related("parties"),
        slug=slug,
    )
    require_visible(user, plan, draft_permission=DRAFT_PERMISSION)
    return plan


# --- the tree ------------------------------------------------------------------------


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
        return sorted(found, key=lambda entry: entry.item.period.sort_key())


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


@dataclass(frozen=True)
class StateSummary:
    """How the items under an initiative, an area or a plan stand: "3 av 5 klara, 1 förfallen".
    Struck items are counted apart, not among those to be done."""

    total: int
    done: int
    struck: int
    overdue: int

    def __str__(self) -> str:
        parts = [
            ngettext("%(done)s av %(total)s klar", "%(done)s av %(total)s klara", self.total)
            % {"done": self.done, "total": self.total}
        ]
        if self.overdue:
            parts.append(
                ngettext("%(n)s förfallen", "%(n)s förfallna", self.overdue) % {"n": self.overdue}
            )
        if self.struck:
            parts.append(
                ngettext("%(n)s struken", "%(n)s strukna", self.struck) % {"n": self.struck}
            )
        return ", ".join(parts)


def state_summary(items, today: date) -> StateSummary | None:
    """The roll-up of tree items (with their `state` and `closed`), or None when there are none."""
    if not items:
        return None
    states = [item.state.state if item.state else None for item in items]
    struck = states.count(StateReport.State.STRUCK)
    return StateSummary(
        total=len(items) - struck,
        done=states.count(StateReport.State.DONE),
        struck=struck,
        overdue=sum(is_overdue(item.period_end, today=today, closed=item.closed) for item in items),
    )


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


def latest_states(reports) -> dict[tuple[str, int], StateReport]:
    """Each item's newest report, by (kind key, item id)."""
    latest = {}
    for report in sorted(reports, key=lambda r: (r.reported_at, r.pk), reverse=True):
        latest.setdefault((report.item_kind, report.item_id), report)
    return latest


def _state_reports(plan: Plan, until: datetime | None = None):
    """The plan's state reports (those made by `until`): a report is never changed, only
    followed by a newer one, so the state at a moment is the newest report made before it."""
    reports = StateReport.objects.filter(plan_id=plan.pk).select_related("reported_by")
    return reports if until is None else reports.filter(reported_at__lte=until)


def plan_tree(plan: Plan) -> PlanTree:
    """The plan as it is now: 10 queries whatever its size."""
    sections = list(Section.objects.filter(plan=plan).prefetch_related("responsible_bodies"))
    initiatives = list(
        Initiative.objects.filter(section__plan=plan).prefetch_related("responsible_bodies")
    )
    bodies_of = {("section", s.pk): list(s.responsible_bodies.all()) for s in sections}
    bodies_of |= {("initiative", i.pk): list(i.responsible_bodies.all()) for i in initiatives}
    items = {
        kind.tree_list: list(
            kind.model.objects.filter(section__plan=plan).select_related(*kind.shows)
        )
        for kind in ITEM_KINDS
    }
    statuses = StatusUpdate.objects.filter(initiative__section__plan=plan).select_related("author")
    return _assemble(
        plan,
        sections,
        initiatives,
        items,
        bodies_of,
        _statuses_by_initiative(statuses),
        latest_states(_state_reports(plan)),
    )


def bodies_by_history_id(model, history_ids) -> dict[int, list[Body]]:
    """Responsible bodies as they were in given historical records (simple-history's m2m tables)."""
    field = model.history.model._meta.get_field(
        f"historical{model._meta.model_name}_responsible_bodies"
    )
    rows = field.related_model.objects.filter(history_id__in=list(history_ids)).select_related(
        "body"
    )
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


def plan_tree_as_of(plan: Plan, when: datetime, *, latest_states_now: bool = False) -> PlanTree:
    """The plan as it stood at `when`, rebuilt from the history tables (fixed queries), with
    its items' reported states as they stood then, or, with `latest_states_now`, as they are
    now (a follow-up is reporting, not plan content: readers of an adopted version see how
    its items stand today)."""
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
    statuses = StatusUpdate.history.as_of(when).filter(
        initiative_id__in=[i.pk for i in initiatives]
    )
    reports = _state_reports(plan, None if latest_states_now else when)
    return _assemble(
        plan_then,
        sections,
        initiatives,
        items,
        bodies_of,
        _statuses_by_initiative(statuses),
        latest_states(reports),
        when,
    )


def plan_tree_as_of_or_empty(plan: Plan, when: datetime) -> PlanTree:
    """Before the plan existed there was nothing: comparing from then shows everything as added."""
    try:
        return plan_tree_as_of(plan, when)
    except PlanDidNotExist:
        return PlanTree(plan=plan, sections=[], when=when)


def plan_version_get(*, plan: Plan, number: int) -> PlanVersion:
    return get_object_or_404(plan.versions.select_related("decision__body"), number=number)


# --- what is due ------------------------------------------------------------------------


def due_entries(*, user, today: date, horizon: date, body: Body | None = None, organisation=None):
    """Milestones and follow-ups across visible plans that are overdue or due before `horizon`."""
    plans = plans_visible_to(user).exclude(status=Plan.Status.CLOSED)
    if organisation is not None:
        plans = plans.filter(parties=organisation)
    scope = Q(section__plan__in=plans, period_end__isnull=False, period_end__lte=horizon)
    results = []
    for kind in DUE_KINDS:
        rows = kind.model.objects.filter(scope).annotate(
            reported_state=_latest_state(kind), initiative_status=_latest_initiative_status()
        )
        if body is not None:
            rows = rows.filter(kind.model.for_body(body))
        # Entries of the same time in the order the plans read (the plans' title, then the
        # place in the plan), on the tables select_related joins anyway.
        rows = (
            rows.select_related("section__plan", "initiative__section")
            .order_by(*READING_ORDER)
            .distinct()
        )
        for row in rows:
            closed = item_closed(kind, row.reported_state, row.initiative_status)
            if not closed:  # done, struck or under a closed initiative: nothing to watch
                overdue = row.period.is_overdue(today, closed=closed)
                results.append(Entry(row, kind, row.section, row.initiative, overdue))
    return sorted(results, key=lambda entry: entry.item.period.sort_key())


READING_ORDER = (
    "section__plan__title",
    "section__position",
    "section__number",
    "initiative__position",
    "initiative__letter",
    "position",
    "id",
)


def _latest_initiative_status():
    """The status of the item's initiative's latest status update (none without one)."""
    latest = StatusUpdate.objects.filter(initiative=OuterRef("initiative")).order_by(
        "-date", "-created_at"
    )
    return Subquery(latest.values("status")[:1])


def _latest_state(kind: Kind):
    """The item's reported state: its newest report's (none before the first)."""
    latest = StateReport.objects.filter(item_kind=kind.key, item_id=OuterRef("pk")).order_by(
        "-reported_at", "-pk"
    )
    return Subquery(latest.values("state")[:1])


def body_plan_section(body: Body, user):
    """For a body's page: what the body is responsible for in plans, and the follow-ups it
    receives. Three queries whatever the number of plans."""
    plans = plans_visible_to(user)
    sections = list(
        Section.objects.filter(plan__in=plans, responsible_bodies=body)
        .select_related("plan")
        .order_by("plan__title", "position", "number")
        .distinct()
    )
    initiatives = list(
        Initiative.objects.filter(section__plan__in=plans, responsible_bodies=body)
        .select_related("section__plan")
        .order_by(
            "section__plan__title", "section__position", "section__number", "position", "letter"
        )
        .distinct()
    )
    follow_ups = list(
        FollowUp.objects.filter(section__plan__in=plans, reported_to=body)
        .select_related("section__plan", "initiative__section")
        .order_by(*READING_ORDER)
    )
    if not (sections or initiatives or follow_ups):
        return None
    return (
        "plans/includes/body_responsibilities.html",
        {"sections": sections, "initiatives": initiatives, "follow_ups": follow_ups},
    )


def can_edit(user, plan: Plan) -> bool:
    """Strategists who are the plan's editors, and register admins, may edit it."""
    if not has_permission(user, "plans.change_plan"):
        return False
    return user.has_perm("plans.edit_every_plan") or plan.editors.filter(pk=user.pk).exists()


def plan_get_for_edit(*, user, slug: str) -> Plan:
    plan = get_object_or_404(Plan, slug=slug)
    if not user.is_authenticated:
        raise LoginRequired
    if not can_edit(user, plan):
        raise PermissionDenied(_("Du är inte redaktör för den här planen."))
    if plan.status == Plan.Status.CLOSED:
        raise PermissionDenied(_("Planen är avslutad och kan inte längre ändras."))
    return plan


def public_tree(plan: Plan, user) -> PlanTree:
    """What a reader sees: during a revision, people who may not read drafts see the adopted version."""
    if plan.status == Plan.Status.UNDER_REVISION and not can_see_drafts(user):
        version = plan.versions.order_by("-number").first()
        if version is not None:
            return plan_tree_as_of(plan, version.frozen_at, latest_states_now=True)
    return plan_tree(plan)
