"""What the follow-up round pages read: every item with its state in the round, who has
reported and who has not, and how the round compares with the previous closed one.

An open round shows the plan as it is; a closed round the plan as it stood when it closed,
with the reports made by then, so its page reads the same forever. Overdue is judged on
the round's reporting date, by the one rule (queries.item_closed, core.periods.is_overdue).
A round page costs a fixed number of queries whatever the size of the plan.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from core.access import has_permission, require_permission
from core.periods import is_overdue
from plans import queries
from plans.kinds import STATE_KINDS, Kind
from plans.models import FollowUpRound, Plan, StateReport

# Forward is towards done; struck is counted apart (neither forward nor back).
STATE_ORDER = {
    None: 0,
    StateReport.State.PLANNED: 0,
    StateReport.State.IN_PROGRESS: 1,
    StateReport.State.DONE: 2,
}


def state_anchor(kind: Kind, item) -> str:
    """Where a round's page lists an item."""
    return f"lage-{kind.key}-{item.pk}"


def round_get_for_view(*, user, slug: str, number: int) -> FollowUpRound:
    """A round of a plan the user may read: closed rounds of public plans are public; open
    rounds, and rounds of drafts, need the permission to read drafts."""
    plan = queries.plan_get_for_view(user=user, slug=slug)
    follow_up_round = get_object_or_404(
        plan.rounds.select_related("opened_by", "closed_by"), number=number
    )
    follow_up_round.plan = plan
    if not follow_up_round.is_public:
        require_permission(
            user,
            queries.DRAFT_PERMISSION,
            _("Du har inte behörighet att läsa uppföljningar som pågår."),
        )
    return follow_up_round


def rounds_visible_to(user, plan: Plan) -> list[FollowUpRound]:
    rounds = plan.rounds.all()
    if not queries.can_see_drafts(user):
        rounds = rounds.filter(closed_at__isnull=False)
    return list(rounds)


def can_run_rounds(user, plan: Plan) -> bool:
    """The plan's owner side opens and closes rounds: those who may edit it and adopt plans."""
    return has_permission(user, "plans.adopt_plan") and queries.can_edit(user, plan)


def require_run_rounds(user, plan: Plan) -> None:
    require_permission(
        user, "plans.adopt_plan", _("Du har inte behörighet att öppna och stänga uppföljningar.")
    )
    if not queries.can_edit(user, plan):
        raise PermissionDenied(_("Du är inte redaktör för den här planen."))


@dataclass
class RoundItem:
    """An item as the round sees it."""

    item: object
    kind: Kind
    section: object
    initiative: object | None
    report: StateReport | None  # the newest report in this round
    state: StateReport | None  # the state as of the round (reported in it or before)
    overdue: bool
    before: StateReport | None = None  # the state as of the previous closed round
    was_overdue: bool = False

    @property
    def anchor(self) -> str:
        """Where the round's page lists the item."""
        return state_anchor(self.kind, self.item)

    @property
    def state_value(self):
        return self.state.state if self.state else None

    @property
    def before_value(self):
        return self.before.state if self.before else None


@dataclass
class Group:
    """An initiative (or an area's own items): its items, and who reported them."""

    section: object
    initiative: object | None
    items: list[RoundItem] = field(default_factory=list)

    @property
    def reported(self) -> int:
        return sum(1 for entry in self.items if entry.report)

    @property
    def reporters(self) -> list:
        seen = {}
        for entry in self.items:
            if entry.report and entry.report.reported_by:
                seen.setdefault(entry.report.reported_by.pk, entry.report.reported_by)
        return list(seen.values())

    @property
    def complete(self) -> bool:
        return self.reported == len(self.items)


@dataclass
class Comparison:
    previous: FollowUpRound | None
    forward: list[RoundItem] = field(default_factory=list)
    back: list[RoundItem] = field(default_factory=list)
    struck: list[RoundItem] = field(default_factory=list)
    newly_overdue: list[RoundItem] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        return not (self.forward or self.back or self.struck or self.newly_overdue)


@dataclass
class RoundPage:
    round: FollowUpRound
    tree: queries.PlanTree
    groups: list[Group]
    reporters: list[tuple[object, int]]  # (user, items reported in the round)
    comparison: Comparison

    @property
    def items(self) -> list[RoundItem]:
        return [entry for group in self.groups for entry in group.items]

    @property
    def summary(self):
        """The round's roll-up, on its reporting date."""
        items = self.items
        if not items:
            return None
        states = [entry.state_value for entry in items]
        struck = states.count(StateReport.State.STRUCK)
        return queries.StateSummary(
            total=len(items) - struck,
            done=states.count(StateReport.State.DONE),
            struck=struck,
            overdue=sum(entry.overdue for entry in items),
        )

    @property
    def reported(self) -> int:
        return sum(1 for entry in self.items if entry.report)

    @property
    def not_reported(self) -> list[tuple[object, int]]:
        return [(user, count) for user, count in self.reporters if not count]


