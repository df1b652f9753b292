"""Reading the search index: what the user may see, matched, ranked and counted."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from core.search.index import _KINDS, _LABELS
from core.search.text import compact_code, excerpt, highlight, stems, words

MAX_QUERY_LENGTH = 200
RESULT_LIMIT = 50


class SearchQueryInvalid(ValueError):
    """The query cannot be searched for; the message says why, in Swedish."""


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


def _matching(query: str, query_stems: list[str], postgres: bool) -> tuple[Q, Q, Q]:
    by_code = Q(codes__contains=f"|{compact_code(query)}|")
    in_text, in_title = Q(), Q()
    for stem in query_stems:
        in_title &= Q(title_stemmed__contains=f" {stem}")
        if not postgres:
            in_text &= Q(stemmed__contains=f" {stem}")
    if postgres:
        # The stored vector (its GIN index) finds the entries with a word beginning with each
        # stem ('stem:*'): what the LIKE finds on SQLite, as the vector's words are the
        # stemmed column's, without reading the long stemmed text of every match.
        from django.contrib.postgres.search import SearchQuery

        in_text = Q(vector=SearchQuery(_prefixes(query_stems), config="simple", search_type="raw"))
    return by_code, in_text, in_title


def _prefixes(query_stems: list[str]) -> str:
    """A tsquery of words beginning with every stem: the stems are word characters only, so
    nothing in them is tsquery syntax."""
    return " & ".join(f"{stem}:*" for stem in query_stems)


def _counts_and_choices(matched, *, organisation: str, status: str):
    """Hits by kind among the matches the filters keep, and the filters' choices among all
    matches, from one grouped query: the organisations and status filters are applied to
    the groups here as the database would apply them to the rows."""
    counts: dict[str, int] = {}
    organisations, statuses = set(), set()
    groups = matched.order_by().values_list("kind", "organisations", "status")
    for kind, orgs, state, number in groups.annotate(n=Count("pk")):
        organisations.update(org for org in orgs.split("|") if org)
        if state:
            statuses.add(state)
        kept = (not organisation or f"|{organisation}|" in orgs) and (not status or state == status)
        if kept:
            counts[kind] = counts.get(kind, 0) + number
    return counts, sorted(organisations), sorted(statuses)


def search(
    *, user, query: str, kind: str = "", organisation: str = "", status: str = ""
) -> SearchResults:
    """Entries the user may read that match the query, best first; three queries whatever the
    index holds (permissions, hits, and counts by kind with the filters' choices)."""
    from core.models import SearchEntry

    query_stems = stems(query)
    postgres = connection.vendor == "postgresql"
    by_code, in_text, in_title = _matching(query, query_stems, postgres)
    found = by_code | in_text
    visible = SearchEntry.objects.filter(_visible(user)).defer("vector")
    if postgres and not any(char.isdigit() for char in query):
        # Typos are forgiven in words; numbers (ids, case numbers, years) are meant exactly.
        from django.contrib.postgres.lookups import TrigramWordSimilar
        from django.contrib.postgres.search import TrigramWordSimilarity

        typed = " ".join(query_stems)
        # Only a hit found by nothing else needs its title's likeness to the query (it orders
        # the typos); computing it for every match would cost more than the rest of the search.
        likeness = TrigramWordSimilarity(typed, "title_stemmed")
        visible = visible.annotate(
            similarity=Case(
                When(by_code | in_text, then=Value(0.0)),
                default=likeness,
                output_field=FloatField(),
            )
        )
        # The %> operator, not a comparison of the similarity, so the trigram index serves it
        # (pg_trgm's word_similarity_threshold, 0.6 unless configured).
        found |= TrigramWordSimilar(F("title_stemmed"), Value(typed))
    matched = visible.filter(found)
    shown = matched
    if organisation:
        shown = shown.filter(organisations__contains=f"|{organisation}|")
    if status:
        shown = shown.filter(status=status)
    if kind:
        shown = shown.filter(kind=kind)
    hits = list(_ranked(shown, (by_code, in_title, in_text), query_stems, postgres)[:RESULT_LIMIT])
    counts, organisations, statuses = _counts_and_choices(
        matched, organisation=organisation, status=status
    )
    for hit in hits:
        hit.kind_label = _LABELS.get(hit.kind, hit.kind)
        hit.title_html = highlight(hit.title, query_stems)
        hit.excerpt = excerpt(hit.text, query_stems)
    return SearchResults(
        query=query,
        hits=hits,
        counts=[(key, label, counts[key]) for key, label in _LABELS.items() if counts.get(key)],
        total=counts.get(kind, 0) if kind else sum(counts.values()),
        organisations=organisations,
        statuses=statuses,
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
    from django.contrib.postgres.search import SearchQuery, SearchRank

    # The stored vector (core.models.WeightedStems: title A, text B), not one computed per row.
    # Ranked by the stems as words, so an exact word outranks a longer one it begins.
    terms = SearchQuery(" ".join(query_stems), config="simple", search_type="plain")
    order = ["-tier", "-rank", "-similarity", "title", "pk"]
    if "similarity" not in queryset.query.annotations:
        order.remove("-similarity")
    return queryset.annotate(rank=SearchRank(F("vector"), terms)).order_by(*order)
