"""Who changed what and when, field by field, for any model with simple-history."""

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models, transaction
from django.db.models import QuerySet
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
    is_content: bool = True  # the values as written (marked as content), not a choice's label


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    kind: str  # in words ("Ändrad")
    history_type: str  # simple-history's "+", "~" or "-", for templates to test
    reason: str
    about: str = ""  # the part of the object the entry is about ("Bilaga: Avtal"), if any
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


def _entries(records, model, *, about: str = "") -> list[HistoryEntry]:
    """Entries of one object's historical records, newest first, each diffed against the one
    before it."""
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
            about=about,
        )
        if older is not None:
            delta = newer.diff_against(older)
            for change in delta.changes:
                model_field = model._meta.get_field(change.field)
                if not model_field.editable:  # bookkeeping (the revision counter), not content
                    continue
                entry.changes.append(
                    FieldChange(
                        label=str(model_field.verbose_name).capitalize(),
                        old=_display(model_field, change.old),
                        new=_display(model_field, change.new),
                        is_content=not model_field.choices,
                    )
                )
        entries.append(entry)
    return entries


def _newest_first(queryset):
    return queryset.select_related("history_user").order_by("-history_date", "-history_id")


def history_entries(instance, *, parts: Sequence[tuple[QuerySet, Callable]] = ()) -> list:
    """The object's history, and with `parts` the histories of what belongs to it (an
    agreement's attachments and adoptions), merged newest first. Each part is a queryset of
    historical records (deleted objects' included) and a function naming a record's object."""
    entries = _entries(list(_newest_first(instance.history.all())), type(instance))
    for records, name in parts:
        by_object = defaultdict(list)
        for record in _newest_first(records):
            by_object[record.id].append(record)
        model = records.model.instance_type
        for rows in by_object.values():
            entries += _entries(rows, model, about=name(rows[0]))
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries


def history_page(request, obj, *, section: str, parts=()):
    """The object's history page: who, when, what changed, field by field (`parts`: see
    history_entries)."""
    return render(
        request,
        "core/object_history.html",
        {"object": obj, "entries": history_entries(obj, parts=parts), "section": section},
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


def recorded_links_model(model: type[models.Model], name: str) -> type[models.Model]:
    """simple-history's table of the links of many-to-many field `name` (listed in the
    model's HistoricalRecords m2m_fields) as each history record of `model` holds them."""
    history = model.history.model
    return history._meta.get_field(f"{history._meta.model_name}_{name}").related_model


def record_links(
    model: type[models.Model], name: str, versions: dict[int, int], *, batch_size=None
) -> None:
    """The links of many-to-many field `name` as they are now, recorded in the history
    versions `versions` (object id -> history id) of objects written in bulk: what
    simple-history records itself when one saved object's links change."""
    field = model._meta.get_field(name)
    through = field.remote_field.through
    owner = f"{field.m2m_field_name()}_id"
    recorded = recorded_links_model(model, name)
    recorded.objects.bulk_create(
        [
            recorded(
                **{f.attname: getattr(link, f.attname) for f in through._meta.fields},
                history_id=versions[getattr(link, owner)],
            )
            for link in through.objects.filter(**{f"{owner}__in": versions})
        ],
        batch_size=batch_size,
    )
