"""The site search: one index table both databases read, filled through a registry.

Each app registers in its AppConfig.ready() how its models become search documents
(`register_search`), so core never imports upward. Text is case-folded and stemmed with
Snowball's Swedish stemmer before it is stored and before it is asked for, so SQLite and
PostgreSQL give the same answers for inflection and case; PostgreSQL adds ranking by
full-text rank and forgives typos by trigram similarity (see docs/architecture.md).
"""

import re
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, models, transaction
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.validators import normalise_case_number

MAX_QUERY_LENGTH = 200
RESULT_LIMIT = 50
EXCERPT_WORDS = 30
WORD_RE = re.compile(r"\w+")


class SearchQueryInvalid(ValueError):
    """The query cannot be searched for; the message says why, in Swedish."""


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


# --- text ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("swedish")


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.casefold())


def stems(text: str) -> list[str]:
    return _stemmer().stemWords(words(text))


def stemmed(text: str) -> str:
    """The stems and the folded words, padded with spaces, so " stem" matches a word
    beginning with it on any database: an inflected form by its stem, a word typed in part
    ("övergripand") by the word itself."""
    folded = words(text)
    extra = [word for word in dict.fromkeys(folded) if word not in set(stems(text))]
    return f" {' '.join(stems(text) + extra)} "


def compact_code(value: str) -> str:
    """One form for a register id or case number however it is typed: "Dnr HSN 2022/652",
    "hsn 2022/652", "sty-02292" and "STY 02292" each become letters and digits only."""
    return re.sub(r"[\W_]", "", normalise_case_number(value)).upper()


def _bar_column(values: Iterable[str]) -> str:
    """Values between bars, so one of them is found whole with a `contains` lookup."""
    return "|" + "|".join(values) + "|"


# --- writing the index --------------------------------------------------------------------


def _entries(kind: SearchKind, obj) -> list:
    from core.models import SearchEntry

    content_type = ContentType.objects.get_for_model(kind.model)
    return [
        SearchEntry(
            kind=document.kind or kind.key,
            content_type=content_type,
            object_id=obj.pk,
            title=document.title[:300],
            text=document.text,
            url=document.url,
            public=document.public,
            for_drafts=document.for_drafts,
            draft_permission=kind.draft_permission,
            status=document.status[:100],
            organisations=_bar_column(document.organisations),
            title_stemmed=stemmed(document.title),
            stemmed=stemmed(f"{document.title} {document.text}"),
            codes=_bar_column(compact_code(code) for code in document.codes if code),
        )
        for document in kind.documents(obj)
    ]


@transaction.atomic
def index_object(obj) -> None:
    """Replace the object's entries with what it shows now."""
    kind = _kind_of(type(obj))
    if kind is None:
        return
    remove_object(obj)
    from core.models import SearchEntry

    SearchEntry.objects.bulk_create(_entries(kind, obj))
    for dependant in kind.cascades(obj) if kind.cascades else ():
        index_object(dependant)


def remove_object(obj) -> None:
    from core.models import SearchEntry

    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    ).delete()


@transaction.atomic
def rebuild() -> int:
    """Empty the index and fill it again from every registered kind; returns the count."""
    from core.models import SearchEntry

    SearchEntry.objects.all().delete()
    created = 0
    for kind in _KINDS.values():
        batch = [entry for obj in kind.queryset() for entry in _entries(kind, obj)]
        SearchEntry.objects.bulk_create(batch, batch_size=1000)
        created += len(batch)
    return created


# --- reading ------------------------------------------------------------------------------


@dataclass
class SearchResults:
    query: str
    hits: list
    counts: list[tuple[str, str, int]]  # (key, label, count), every kind that matched
    total: int
    organisations: list[str]
    statuses: list[str]

    @property
    def groups(self) -> list[tuple[str, list]]:
        """The hits by kind, the kind of the best hit first, each kept in rank order."""
        grouped: dict[str, list] = {}
        for hit in self.hits:
            grouped.setdefault(hit.kind_label, []).append(hit)
        return list(grouped.items())


def clean_query(raw: str | None) -> str:
    query = " ".join((raw or "").split())
    if not query or not words(query):
        raise SearchQueryInvalid(_("Skriv ett eller flera ord att söka efter."))
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchQueryInvalid(
            _("Sökfrågan är för lång: högst %(max)d tecken.") % {"max": MAX_QUERY_LENGTH}
        )
    return query


def _visible(user) -> Q:
    """Public entries to everyone; to holders of a kind's draft permission, the entries
    meant for draft readers instead (drafts, and a plan's draft text rather than its public
    version's)."""
    permissions = {kind.draft_permission for kind in _KINDS.values()}
    readable = [p for p in permissions if user.is_authenticated and user.has_perm(p)]
    return (Q(public=True) & ~Q(draft_permission__in=readable)) | Q(
        for_drafts=True, draft_permission__in=readable
    )


