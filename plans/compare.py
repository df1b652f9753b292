"""Compare two states of a plan tree: what was added, removed and changed."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from core.history import FieldChange
from plans.kinds import INITIATIVE_KIND, ITEM_KINDS, SECTION_KIND, Kind
from plans.queries import PlanTree

BODIES = _("Ansvariga organ")


@dataclass
class Item:
    kind: Kind
    label: str
    values: dict[str, str]
    bodies: list[str] = field(default_factory=list)


@dataclass
class Change:
    kind_label: str
    label: str
    fields: list[FieldChange]
    kind: Kind | None = None


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
        values = {name: str(getattr(obj, name, "") or "") for name in kind.compared}
        items[(kind.key, obj.pk)] = Item(kind, label, values, sorted(str(b) for b in bodies))

    def add_children(owner, where):
        for kind in ITEM_KINDS:
            for obj in owner.items[kind.tree_list]:
                add(kind, obj, f"{where}: {obj.text[:80]}")

    for section in tree.sections:
        where = str(section.section)
        add(SECTION_KIND, section.section, where, section.bodies)
        add_children(section, where)
        for node in section.initiatives:
            where = f"{section.section.number}{node.initiative.letter}) {node.initiative.title}"
            add(INITIATIVE_KIND, node.initiative, where, node.bodies)
            add_children(node, where)
    return items


def _field_changes(kind: Kind, old: Item, new: Item) -> list[FieldChange]:
    changes = [
        FieldChange(str(label), old.values[name], new.values[name])
        for name, label in kind.compared.items()
        if old.values[name] != new.values[name]
    ]
    if old.bodies != new.bodies:
        changes.append(FieldChange(str(BODIES), ", ".join(old.bodies), ", ".join(new.bodies)))
    return changes


def compare(older: PlanTree, newer: PlanTree) -> Comparison:
    before, after = _flatten(older), _flatten(newer)
    changed = []
    for key, new in after.items():
        if key in before and (fields := _field_changes(new.kind, before[key], new)):
            changed.append(Change(str(new.kind.label), new.label, fields, new.kind))
    return Comparison(
        added=[item for key, item in after.items() if key not in before],
        removed=[item for key, item in before.items() if key not in after],
        changed=changed,
    )
