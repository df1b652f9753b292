"""The plan's history: every change to the plan, its sections, initiatives and items (who,
when, what, field by field) for those who may read drafts; for the public, only the changes
between the plan's published and adopted versions, so no edit of a draft or a revision ever
shows.

A fixed number of queries whatever the size of the plan or of its history: every historical
row of the plan's content is read once (one query per model, and one per many-to-many
table), diffed in memory, and the versions are rebuilt from the same rows as plan trees
(`queries.tree._assemble`) and compared like any two trees (`plans.compare`).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models import Framework
from core.history import CHANGE_KINDS, FieldChange
from governance.models import Body
from plans.compare import Comparison, compare
from plans.kinds import INITIATIVE_KIND, ITEM_KINDS, KINDS, SECTION_KIND, Kind
from plans.models import Plan, PlanVersion
from plans.queries import PlanTree
from plans.queries.tree import _assemble

PLAN_LABEL = gettext_lazy("Planen")
# Bookkeeping, not content: the lost-update counter, and the dates a period's words give.
NOT_SHOWN = {
    "revision",
    "period_start",
    "period_end",
    "period_precision",
    "period_recurring",
    "public_version",
}
M2M = {
    Plan: ("parties", "organisation"),
    **{k.model: ("responsible_bodies", "body") for k in KINDS[:2]},
}


@dataclass
class PlanChange:
    """One saved change of one thing in the plan."""

    when: datetime
    who: str
    user_id: int | None
    kind_key: str  # "plan" or a kind's URL word, for the filter
    kind_label: str
    label: str  # which section, initiative or item
    action: str  # in words: Skapad, Ändrad, Borttagen
    history_type: str
    reason: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class VersionChanges:
    """What a published or adopted version changed since the one before it."""

    version: PlanVersion
    previous: PlanVersion | None
    comparison: Comparison


class _Rows:
    """Every historical row of a plan's content, by model, with what they refer to."""

    def __init__(self, plan: Plan):
        self.by_model = {Plan: list(Plan.history.filter(id=plan.pk).select_related("history_user"))}
        sections = list(
            SECTION_KIND.model.history.filter(plan_id=plan.pk).select_related("history_user")
        )
        self.by_model[SECTION_KIND.model] = sections
        section_ids = {row.id for row in sections}
        for kind in KINDS[1:]:
            self.by_model[kind.model] = list(
                kind.model.history.filter(section_id__in=section_ids).select_related("history_user")
            )
        for rows in self.by_model.values():
            rows.sort(key=lambda row: (row.history_date, row.history_id))
        self.m2m = {model: self._m2m(model, *names) for model, names in M2M.items()}
        body_ids = {
            row.reported_to_id
            for kind in ITEM_KINDS
            for row in self.by_model[kind.model]
            if getattr(row, "reported_to_id", None)
        } | {row.owner_body_id for row in self.by_model[Plan] if row.owner_body_id}
        self.bodies = Body.objects.in_bulk(body_ids)
        frameworks = {row.framework_id for row in self.by_model[Plan] if row.framework_id}
        self.frameworks = Framework.objects.in_bulk(frameworks)
        # What a section or initiative is called, by its latest row (for items that moved).
        self.section_of = {row.id: row for row in sections}
        self.initiative_of = {row.id: row for row in self.by_model[INITIATIVE_KIND.model]}

    def _m2m(self, model, name: str, target: str) -> dict[int, list]:
        rows = self.by_model[model]
        through = model.history.model._meta.get_field(f"historical{model._meta.model_name}_{name}")
        grouped = defaultdict(list)
        for row in through.related_model.objects.filter(
            history_id__in=[r.history_id for r in rows]
        ).select_related(target):
            grouped[row.history_id].append(getattr(row, target))
        return grouped

    # --- labels -----------------------------------------------------------------------

    def label(self, model, row) -> str:
        if model is Plan:
            return str(PLAN_LABEL)
        if model is SECTION_KIND.model:
            return f"{row.number}. {row.title}"
        section = self.section_of.get(row.section_id)
        number = section.number if section else "?"
        if model is INITIATIVE_KIND.model:
            return f"{number}{row.letter}) {row.title}"
        initiative = self.initiative_of.get(row.initiative_id)
        place = f"{number}{initiative.letter})" if initiative else f"{number}."
        return f"{place} {row.text[:80]}"

    def show(self, model_field, value) -> str:
        if value in (None, ""):
            return "–"
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if model_field.is_relation:
            target = {
                Body: self.bodies,
                Framework: self.frameworks,
                SECTION_KIND.model: {
                    k: self.label(SECTION_KIND.model, v) for k, v in self.section_of.items()
                },
                INITIATIVE_KIND.model: {
                    k: self.label(INITIATIVE_KIND.model, v) for k, v in self.initiative_of.items()
                },
            }.get(model_field.related_model, {})
            found = target.get(value)
            return str(found) if found is not None else _("(borttagen, id %(id)s)") % {"id": value}
        if isinstance(value, date):
            return f"{value:%Y-%m-%d}"
        return str(value)

    # --- diffs ------------------------------------------------------------------------

    def fields(self, model, older, newer) -> list[FieldChange]:
        changes = []
        for model_field in model._meta.concrete_fields:
            if model_field.primary_key or model_field.name in NOT_SHOWN:
                continue
            if model is not Plan and model_field.name == "plan":
                continue
            before = getattr(older, model_field.attname) if older else None
            after = getattr(newer, model_field.attname)
            if before != after and (older or after not in (None, "")):
                changes.append(
                    FieldChange(
                        capfirst(str(model_field.verbose_name)),
                        self.show(model_field, before),
                        self.show(model_field, after),
                        # A choice reads back as its label in the reader's language.
                        is_content=not model_field.choices,
                    )
                )
        if model in self.m2m:
            name = M2M[model][0]
            before = (
                sorted(str(o) for o in self.m2m[model].get(older.history_id, [])) if older else []
            )
            after = sorted(str(o) for o in self.m2m[model].get(newer.history_id, []))
            if before != after:
                label = capfirst(str(model._meta.get_field(name).verbose_name))
                changes.append(
                    FieldChange(label, ", ".join(before) or "–", ", ".join(after) or "–")
                )
        return changes

    def changes(self) -> list[PlanChange]:
        found = []
        for model, rows in self.by_model.items():
            kind = None if model is Plan else _kind_of(model)
            previous = {}
            for row in rows:
                older = previous.get(row.id)
                previous[row.id] = row
                user = row.history_user
                found.append(
                    PlanChange(
                        when=row.history_date,
                        who=(user.get_full_name() or user.get_username())
                        if user
                        else _("Systemet"),
                        user_id=row.history_user_id,
                        kind_key=kind.word if kind else "plan",
                        kind_label=str(kind.label) if kind else str(PLAN_LABEL),
                        label=self.label(model, row),
                        action=str(CHANGE_KINDS.get(row.history_type, row.history_type)),
                        history_type=row.history_type,
                        reason=row.history_change_reason or "",
                        fields=[] if row.history_type == "-" else self.fields(model, older, row),
                    )
                )
        return sorted(found, key=lambda change: change.when, reverse=True)

    # --- the plan as it stood ---------------------------------------------------------

    def tree_at(self, plan: Plan, when: datetime) -> PlanTree:
        """The plan's content at `when`, from the rows in memory (no query)."""

        def alive(model):
            latest = {}
            for row in self.by_model[model]:
                if row.history_date <= when:
                    latest[row.id] = row
            return [row for row in latest.values() if row.history_type != "-"]

        sections = alive(SECTION_KIND.model)
        initiatives = alive(INITIATIVE_KIND.model)
        bodies_of = {}
        for key, kind, rows in (
            ("section", SECTION_KIND, sections),
            ("initiative", INITIATIVE_KIND, initiatives),
        ):
            bodies = self.m2m[kind.model]
            bodies_of |= {(key, row.id): bodies.get(row.history_id, []) for row in rows}
        items = {kind.tree_list: [r.instance for r in alive(kind.model)] for kind in ITEM_KINDS}
        return _assemble(
            plan,
            [r.instance for r in sections],
            [r.instance for r in initiatives],
            items,
            bodies_of,
            {},  # status updates and reported states are reporting, not plan content
            {},
            when,
        )


