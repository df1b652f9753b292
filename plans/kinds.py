"""The kinds of plan content, in one table that editing, the plan tree, the timeline, the
comparison, the PDF, history and restore all read, so each kind has one name per use.

A kind (`Kind`) has
- `word`: its URL word (/planer/<slug>/<word>/<pk>/redigera/),
- `key`: what the tree, the timeline, the comparison and the CSS classes (tl-<key>) call it,
- its `model` and edit `form`,
- its Swedish names: `name` (indefinite, the model's verbose name: "Lägg till aktivitet"),
  `definite` (with article: "Ändra aktiviteten") and `label` (in lists, the timeline and
  the comparison: "Aktivitet"),
- its `parent` rule (`Parent`): what it hangs under (the plan, a section, or a section and
  optionally one of its initiatives), which also gives its siblings (positions count among
  them), how to find it in a plan and what to select with it,
- `tree_list`: the name of its list on the plan tree's nodes (items only),
- `shows`: the bodies the plan page shows with each item (foreign keys to Body, each
  body read once with the tree's: plans.queries.tree),
- `compared`: the fields a comparison of two versions shows, with their labels,
- `timeline`: its place among entries of the same time on the timeline (None: not on it),
  and `is_event` (an activity: shown only when dated, and once past it has happened,
  it is never overdue),
- `carries_state`: editors report its state (planerad, pågår, klar, struken: a
  `StateReport`, under its `key`), in the workbench and in follow-up rounds.
Where a kind shows on the plan page is its model's `anchor`.

To add a kind of item (something under a section, or under one of its initiatives):
1. its model in plans/models/items.py, a subclass of `PlanItem` (positions, period, history,
   `anchor` and `plan` come with it), re-exported from plans/models/__init__.py, and
   `makemigrations`;
2. its form in plans/forms/editing.py, a subclass of `RevisionForm`, re-exported from
   plans/forms/__init__.py;
3. its row in KINDS below, in reading order.
Editing (add, edit, delete, move, history, restore, "Borttaget"), the plan tree (now and as
it stood), the timeline, "Bevakning" (when it can be overdue), the comparison and the PDF's
change appendix then know it; its markup on the plan page and in the PDF goes in
plans/markup.py (`LISTS`, `_heading` and `_item`).
"""

from dataclasses import dataclass

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from plans.forms import (
    ActivityForm,
    FollowUpForm,
    InitiativeForm,
    MilestoneForm,
    RevisionForm,
    SectionForm,
)
from plans.models import Activity, FollowUp, Initiative, Milestone, Section


@dataclass(frozen=True)
class Parent:
    """What a kind hangs under: the foreign keys that place it (its siblings share them)."""

    fields: tuple[str, ...]

    @property
    def plan_path(self) -> str:
        """From the kind to its plan: directly, or through its section."""
        return "plan" if self.fields[0] == "plan" else "section__plan"

    @property
    def select_related(self) -> tuple[str, ...]:
        """What a page about one of these needs with it: the plan, and the initiative."""
        return (self.plan_path, *self.fields[1:])

    def in_plan(self, plan) -> dict:
        return {self.plan_path: plan}

    def siblings(self, item) -> dict:
        """The filter for the item and its siblings, among which positions count."""
        return {f"{name}_id": getattr(item, f"{name}_id") for name in self.fields}

    def in_plan_history(self, *, plan_id: int, section_ids) -> dict:
        """The history rows of a plan's content: they keep the ids of parents that are gone."""
        if self.plan_path == "plan":
            return {"plan_id": plan_id}
        return {"section_id__in": section_ids}


PLAN = Parent(("plan",))
SECTION = Parent(("section",))
SECTION_AND_INITIATIVE = Parent(("section", "initiative"))