def _matching(query: str, query_stems: list[str]) -> tuple[Q, Q, Q]:
    by_code = Q(codes__contains=f"|{compact_code(query)}|")
    in_text, in_title = Q(), Q()
    for stem in query_stems:
        in_text &= Q(stemmed__contains=f" {stem}")
        in_title &= Q(title_stemmed__contains=f" {stem}")
    return by_code, in_text, in_title


def search(
    *, user, query: str, kind: str = "", organisation: str = "", status: str = ""
) -> SearchResults:
    """Entries the user may read that match the query, best first; four queries whatever the
    index holds (permissions, hits, counts by kind, the filters' choices)."""
    from core.models import SearchEntry

    query_stems = stems(query)
    by_code, in_text, in_title = _matching(query, query_stems)
    found = by_code | in_text
    postgres = connection.vendor == "postgresql"
    visible = SearchEntry.objects.filter(_visible(user))
    if postgres and not any(char.isdigit() for char in query):
        # Typos are forgiven in words; numbers (ids, case numbers, years) are meant exactly.
        from django.contrib.postgres.lookups import TrigramWordSimilar
        from django.contrib.postgres.search import TrigramWordSimilarity

        typed = " ".join(query_stems)
        visible = visible.annotate(similarity=TrigramWordSimilarity(typed, "title_stemmed"))
        # The %> operator, not a comparison of the similarity, so the trigram index serves it
        # (pg_trgm's word_similarity_threshold, 0.6 unless configured).
        found |= TrigramWordSimilar(F("title_stemmed"), Value(typed))
    matched = visible.filter(found)
    narrowed = matched
    if organisation:
        narrowed = narrowed.filter(organisations__contains=f"|{organisation}|")
    if status:
        narrowed = narrowed.filter(status=status)
    shown = narrowed.filter(kind=kind) if kind else narrowed
    hits = list(_ranked(shown, (by_code, in_title, in_text), query_stems, postgres)[:RESULT_LIMIT])
    counts = dict(narrowed.order_by().values_list("kind").annotate(n=Count("pk")))
    choices = list(matched.order_by().values_list("organisations", "status").distinct())
    for hit in hits:
        hit.kind_label = _LABELS.get(hit.kind, hit.kind)
        hit.title_html = highlight(hit.title, query_stems)
        hit.excerpt = excerpt(hit.text, query_stems)
    return SearchResults(
        query=query,
        hits=hits,
        counts=[(key, label, counts[key]) for key, label in _LABELS.items() if counts.get(key)],
        total=sum(counts.get(key, 0) for key in (kind,) if kind) if kind else sum(counts.values()),
        organisations=sorted({org for orgs, _status in choices for org in orgs.split("|") if org}),
        statuses=sorted({st for _org, st in choices if st}),
    )


def _ranked(queryset, matches: tuple[Q, Q, Q], query_stems: list[str], postgres: bool):
    """A register id or case number first, then a match in the title, then in the text, then
    a title that looks like a misspelling of the query; within each, PostgreSQL's full-text
    rank and trigram similarity."""
    by_code, in_title, in_text = matches
    queryset = queryset.annotate(
        tier=Case(
            When(by_code, then=Value(3)),
            When(in_title, then=Value(2)),
            When(in_text, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    if not postgres:
        return queryset.order_by("-tier", "title", "pk")
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector("title_stemmed", config="simple", weight="A") + SearchVector(
        "stemmed", config="simple", weight="B"
    )
    terms = SearchQuery(" ".join(query_stems), config="simple", search_type="plain")
    order = ["-tier", "-rank", "-similarity", "title", "pk"]
    if "similarity" not in queryset.query.annotations:
        order.remove("-similarity")
    return queryset.annotate(rank=SearchRank(vector, terms)).order_by(*order)


# --- showing ------------------------------------------------------------------------------


@lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word.casefold())


def _marked(word: str, query_stems: list[str]) -> bool:
    stem = _stem(word)
    return any(stem.startswith(query_stem) for query_stem in query_stems)


def highlight(text: str, query_stems: list[str]) -> SafeString:
    """The text escaped, with every word that matches the query in <mark>."""
    parts, last = [], 0
    for match in WORD_RE.finditer(text):
        parts.append(escape(text[last : match.start()]))
        word = escape(match.group())
        parts.append(f"<mark>{word}</mark>" if _marked(match.group(), query_stems) else word)
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def excerpt(text: str, query_stems: list[str]) -> SafeString:
    """Some words around the first match (or the beginning), highlighted."""
    spans = list(WORD_RE.finditer(text))
    if not spans:
        return mark_safe("")
    marked = (n for n, span in enumerate(spans) if _marked(span.group(), query_stems))
    first = next(marked, 0)
    start_word = max(0, first - EXCERPT_WORDS // 3)
    end_word = min(len(spans), start_word + EXCERPT_WORDS) - 1
    start, end = spans[start_word].start(), spans[end_word].end()
    prefix = "… " if start_word else ""
    suffix = " …" if end_word < len(spans) - 1 else ""
    body = highlight(" ".join(text[start:end].split()), query_stems)
    return mark_safe(f"{escape(prefix)}{body}{escape(suffix)}")