def _kind_of(model) -> Kind:
    return next(kind for kind in KINDS if kind.model is model)


KIND_CHOICES = [("plan", PLAN_LABEL), *[(kind.word, kind.label) for kind in KINDS]]


def plan_changes(plan: Plan) -> list[PlanChange]:
    """Every change to the plan and its content, newest first (for those who may read drafts)."""
    return _Rows(plan).changes()


def version_changes(plan: Plan) -> list[VersionChanges]:
    """Each published or adopted version and what it changed since the one before, newest
    first: the public history of the plan."""
    versions = list(
        plan.versions.select_related("decision__body")
        .prefetch_related("decision__case_numbers")
        .order_by("number")
    )
    if not versions:
        return []
    rows = _Rows(plan)
    found, before = [], PlanTree(plan=plan, sections=[])
    previous = None
    for version in versions:
        tree = rows.tree_at(plan, version.frozen_at)
        found.append(VersionChanges(version, previous, compare(before, tree)))
        before, previous = tree, version
    return list(reversed(found))


def _in_range(moment: datetime, start: date | None, end: date | None) -> bool:
    day = timezone.localdate(moment)
    return (start is None or day >= start) and (end is None or day <= end)


def filter_changes(changes, *, kind=None, person=None, start=None, end=None):
    """The changes of one kind of thing, by one person, within dates (each filter optional)."""
    return [
        change
        for change in changes
        if (not kind or change.kind_key == kind)
        and (person is None or change.user_id == person)
        and _in_range(change.when, start, end)
    ]


def filter_versions(versions, *, kind=None, start=None, end=None):
    """The versions frozen within dates, each with only the changes of one kind of thing."""
    found = []
    for entry in versions:
        if not _in_range(entry.version.frozen_at, start, end):
            continue
        if kind:
            comparison = entry.comparison
            entry = VersionChanges(
                entry.version,
                entry.previous,
                Comparison(
                    added=[item for item in comparison.added if item.kind.word == kind],
                    removed=[item for item in comparison.removed if item.kind.word == kind],
                    changed=[c for c in comparison.changed if c.kind.word == kind],
                ),
            )
        found.append(entry)
    return found
