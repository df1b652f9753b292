"""Reading the search index: what the user may see, matched, ranked and counted."""

from dataclasses import dataclass
from typing import NamedTuple

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.search.index import _KINDS, _LABELS
from core.search.text import compact_code, excerpt, highlight, stems, words

MAX_QUERY_LENGTH = 200
RESULT_LIMIT = 50
# Matches are counted up to this many: counting every one of a common word's matches made
# the search grow with the index (docs/architecture.md, Site search).
COUNT_LIMIT = 1_000
# At most this many matches of each tier are ranked (PostgreSQL): ranking reads each one's
# stored vector, so ranking all of a common word's matches grew with the index.
RANK_LIMIT = 1_000


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
    # More than COUNT_LIMIT matched: the counts are of the first COUNT_LIMIT + 1 found only,
    # so the page says "över 1 000" and shows the kinds without numbers.
    capped: bool = False
    kind: str = ""

    @property
    def groups(self) -> list[tuple[str, list]]:
        """The hits by kind, the kind of the best hit first, each kept in rank order."""
        grouped: dict[str, list] = {}
        for hit in self.hits:
            grouped.setdefault(hit.kind_label, []).append(hit)
        return list(grouped.items())

    @property
    def over_limit(self) -> str:
        """What the page says instead of a count when more than COUNT_LIMIT matched."""
        limit = number_format(COUNT_LIMIT, force_grouping=True)
        if self.kind:
            return gettext("Över %(limit)s träffar av alla slag") % {"limit": limit}
        return gettext("Över %(limit)s träffar") % {"limit": limit}


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


class Match(NamedTuple):
    """One counted match: what the counts and the filters' choices read, and for a typo what
    orders it (its title's likeness to the query)."""

    kind: str
    organisations: str
    status: str
    exactly: bool
    pk: int
    title: str
    likeness: float


def _typo(query: str, typed: str) -> Q | None:
    """A title that looks like a misspelling of the query (PostgreSQL), through the %>
    operator, not a comparison of the similarity, so the trigram index serves it (pg_trgm's
    word_similarity_threshold, 0.6 unless configured). None for a query with a digit: ids,
    case numbers and years are meant exactly ("HSN 2022/653" is not a typo of 652)."""
    if connection.vendor != "postgresql" or any(char.isdigit() for char in query):
        return None
    from django.contrib.postgres.lookups import TrigramWordSimilar

    return Q(TrigramWordSimilar(F("title_stemmed"), Value(typed)))


def _found(visible, exact: Q, typo: Q | None, typed: str) -> list[Match]:
    """At most COUNT_LIMIT + 1 matches, in one query. Typos only when nothing matches
    exactly, so a word that is found costs no trigram likeness of any title."""
    rows = visible.filter(exact).annotate(exactly=Value(True), likeness=Value(0.0))
    rows = rows.values_list(*Match._fields).order_by()[: COUNT_LIMIT + 1]
    if typo is None:
        return [Match(*row) for row in rows]
    from django.contrib.postgres.search import TrigramWordSimilarity

    likeness = TrigramWordSimilarity(typed, "title_stemmed")
    typos = visible.filter(typo).annotate(exactly=Value(False), likeness=likeness)
    typos = typos.values_list(*Match._fields).order_by()[: COUNT_LIMIT + 1]
    exact_sql, exact_params = rows.query.sql_with_params()
    typo_sql, typo_params = typos.query.sql_with_params()
    # The exact matches once, as a CTE the typos' half asks whether it is empty: PostgreSQL
    # then skips that half when it is not (a one-time filter). A NOT EXISTS on the matching
    # itself was planned as a scan of the whole table when nothing matched.
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH exact AS MATERIALIZED ({exact_sql}) SELECT * FROM exact UNION ALL "
            f"SELECT * FROM ({typo_sql}) AS typos WHERE NOT EXISTS (SELECT 1 FROM exact)",
            (*exact_params, *typo_params),
        )
        return [Match(*row) for row in cursor.fetchall()]


def _counts_and_choices(rows: list[Match]) -> tuple[dict[str, int], list[str], list[str]]:
    """Matches by kind, and the organisations and statuses among them (the filters' choices)."""
    counts: dict[str, int] = {}
    organisations, statuses = set(), set()
    for row in rows:
        counts[row.kind] = counts.get(row.kind, 0) + 1
        organisations.update(org for org in row.organisations.split("|") if org)
        if row.status:
            statuses.add(row.status)
    return counts, sorted(organisations), sorted(statuses)


def _likest(shown, rows: list[Match], kind: str) -> list:
    """Typos (PostgreSQL): the counted titles most like the query first, read by their keys,
    so no title's likeness is computed twice."""
    candidates = [row for row in rows if not kind or row.kind == kind]
    candidates.sort(key=lambda row: (-row.likeness, row.title, row.pk))
    keys = [row.pk for row in candidates[:RESULT_LIMIT]]
    entries = shown.in_bulk(keys)
    return [entries[key] for key in keys if key in entries]


