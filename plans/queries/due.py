"""What is due: overdue and coming milestones and follow-ups across the visible plans
(Bevakning), and the plan sections of a body's page."""

from datetime import date

from django.db.models import OuterRef, Q, Subquery

from governance.models import Body
from plans.kinds import DUE_KINDS, Kind
from plans.models import FollowUp, Initiative, Plan, Section, StateReport, StatusUpdate
from plans.queries.plans import can_see_drafts, plans_visible_to, public_faces
from plans.queries.states import item_closed
from plans.queries.tree import Entry, PlanTree
from plans.queries.versions import published_tree


def _read_in_last_version(user, plans):
    """Split visible plans into those read live (everything, for those who may read drafts;
    published and adopted plans, unchanged since) and those whose readers get the last
    published or adopted version: a plan under revision, or closed after one. The second
    are few; each costs the fixed queries of one tree."""
    if can_see_drafts(user):
        return plans, []
    frozen = plans.exclude(status__in=Plan.PUBLIC_STATUSES).select_related("public_version")
    return plans.filter(status__in=Plan.PUBLIC_STATUSES), public_faces(list(frozen))


def due_entries(
    *,
    user,
    today: date,
    horizon: date,
    body: Body | None = None,
    organisation=None,
    plan_ids=None,
):
    """Milestones and follow-ups across visible plans (those of `plan_ids`, when given) that
    are overdue or due before `horizon`."""
    plans = plans_visible_to(user).exclude(status=Plan.Status.CLOSED)
    if organisation is not None:
        plans = plans.filter(parties=organisation)
    if plan_ids is not None:
        plans = plans.filter(pk__in=plan_ids)
    plans, in_last_version = _read_in_last_version(user, plans)
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
    for plan in in_last_version:
        results += _due_in_tree(published_tree(plan), today=today, horizon=horizon, body=body)
    # Stable: entries of the same time keep the plans' reading order.
    return sorted(results, key=lambda entry: entry.period.sort_key())


def _due_in_tree(tree: PlanTree, *, today: date, horizon: date, body: Body | None):
    """What `due_entries` finds, read from a tree (a plan's last version): the same kinds,
    horizon, open initiatives and responsible body, as the tree had them."""
    closed = {node.initiative.pk for node in tree.initiatives if node.is_closed}
    bodies = {(node.section.pk, None): node.bodies for node in tree.sections} | {
        (node.initiative.section_id, node.initiative.pk): node.bodies for node in tree.initiatives
    }
    found = []
    for entry in tree.entries(today):
        item = entry.item
        if entry.kind not in DUE_KINDS or item.period_end is None or item.period_end > horizon:
            continue
        if item.initiative_id in closed or item.closed:  # nothing to watch
            continue
        if body is not None:
            responsible = [*bodies.get((item.section_id, None), [])]
            responsible += bodies.get((item.section_id, item.initiative_id), [])
            if body not in responsible and getattr(item, "reported_to_id", None) != body.pk:
                continue
        found.append(_placed(entry, tree.plan))
    return found


def _placed(entry: Entry, plan: Plan) -> Entry:
    """Give a tree entry's item its section (with the plan) and initiative, as the lists
    across plans select them, so that showing it costs no query."""
    entry.section.plan = plan
    entry.item.section, entry.item.initiative = entry.section, entry.initiative
    return entry


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
    receives. Three queries whatever the number of plans (and a tree for each plan the
    reader reads in its last version)."""
    plans, in_last_version = _read_in_last_version(user, plans_visible_to(user))
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
    for plan in in_last_version:
        tree = published_tree(plan)
        for node in tree.sections:
            node.section.plan = tree.plan
            if body in node.bodies:
                sections.append(node.section)
            for child in node.initiatives:
                if body in child.bodies:
                    initiatives.append(child.initiative)
        follow_ups += [
            _placed(entry, tree.plan).item
            for entry in tree.entries(date.min)
            if entry.kind.model is FollowUp and entry.item.reported_to_id == body.pk
        ]
    if not (sections or initiatives or follow_ups):
        return None
    return (
        "plans/includes/body_responsibilities.html",
        {"sections": sections, "initiatives": initiatives, "follow_ups": follow_ups},
    )
