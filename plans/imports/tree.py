"""The plan an imported document would make, before anything is written: its own fields, its
tree of sections (areas or phases), initiatives and items, and what was not understood."""

from dataclasses import dataclass, field
from datetime import date

from core import periods
from plans.models import Plan

ITEM_KINDS = ("activities", "milestones", "follow_ups")


@dataclass
class ItemDraft:
    text: str
    place: str
    period_text: str = ""
    note: str = ""

    @property
    def period(self) -> periods.Period:
        return periods.parse(self.period_text)


@dataclass
class NodeDraft:
    """A section (number) or an initiative (letter) and what is written under it."""

    label: str  # "1", "FAS 1" or "a"
    title: str
    place: str
    number: int = 0
    letter: str = ""
    text: list[str] = field(default_factory=list)  # introduction or description
    responsibility: list[str] = field(default_factory=list)
    bodies: list = field(default_factory=list)
    activities: list[ItemDraft] = field(default_factory=list)
    milestones: list[ItemDraft] = field(default_factory=list)
    follow_ups: list[ItemDraft] = field(default_factory=list)
    initiatives: list["NodeDraft"] = field(default_factory=list)

    @property
    def markdown(self) -> str:
        return "\n\n".join(self.text)

    @property
    def responsibility_text(self) -> str:
        return "\n\n".join(self.responsibility)

    def items(self):
        """(kind, items) for the kinds that have any, in reading order."""
        return [(kind, getattr(self, kind)) for kind in ITEM_KINDS if getattr(self, kind)]


@dataclass
class Problem:
    place: str
    text: str
    reason: str


@dataclass
class PlanDraft:
    title: str = ""
    kind: str = ""
    document_date: date | None = None
    period_text: str = ""
    preamble: list[str] = field(default_factory=list)
    sections: list[NodeDraft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def preamble_markdown(self) -> str:
        return "\n\n".join(self.preamble)

    @property
    def period(self) -> periods.Period:
        return periods.parse(self.period_text)

    @property
    def kind_label(self) -> str:
        return str(Plan.Kind(self.kind).label) if self.kind else ""

    def counts(self) -> dict[str, int]:
        nodes = [*self.sections, *(i for s in self.sections for i in s.initiatives)]
        counts = {kind: sum(len(getattr(n, kind)) for n in nodes) for kind in ITEM_KINDS}
        counts["sections"] = len(self.sections)
        counts["initiatives"] = sum(len(s.initiatives) for s in self.sections)
        return counts
