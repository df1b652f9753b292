"""Who changed what and when, field by field, for any model with simple-history."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models, transaction
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CHANGE_KINDS = {
    "+": gettext_lazy("Skapad"),
    "~": gettext_lazy("Ändrad"),
    "-": gettext_lazy("Borttagen"),
}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    kind: str  # in words ("Ändrad")
    history_type: str  # simple-history's "+", "~" or "-", for templates to test
    reason: str
    changes: list[FieldChange] = field(default_factory=list)


def _display(model_field, value) -> str:
    if value in (None, ""):
        return "–"
    if isinstance(value, list):  # many-to-many: a list of through-row dicts
        related = model_field.related_model
        ids = [
            row.get(model_field.m2m_reverse_field_name()) if isinstance(row, dict) else row
            for row in value
        ]
        names = [str(obj) for obj in related.objects.filter(pk__in=ids)]
        return ", ".join(sorted(names)) or "–"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        obj = model_field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else _("(borttagen, id %(id)s)") % {"id": value}
    return str(value)


def history_entries(instance) -> list[HistoryEntry]:
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")
    )
    entries = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        entry = HistoryEntry(
            when=newer.history_date,
            who=newer.history_user.get_full_name() or newer.history_user.get_username()
            if newer.history_user
            else _("Systemet"),
            kind=str(CHANGE_KINDS.get(newer.history_type, newer.history_type)),
            history_type=newer.history_type,
            reason=newer.history_change_reason or "",
        )
        if older is not None:
            delta = newer.diff_against(older)
            for change in delta.changes:
                model_field = instance._meta.get_field(change.field)
                entry.changes.append(
                    FieldChange(
                        label=str(model_field.verbose_name).capitalize(),
                        old=_display(model_field, change.old),
                        new=_display(model_field, change.new),
                    )
                )
        entries.append(entry)
    return entries


def history_page(request, obj, *, section: str):
    """The object's history page: who, when, what changed, field by field."""
    return render(
        request,
        "core/object_history.html",
        {"object": obj, "entries": history_entries(obj), "section": section},
    )


def save_with_history(
    instance: models.Model, *, user, reason: str = "", force_insert: bool = False
) -> models.Model:
    """full_clean, then save, recording the acting user and reason in the history.
    `force_insert`: the row is new even though its pk is set (a deleted row brought back).

    The row and its history row are one transaction, whoever calls: never a change without
    its record, nor a record of a change that did not happen."""
    instance.full_clean()
    instance._history_user = user
    # Always set, even when empty: a reason left on the instance by an earlier save must not
    # label this one.
    instance._change_reason = reason or None
    with transaction.atomic():
        instance.save(force_insert=force_insert)
    return instance
