"""Compare two states of a plan tree: what was added, removed and changed."""

from dataclasses import dataclass, field

from plans.queries import PlanTree

KIND_LABELS = {
    "section": "Område",
    "initiative": "Insats",
    "activities": "Aktivitet",
    "milestones": "Tidplan",
    "follow_ups": "Uppföljning",
}
FIELDS = {
    "section": {
        "number": "Nummer",
        "title": "Rubrik",
        "introduction": "Inledning",
        "responsibility_text": "Ansvar",
    },
    "initiative": {
        "letter": "Bokstav",
        "title": "Rubrik",
        "description": "Beskrivning",
        "responsibility_text": "Ansvar",
    },
    "activities": {"text": "Text", "period_text": "Tid", "note": "Anteckning"},
    "milestones": {"text": "Text", "period_text": "Tid"},
    "follow_ups": {"text": "Text", "period_text": "Tid"},
}


@dataclass
class Item:
    kind: str
    label: str
    values: dict[str, str]
    bodies: list[str] = field(default_factory=list)


@dataclass
class Change:
    kind_label: str
    label: str
    fields: list[tuple[str, str, str]]  # (field label, before, after)


@dataclass
class Comparison:
    added: list[Item]
    removed: list[Item]
    changed: list[Change]

    @property
    def is_empty(self):
        return not (self.added or self.removed or self.changed)


def _flatten(tree: PlanTree) -> dict[tuple[str, int], Item]:
    """Every item of the tree by (kind, id), in reading order."""
    items = {}

    def add(kind, obj, label, bodies=()):
        values = {name: str(getattr(obj, name, "") or "") for name in FIELDS[kind]}
        items[(kind, obj.pk)] = Item(kind, label, values, sorted(str(b) for b in bodies))

    def add_children(owner, where):
        for kind in ("activities", "milestones", "follow_ups"):
            for obj in getattr(owner, kind):
                add(kind, obj, f"{where}: {obj.text[:80]}")

    for section in tree.sections:
        where = str(section.section)
        add("section", section.section, where, section.bodies)
        add_children(section, where)
        for node in section.initiatives:
            where = f"{section.section.number}{node.initiative.letter}) {node.initiative.title}"
            add("initiative", node.initiative, where, node.bodies)
            add_children(node, where)
    return items


def _field_changes(kind: str, old: Item, new: Item) -> list[tuple[str, str, str]]:
    changes = [
        (label, old.values[name], new.values[name])
        for name, label in FIELDS[kind].items()
        if old.values[name] != new.values[name]
    ]
    if old.bodies != new.bodies:
        changes.append(("Ansvariga organ", ", ".join(old.bodies), ", ".join(new.bodies)))
    return changes


def compare(older: PlanTree, newer: PlanTree) -> Comparison:
    before, after = _flatten(older), _flatten(newer)
    changed = []
    for key, new in after.items():
        if key in before and (fields := _field_changes(key[0], before[key], new)):
            changed.append(Change(KIND_LABELS[key[0]], new.label, fields))
    return Comparison(
        added=[item for key, item in after.items() if key not in before],
        removed=[item for key, item in before.items() if key not in after],
        changed=changed,
    )