def _status_at(node, moment) -> str | None:
    """An initiative's status as it stood at `moment` (its updates are newest first)."""
    for update in [node.status, *node.earlier_statuses] if node.status else []:
        if moment is None or update.created_at <= moment:
            return update.status
    return None


def previous_closed_round(follow_up_round: FollowUpRound) -> FollowUpRound | None:
    return (
        FollowUpRound.objects.filter(
            plan_id=follow_up_round.plan_id,
            closed_at__isnull=False,
            number__lt=follow_up_round.number,
        )
        .order_by("-number")
        .first()
    )


def _round_tree(plan: Plan, closed_at, user) -> queries.PlanTree:
    """The plan the round reported on: while open, as it is (open rounds need the permission
    to read drafts); once closed, as it stood at closing for those who may read drafts, and
    for everyone else as last published or adopted by then, never an unpublished edit."""
    if closed_at is None:
        return queries.plan_tree(plan)
    try:
        return queries.tree_at(plan, closed_at, user)
    except queries.NotPublicThen:
        return queries.PlanTree(plan=plan, sections=[], when=closed_at, parties_then=[])


def round_page(follow_up_round: FollowUpRound, *, user) -> RoundPage:
    plan = follow_up_round.plan
    closed_at = follow_up_round.closed_at
    tree = _round_tree(plan, closed_at, user)
    previous = previous_closed_round(follow_up_round)
    reports = list(
        StateReport.objects.filter(plan_id=plan.pk, reported_at__lte=closed_at)
        if closed_at
        else StateReport.objects.filter(plan_id=plan.pk)
    )
    in_round = queries.latest_states(r for r in reports if r.round_id == follow_up_round.pk)
    before = (
        queries.latest_states(r for r in reports if r.reported_at <= previous.closed_at)
        if previous
        else {}
    )
    users = {u.pk: u for u in follow_up_round.reporters.all()}
    # Who reported, without a query per report: the round's reporters, and anyone else.
    others = {r.reported_by_id for r in in_round.values()} - set(users) - {None}
    if others:
        users |= get_user_model().objects.in_bulk(others)
    for report in reports:
        report.reported_by = users.get(report.reported_by_id)
    groups = []
    for section in tree.sections:
        for node, initiative in [
            (section, None),
            *[(n, n.initiative) for n in section.initiatives],
        ]:
            group = Group(section.section, initiative)
            for kind in STATE_KINDS:
                for item in node.items[kind.tree_list]:
                    key = (kind.key, item.pk)
                    entry = RoundItem(
                        item=item,
                        kind=kind,
                        section=section.section,
                        initiative=initiative,
                        report=in_round.get(key),
                        state=item.state,
                        overdue=is_overdue(
                            item.period_end,
                            today=follow_up_round.reporting_date,
                            closed=item.closed,
                        ),
                    )
                    if previous:
                        entry.before = before.get(key)
                        status_then = _status_at(node, previous.closed_at) if initiative else None
                        entry.was_overdue = is_overdue(
                            item.period_end,
                            today=previous.reporting_date,
                            closed=queries.item_closed(kind, entry.before_value, status_then),
                        )
                    group.items.append(entry)
            if group.items:
                groups.append(group)
    counts = defaultdict(int)
    for report in in_round.values():
        counts[report.reported_by_id] += 1
    reporters = [(user, counts[pk]) for pk, user in users.items()]
    reporters.sort(key=lambda pair: (pair[0].get_full_name() or pair[0].get_username()).lower())
    page = RoundPage(follow_up_round, tree, groups, reporters, Comparison(previous))
    if previous:
        _compare(page)
    return page


def _compare(page: RoundPage) -> None:
    """What moved forward, what slipped back, what was struck and what fell overdue since the
    previous closed round."""
    comparison = page.comparison
    for entry in page.items:
        now, then = entry.state_value, entry.before_value
        if now != then:
            if now == StateReport.State.STRUCK:
                comparison.struck.append(entry)
            elif then != StateReport.State.STRUCK and STATE_ORDER[now] > STATE_ORDER[then]:
                comparison.forward.append(entry)
            elif then != StateReport.State.STRUCK and STATE_ORDER[now] < STATE_ORDER[then]:
                comparison.back.append(entry)
        if entry.overdue and not entry.was_overdue:
            comparison.newly_overdue.append(entry)


def latest_closed_round(plan: Plan, *, before: date | None = None) -> FollowUpRound | None:
    """The plan's newest closed round (closed by the end of `before`, when given)."""
    rounds = plan.rounds.filter(closed_at__isnull=False)
    if before is not None:
        rounds = rounds.filter(closed_at__date__lte=before)
    return rounds.order_by("-number").first()
