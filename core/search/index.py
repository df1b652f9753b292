"""The search index: a registry each app fills in its AppConfig.ready(), and the signals that
keep the index current after every write."""

import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from core.search.text import compact_code, stemmed
from core.text import plain_text


@dataclass(frozen=True)
class SearchDocument:
    """What one object shows to the search. `public` says whether anyone may read it;
    otherwise only holders of the kind's draft permission see it. `codes` are the register
    ids and case numbers typed loosely ("hsn 2022/652") that find it exactly."""

    title: str
    text: str
    url: str
    public: bool
    status: str = ""
    # False for a public text that draft readers read newer (a plan's published version
    # beside its draft): they are shown the draft's entry instead.
    for_drafts: bool = True
    kind: str = ""  # another registered kind than the model's (a plan's items)
    organisations: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str
    model: type[models.Model]
    documents: Callable[[models.Model], Iterable[SearchDocument]]
    draft_permission: str
    queryset: Callable[[], models.QuerySet]
    follows: tuple = field(default=())
    cascades: Callable[[models.Model], Iterable[models.Model]] | None = None


_KINDS: dict[type[models.Model], SearchKind] = {}
_LABELS: dict[str, str] = {}


def register_search(
    model,
    *,
    key: str,
    label,
    documents: Callable[[models.Model], Iterable[SearchDocument]],
    draft_permission: str,
    queryset: Callable[[], models.QuerySet] | None = None,
    follows: Iterable[tuple[type[models.Model], Callable]] = (),
    m2m: Iterable[str] = (),
    labels: dict[str, str] | None = None,
    cascades: Callable[[models.Model], Iterable[models.Model]] | None = None,
) -> None:
    """Index `model` as the kind `key`. `documents(obj)` gives the object's documents (none
    when it should not be found, two when a plan's public text differs from its draft);
    `follows` names related models whose writes change the document, each with a function
    from the related object to the object to index again; `m2m` names many-to-many fields
    whose changes do the same; `labels` names further kinds the documents may give;
    `cascades(obj)` gives the objects whose documents depend on this one (a plan's content
    is public while the plan reads live), indexed again after it."""
    kind = SearchKind(
        key=key,
        label=label,
        model=model,
        documents=documents,
        draft_permission=draft_permission,
        queryset=queryset or model._default_manager.all,
        follows=tuple(follows),
        cascades=cascades,
    )
    _KINDS[model] = kind
    _LABELS.setdefault(key, label)
    _LABELS.update(labels or {})
    uid = f"search-{model._meta.label_lower}"
    post_save.connect(_on_save, sender=model, dispatch_uid=uid)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid)
    for name in m2m:
        m2m_changed.connect(
            _on_m2m, sender=getattr(model, name).through, dispatch_uid=f"{uid}-{name}"
        )
    for related, parent_of in kind.follows:
        handler = _follower(parent_of)
        post_save.connect(
            handler, sender=related, weak=False, dispatch_uid=f"{uid}-{related.__name__}"
        )
        post_delete.connect(
            handler, sender=related, weak=False, dispatch_uid=f"{uid}-{related.__name__}-del"
        )


def kinds() -> dict[str, str]:
    """The kinds of hits by key, with their labels, in the order they were registered."""
    return dict(_LABELS)


# The index follows every write through signals rather than through each service: it is a
# derived table, and signals reach every path that writes (services, admin, the demo loader)
# inside the writer's own transaction, so no service can forget it and nothing is lost.
_deferred = threading.local()


@contextmanager
def deferred():
    """Writes inside do not touch the index; for a bulk load that rebuilds it at its end."""
    _deferred.active = True
    try:
        yield
    finally:
        _deferred.active = False


def _indexing(raw: bool) -> bool:
    return not raw and not getattr(_deferred, "active", False)


def _on_save(sender, instance, raw=False, **kwargs):
    if _indexing(raw):
        index_object(instance)


def _on_delete(sender, instance, **kwargs):
    if _indexing(False):
        remove_object(instance)


def _on_m2m(sender, instance, action, **kwargs):
    if _indexing(False) and action in ("post_add", "post_remove", "post_clear"):
        index_object(instance)


def _follower(parent_of):
    def handler(sender, instance, raw=False, **kwargs):
        if not _indexing(raw):
            return
        try:
            parent = parent_of(instance)
        except ObjectDoesNotExist:  # deleted with it
            return
        if parent is not None and parent.pk is not None:
            current = type(parent)._default_manager.filter(pk=parent.pk).first()
            if current is not None:
                index_object(current)

    return handler


def _kind_of(model) -> SearchKind | None:
    return _KINDS.get(model)


def _bar_column(values: Iterable[str]) -> str:
    """Values between bars, so one of them is found whole with a `contains` lookup."""
    return "|" + "|".join(values) + "|"


# --- writing the index --------------------------------------------------------------------


def _entries(kind: SearchKind, obj) -> list:
    from core.models import SearchEntry

    content_type = ContentType.objects.get_for_model(kind.model)
    entries = []
    # In the source language, whatever the request that saved: stored words such as the status
    # are msgids, which the results page translates for its reader.
    with translation.override(settings.LANGUAGE_CODE):
        documents = list(kind.documents(obj))
    for document in documents:
        # The documents' texts are Markdown: the words a reader sees are stored and stemmed,
        # so no markup shows in an excerpt and no link target is found as a word.
        text = plain_text(document.text)
        entries.append(
            SearchEntry(
                kind=document.kind or kind.key,
                content_type=content_type,
                object_id=obj.pk,
                title=document.title[:300],
                text=text,
                url=document.url,
                public=document.public,
                for_drafts=document.for_drafts,
                draft_permission=kind.draft_permission,
                status=document.status[:100],
                organisations=_bar_column(document.organisations),
                title_stemmed=stemmed(document.title),
                stemmed=stemmed(f"{document.title} {text}"),
                codes=_bar_column(compact_code(code) for code in document.codes if code),
            )
        )
    return entries


def index_object(obj) -> None:
    """Replace the object's entries with what it shows now, and those of its dependants."""
    index_objects([obj])


@transaction.atomic
def index_objects(objects: list) -> None:
    """index_object for many at a cost by model, not by object (an import's agreements)."""
    kinds = [(obj, kind) for obj in objects if (kind := _kind_of(type(obj)))]
    _replace([obj for obj, _kind in kinds])
    _replace(
        [dependant for obj, kind in kinds if kind.cascades for dependant in kind.cascades(obj)]
    )


def _replace(objects: list) -> None:
    """Replace the entries of many objects at a cost by model, not by object: a plan's save
    re-indexes all its content, and that must not cost queries per item."""
    from core.models import SearchEntry

    by_model: dict[type, list] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)
    for model, group in by_model.items():
        kind = _kind_of(model)
        if kind is None:
            continue
        SearchEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[obj.pk for obj in group],
        ).delete()
        SearchEntry.objects.bulk_create(
            [entry for obj in group for entry in _entries(kind, obj)], batch_size=1000
        )


def remove_object(obj) -> None:
    from core.models import SearchEntry

    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    ).delete()


@transaction.atomic
def rebuild() -> int:
    """Empty the index and fill it again from every registered kind; returns the count."""
    from core.models import SearchEntry, SearchWord

    SearchEntry.objects.all().delete()
    # The words of entries since removed go too; the entries' trigger adds the others back.
    SearchWord.objects.all().delete()
    created = 0
    for kind in _KINDS.values():
        batch = [entry for obj in kind.queryset() for entry in _entries(kind, obj)]
        SearchEntry.objects.bulk_create(batch, batch_size=1000)
        created += len(batch)
    return created