def search(
    *, user, query: str, kind: str = "", organisation: str = "", status: str = ""
) -> SearchResults:
    """Entries the user may read that match the query, best first; three queries at most
    whatever the index holds (permissions, the matches counted, the hits)."""
    from core.models import SearchEntry

    query_stems = stems(query)
    postgres = connection.vendor == "postgresql"
    by_code, in_text, in_title = _matching(query, query_stems, postgres)
    exact = by_code | in_text
    typed = " ".join(query_stems)
    typo = _typo(query, typed)
    # Only what the page shows is read: the stemmed columns and the vector stay in the table.
    visible = SearchEntry.objects.filter(_visible(user))
    visible = visible.defer("vector", "stemmed", "title_stemmed", "codes")
    if organisation:
        visible = visible.filter(organisations__contains=f"|{organisation}|")
    if status:
        visible = visible.filter(status=status)
    rows = _found(visible, exact, typo, typed)
    counts, organisations, statuses = _counts_and_choices(rows)
    shown = visible.filter(kind=kind) if kind else visible
    if rows and rows[0].exactly:
        # Under the limit the counted rows are every match: ranked by their keys, not found
        # again; over it, a bounded number of each tier (_candidates).
        counted = None if len(rows) > COUNT_LIMIT else [row.pk for row in rows]
        ranked = _ranked(shown, (by_code, in_title, in_text), query_stems, counted)
        hits = list(ranked[:RESULT_LIMIT])
    else:
        # The likest of the counted typos (COUNT_LIMIT + 1 at most), not of every title in
        # the index that looks like the query.
        hits = _likest(shown, rows, kind) if rows else []
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
        capped=len(rows) > COUNT_LIMIT,
        kind=kind,
    )


def _candidates(shown, matches: tuple[Q, Q, Q], terms) -> Q:
    """The page's entries among a bounded number of candidates (PostgreSQL), so ranking costs
    the same whatever the index holds: at most RANK_LIMIT of each tier (id or case number,
    title, text), the first its index finds, each ranked as it is read; the text's only when
    the other two fill less than a page (a title match always ranks above a text match).
    A tier with more matches is ranked among its first RANK_LIMIT (docs/architecture.md)."""
    from django.contrib.postgres.search import SearchRank

    by_code, in_title, in_text = matches
    tiers = [by_code, in_title & ~by_code, in_text & ~in_title & ~by_code]
    sql, params = [], []
    for number, match in enumerate(tiers):
        rows = shown.filter(match).annotate(
            tier=Value(3 - number), rank=SearchRank(F("vector"), terms)
        )
        tier_sql, tier_params = (
            rows.values_list("pk", "tier", "rank", "title")
            .order_by()[:RANK_LIMIT]
            .query.sql_with_params()
        )
        sql.append(tier_sql)
        params.extend(tier_params)
    # Each tier once, as a CTE: the text's half asks how many the others hold, and PostgreSQL
    # then skips it when they fill the page (a one-time filter).
    best = RawSQL(
        f"WITH code AS MATERIALIZED ({sql[0]}), title AS MATERIALIZED ({sql[1]}) "
        "SELECT pk FROM (SELECT * FROM code UNION ALL SELECT * FROM title UNION ALL "
        f"SELECT * FROM ({sql[2]}) AS text WHERE (SELECT count(*) FROM code) + "
        f"(SELECT count(*) FROM title) < {RESULT_LIMIT}) AS candidates "
        f"ORDER BY tier DESC, rank DESC, title, pk LIMIT {RESULT_LIMIT}",
        params,
    )
    return Q(pk__in=best)


def _ranked(shown, matches: tuple[Q, Q, Q], query_stems: list[str], counted: list[int] | None):
    """Exact matches: a register id or case number first, then a match in the title, then
    in the text; within each, PostgreSQL's full-text rank. All of them when they were all
    counted (their keys); else, on PostgreSQL, a bounded number of each tier (_candidates)."""
    by_code, in_title, in_text = matches
    queryset = shown.filter(by_code | in_text) if counted is None else shown.filter(pk__in=counted)
    tier = Case(
        When(by_code, then=Value(3)),
        When(in_title, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    if connection.vendor != "postgresql":
        return queryset.annotate(tier=tier).order_by("-tier", "title", "pk")
    from django.contrib.postgres.search import SearchQuery, SearchRank

    # The stored vector (core.models.WeightedStems: title A, text B), not one computed per row.
    # Ranked by the stems as words, so an exact word outranks a longer one it begins.
    terms = SearchQuery(" ".join(query_stems), config="simple", search_type="plain")
    if counted is None:
        queryset = queryset.filter(_candidates(shown, matches, terms))
    rank = SearchRank(F("vector"), terms)
    return queryset.annotate(tier=tier, rank=rank).order_by("-tier", "-rank", "title", "pk")
