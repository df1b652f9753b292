"""The plan's content: adding, editing, deleting, moving and restoring sections, initiatives
and items (each kind from plans.kinds), and the deleted items that can be restored."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.revisions import EditConflict, lock_for_edit
from plans import kinds
from plans.models import Initiative, Plan, Section
from plans.queries import bodies_by_history_id
from plans.services.plans import _open_for_edit, _save


def _next_position(model, **parent) -> int:
    last = model.objects.filter(**parent).aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


@transaction.atomic
def item_create(*, user, model, plan: Plan, parent: dict, bodies=None, **fields):
    """Add a section, initiative, activity, milestone or follow-up at the end of its list,
    under `parent` (its plan, section, initiative: kinds.Parent)."""
    _open_for_edit(user=user, plan=plan)
    kind = kinds.of(model)
    item = model(**parent, **fields)
    item.position = _next_position(model, **kind.parent.siblings(item))
    item.revision = 0
    if item.plan.pk != plan.pk:
        raise ValidationError(_("Det du lägger till hör inte till den här planen."))
    reason = _("%(kind)s tillagd") % {"kind": capfirst(kind.name)}
    return _save(item, user=user, reason=reason, bodies=bodies)


@transaction.atomic
def item_update(*, user, item, expected_revision: int, bodies=None, **fields):
    _open_for_edit(user=user, plan=item.plan)
    current = lock_for_edit(type(item).objects, item.pk, expected_revision=expected_revision)
    for name, value in fields.items():
        setattr(current, name, value)
    reason = _("%(kind)s ändrad") % {"kind": capfirst(kinds.of(type(item)).name)}
    return _save(current, user=user, reason=reason, bodies=bodies)


@transaction.atomic
def item_delete(*, user, item, expected_revision: int) -> None:
    _open_for_edit(user=user, plan=item.plan)
    current = lock_for_edit(type(item).objects, item.pk, expected_revision=expected_revision)
    current._history_user = user
    current._change_reason = _("%(kind)s borttagen") % {"kind": capfirst(kinds.of(type(item)).name)}
    current.delete()


# The label a kind carries in its list ("Område 2", "b)"): a move hands the labels on so
# they follow the order. The lists' labels are unique, so labels about to change are first
# parked on values no label takes, by an unrecorded update inside the same transaction.
MOVE_LABELS = {Section: ("number", lambda n: 32767 - n), Initiative: ("letter", lambda n: f"~{n}")}


def _label_order(value):
    """Numbers by value, letters as the alphabet runs on: a … z, then aa, ab …"""
    return (len(value), value) if isinstance(value, str) else (0, value)


@transaction.atomic
def item_move(*, user, item, up: bool) -> bool:
    """Swap places with the neighbour above or below; positions are renumbered 1..n. Sections
    and initiatives keep their labels in order: the labels the list holds are handed out again
    in the new order (moving a) down makes it b), and b) becomes a)). A gap stays a gap (the
    areas 1 and 4 of a plan are not renumbered 1 and 2), so a move changes only what moved.
    False when the item is already first or last."""
    _open_for_edit(user=user, plan=item.plan)
    model = type(item)
    siblings = list(
        model.objects.select_for_update()
        .filter(**kinds.of(model).parent.siblings(item))
        .order_by("position", "pk")
    )
    index = next((i for i, s in enumerate(siblings) if s.pk == item.pk), None)
    if index is None:
        raise EditConflict(current=None)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    relabelled = {}
    if model in MOVE_LABELS:
        name, parked = MOVE_LABELS[model]
        labels = sorted((getattr(s, name) for s in siblings), key=_label_order)
        relabelled = {
            s.pk: label
            for s, label in zip(siblings, labels, strict=True)
            if getattr(s, name) != label
        }
        for n, pk in enumerate(relabelled):
            model.objects.filter(pk=pk).update(**{name: parked(n)})
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position or sibling.pk in relabelled:
            sibling.position = position
            if sibling.pk in relabelled:
                setattr(sibling, name, relabelled[sibling.pk])
            _save(sibling, user=user, reason=_("Ordning ändrad"))
    return True


@transaction.atomic
def item_restore(*, user, record):
    """Bring back an earlier version (or a deleted item) as a new version: history is never rewritten."""
    model = record.instance_type
    kind = kinds.of(model)
    for parent, parent_id in kind.parents_of(record):
        if parent_id is not None and not parent.model.objects.filter(pk=parent_id).exists():
            raise ValidationError(
                _("%(parent)s som detta hörde till finns inte längre. Återställ %(name)s först.")
                % {"parent": capfirst(parent.definite), "name": parent.definite}
            )
    _open_for_edit(user=user, plan=Plan.objects.get(pk=plan_of_record(record)))
    current = model.objects.select_for_update().filter(pk=record.id).order_by("pk").first()
    restored = record.instance
    if current is not None:  # an earlier version: the row is updated in place
        for model_field in model._meta.concrete_fields:
            if not model_field.primary_key and model_field.name != "revision":
                setattr(current, model_field.attname, getattr(restored, model_field.attname))
        restored = current
    else:  # deleted: inserted again under its old id, so its history goes on
        restored.revision = 0
    bodies = None
    if hasattr(model, "responsible_bodies"):
        bodies = bodies_by_history_id(model, [record.history_id]).get(record.history_id, [])
    label = record.history_date.astimezone(timezone.get_current_timezone()).strftime(
        "%Y-%m-%d %H:%M"
    )
    return _save(
        restored,
        user=user,
        reason=_("Återställd till versionen från %(date)s") % {"date": label},
        bodies=bodies,
        force_insert=current is None,
    )


def deleted_items(plan: Plan) -> list:
    """The deletion record of each item of the plan that is gone now; it holds the item as it
    was when deleted, which is what restoring brings back. Two queries per kind."""
    section_ids = set(Section.history.filter(plan_id=plan.pk).values_list("id", flat=True))
    found = []
    for kind in kinds.KINDS:
        scope = kind.parent.in_plan_history(plan_id=plan.pk, section_ids=section_ids)
        deletions = list(
            kind.model.history.filter(history_type="-", **scope).order_by("-history_date")
        )
        alive = set(
            kind.model.objects.filter(pk__in=[d.id for d in deletions]).values_list("pk", flat=True)
        )
        seen = set()
        for deletion in deletions:
            if deletion.id not in alive and deletion.id not in seen:
                seen.add(deletion.id)
                found.append(deletion)
    return found


def plan_of_record(record) -> int | None:
    """The pk of the plan a historical record belongs to (its section may be deleted too)."""
    if kinds.of(record.instance_type).parent is kinds.PLAN:
        return record.plan_id
    section = Section.history.filter(id=record.section_id).order_by("-history_date").first()
    return section.plan_id if section else None