@dataclass(frozen=True)
class Kind:
    word: str
    key: str
    model: type[models.Model]
    form: type[RevisionForm]
    definite: str
    label: str
    parent: Parent
    compared: dict[str, str]
    tree_list: str | None = None
    timeline: int | None = None
    is_event: bool = False
    carries_state: bool = False
    shows: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """Indefinite, as the model names itself ("aktivitet", "tidplanspunkt")."""
        return self.model._meta.verbose_name

    @property
    def holds_others(self) -> bool:
        """Other kinds hang under it: deleting one deletes them with it."""
        return any(self.key in other.parent.fields for other in KINDS)

    def get(self, plan, pk):
        """One of this kind in the plan, with its plan (and initiative), or 404."""
        return get_object_or_404(
            self.model.objects.select_related(*self.parent.select_related),
            pk=pk,
            **self.parent.in_plan(plan),
        )

    def parents_of(self, record) -> list[tuple["Kind", int | None]]:
        """What an item (or a historical record of one) hung under, below the plan: the
        kind and id of its section, and of its initiative (None when it had none)."""
        return [
            (of(self.model._meta.get_field(name).related_model), getattr(record, f"{name}_id"))
            for name in self.parent.fields
            if name != "plan"
        ]

    def parent_of(self, item):
        """What the item hangs under, the plan aside: its initiative, else its section; None
        for a section."""
        for name in reversed(self.parent.fields):
            if name != "plan" and (found := getattr(item, name)) is not None:
                return found
        return None

    def section_id(self, item) -> int:
        """The section whose block on the plan page shows the item."""
        return item.pk if self.parent is PLAN else item.section_id


SECTION_KIND = Kind(
    word="omrade",
    key="section",
    model=Section,
    form=SectionForm,
    definite=_("området"),
    label=_("Område"),
    parent=PLAN,
    compared={
        "number": _("Nummer"),
        "title": _("Rubrik"),
        "introduction": _("Inledning"),
        "responsibility_text": _("Ansvar"),
    },
)
INITIATIVE_KIND = Kind(
    word="insats",
    key="initiative",
    model=Initiative,
    form=InitiativeForm,
    definite=_("insatsen"),
    label=_("Insats"),
    parent=SECTION,
    compared={
        "letter": _("Bokstav"),
        "title": _("Rubrik"),
        "description": _("Beskrivning"),
        "responsibility_text": _("Ansvar"),
    },
)
ACTIVITY_KIND = Kind(
    word="aktivitet",
    key="activity",
    model=Activity,
    form=ActivityForm,
    definite=_("aktiviteten"),
    label=_("Aktivitet"),
    parent=SECTION_AND_INITIATIVE,
    compared={"text": _("Text"), "period_text": _("Tid"), "note": _("Anteckning")},
    tree_list="activities",
    timeline=3,
    is_event=True,
    carries_state=True,
)
MILESTONE_KIND = Kind(
    word="tidplan",
    key="milestone",
    model=Milestone,
    form=MilestoneForm,
    definite=_("tidplanspunkten"),
    label=_("Tidplan"),
    parent=SECTION_AND_INITIATIVE,
    compared={"text": _("Text"), "period_text": _("Tid")},
    tree_list="milestones",
    timeline=1,
    carries_state=True,
)
FOLLOW_UP_KIND = Kind(
    word="uppfoljning",
    key="follow_up",
    model=FollowUp,
    form=FollowUpForm,
    definite=_("uppföljningen"),
    label=_("Uppföljning"),
    parent=SECTION_AND_INITIATIVE,
    compared={"text": _("Text"), "period_text": _("Tid")},
    tree_list="follow_ups",
    timeline=2,
    shows=("reported_to",),
    carries_state=True,
)

# In reading order: the order of "Borttaget", of the comparison and of a node's items.
KINDS = (SECTION_KIND, INITIATIVE_KIND, ACTIVITY_KIND, MILESTONE_KIND, FOLLOW_UP_KIND)
ITEM_KINDS = tuple(kind for kind in KINDS if kind.tree_list)
# Entries of the same time stand in this order on the timeline and in "Bevakning".
TIMELINE_KINDS = tuple(
    sorted((kind for kind in KINDS if kind.timeline), key=lambda kind: kind.timeline)
)
# What can fall behind: dated things that are not events.
DUE_KINDS = tuple(kind for kind in TIMELINE_KINDS if not kind.is_event)
# What editors report a state of (StateReport.item_kind names them by key).
STATE_KINDS = tuple(kind for kind in ITEM_KINDS if kind.carries_state)

_BY_WORD = {kind.word: kind for kind in KINDS}
_BY_MODEL = {kind.model: kind for kind in KINDS}
_BY_KEY = {kind.key: kind for kind in KINDS}


def by_word(word: str) -> Kind:
    """The kind a URL names, or 404."""
    try:
        return _BY_WORD[word]
    except KeyError:
        raise Http404(_("Okänd typ av innehåll.")) from None


def of(model) -> Kind:
    """The kind of a model (of an item: `of(type(item))`, of a record: `of(record.instance_type)`)."""
    return _BY_MODEL[model]


def by_key(key: str) -> Kind:
    """The kind a stored key names (StateReport.item_kind)."""
    return _BY_KEY[key]
