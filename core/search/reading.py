"""Reading the search index: what the user may see, matched, ranked and counted."""

import functools
import operator
from dataclasses import dataclass
from typing import NamedTuple

from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Q, TextField, Value, When
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


# A stem that begins more of the index's words than this is asked for as a prefix ('stem:*'):
# a tsquery of hundreds of words would cost more than the prefix's scan of the vector's index.
WORD_LIMIT = 100
# A misspelt word is searched for as at most this many words like it, the likest.
LIKE_LIMIT = 20


class Matching(NamedTuple):
    """How an entry matches: by an id or case number, in its title, in its title or text (None
    where nothing can match), and the terms its full-text rank is of (PostgreSQL)."""

    code: Q | None
    title: Q | None
    text: Q | None
    terms: object = None
    # The same title match as each row's tier checks it (PostgreSQL): a LIKE on the stemmed
    # title, where the title's tsvector would be computed per row (to rank 500 matches by
    # key, 4.5 ms more than the LIKE by EXPLAIN at 100 000 entries); its index serves scans.
    title_checked: Q | None = None

    @property
    def tiers(self) -> list[tuple[int, Q]]:
        """The ways it can match, each with its tier's number, the highest first."""
        tiers = ((3, self.code), (2, self.title), (1, self.text))
        return [(number, match) for number, match in tiers if match is not None]

    @property
    def any(self) -> Q | None:
        """Whatever matches at all: a code, or a word (the text's words hold the title's)."""
        found = [match for match in (self.code, self.text) if match is not None]
        return functools.reduce(operator.or_, found) if found else None


def _by_code(query: str) -> Q | None:
    """The entries holding the query as one of their codes, whole (not 2022/65 for 2022/652).
    PostgreSQL: their list contains it, through a GIN index of the list (core/migrations/0009),
    so the lookup costs the same however many codes look alike; SQLite: the code between bars."""
    code = compact_code(query)
    if not code:
        return None
    if connection.vendor != "postgresql":
        return Q(codes__contains=f"|{code}|")
    from django.contrib.postgres.fields import ArrayField
    from django.contrib.postgres.lookups import DataContains

    listed = Func(
        F("codes"), Value("|"), function="string_to_array", output_field=ArrayField(TextField())
    )
    return Q(DataContains(listed, Value([code], output_field=ArrayField(TextField()))))


def _beginning_each(column: str, query_stems: list[str]) -> Q:
    """A word of the stemmed column beginning with each stem, by LIKE."""
    return functools.reduce(
        operator.and_, (Q(**{f"{column}__contains": f" {stem}"}) for stem in query_stems)
    )


def _sqlite_matching(query: str, query_stems: list[str]) -> Matching:
    return Matching(
        code=_by_code(query),
        title=_beginning_each("title_stemmed", query_stems),
        text=_beginning_each("stemmed", query_stems),
    )


def _index_words(query_stems: list[str], typos: bool) -> tuple[dict, dict]:
    """For each stem, the index's words beginning with it (WORD_LIMIT + 1 at most: more means
    too many) and, when typos are looked for, the LIKE_LIMIT words likest it: pg_trgm's
    word_similarity at least its threshold (the %> operator, 0.6 unless configured), the
    likest first (its distance, <->>), both served by the words' GiST trigram index. One
    query, on the table of words (SearchWord), whose size follows the vocabulary, not the
    entries."""
    sql, params = [], []
    for stem in dict.fromkeys(query_stems):
        pattern = stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql.append("(SELECT %s, true, word FROM core_searchword WHERE word LIKE %s LIMIT %s)")
        params += [stem, pattern, WORD_LIMIT + 1]
        if typos:
            sql.append(
                "(SELECT %s, false, word FROM core_searchword WHERE word %%> %s "
                "ORDER BY word <->> %s, word LIMIT %s)"
            )
            params += [stem, stem, stem, LIKE_LIMIT]
    beginning, like = {}, {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(sql), params)
        for stem, prefix, word in cursor.fetchall():
            # Keys, in order: a word two writers added at once is held twice (SearchWord).
            (beginning if prefix else like).setdefault(stem, {})[word] = None
    return beginning, like


def _quoted(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _all_of(alternatives: list[list[str]]) -> str | None:
    """A tsquery of every stem's alternatives (each already a term); None when a stem has none."""
    if any(not terms for terms in alternatives):
        return None
    return " & ".join(f"({' | '.join(terms)})" for terms in alternatives)


def _vector_matches(tsquery: str | None, *, title: bool = False) -> Q | None:
    """Entries whose words match the tsquery: in the stored vector (title and text), or in the
    stemmed title's own tsvector, whose GIN index (core/migrations/0009) holds exactly the
    title's words. The vector's weight A would say the same, but its index does not hold the
    weights, so each row it found was read and checked again, and half of them held the word
    in their text only (EXPLAIN at 100 000 entries: 2 203 rows read for 1 000 title matches,
    10.4 ms; the title's index: 1 091, 2.8 ms)."""
    from django.contrib.postgres.search import SearchQuery, SearchVectorExact, SearchVectorField

    if tsquery is None:
        return None
    terms = SearchQuery(tsquery, config="simple", search_type="raw")
    if not title:
        return Q(vector=terms)
    words = Func(
        F("title_stemmed"),
        template="to_tsvector('simple', %(expressions)s)",
        output_field=SearchVectorField(),
    )
    return Q(SearchVectorExact(words, terms))


def _postgres_matching(query: str, query_stems: list[str]) -> tuple[Matching, Matching | None]:
    """The exact matching, and the typos' (None for a query with a digit: ids, case numbers
    and years are meant exactly, "HSN 2022/653" is not a typo of 652).

    Exact: each stem as the index's words that begin with it, found whole through the stored
    vector's GIN index (a prefix 'stem:*' there builds a bitmap of every entry with such a
    word, and that grew with the entries); a stem beginning more than WORD_LIMIT words stays
    a prefix. Typos: each stem as the words like it, in titles, so a typo's cost is that of
    the words it stands for."""
    from django.contrib.postgres.search import SearchQuery

    typos = not any(char.isdigit() for char in query)
    stems_once = list(dict.fromkeys(query_stems))
    beginning, like = _index_words(stems_once, typos)

    def alternatives(stem):
        words = beginning.get(stem, {})
        return [f"{_quoted(stem)}:*"] if len(words) > WORD_LIMIT else list(map(_quoted, words))

    words = _all_of([alternatives(stem) for stem in stems_once])
    exact = Matching(
        code=_by_code(query),
        title=_vector_matches(words, title=True),
        text=_vector_matches(words),
        title_checked=_beginning_each("title_stemmed", query_stems),
        # Ranked by the stems as words, so an exact word outranks a longer one it begins.
        terms=SearchQuery(" ".join(query_stems), config="simple", search_type="plain"),
    )
    if not typos:
        return exact, None
    typo_query = _all_of([list(map(_quoted, like.get(stem, {}))) for stem in stems_once])
    if typo_query is None:
        return exact, None
    # One tier: every typo is a title's, ranked by the words it stands for.
    typo = _vector_matches(typo_query, title=True)
    terms = SearchQuery(typo_query, config="simple", search_type="raw")
    return exact, Matching(code=None, title=None, text=typo, terms=terms)


class Match(NamedTuple):
    """One counted match: what the counts and the filters' choices read."""

    kind: str
    organisations: str
    status: str
    exactly: bool
    pk: int


def _found(visible, exact: Q | None, typo: Q | None) -> list[Match]:
    """At most COUNT_LIMIT + 1 matches, in one query (none when nothing can match). Typos
    only when nothing matches exactly, so a word that is found costs nothing more."""
    halves = [
        visible.filter(match)
        .annotate(exactly=Value(flag))
        .values_list(*Match._fields)
        .order_by()[: COUNT_LIMIT + 1]
        for match, flag in ((exact, True), (typo, False))
        if match is not None
    ]
    if len(halves) < 2:
        return [Match(*row) for half in halves for row in half]
    exact_sql, exact_params = halves[0].query.sql_with_params()
    typo_sql, typo_params = halves[1].query.sql_with_params()
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


def search(
    *, user, query: str, kind: str = "", organisation: str = "", status: str = ""
) -> SearchResults:
    """Entries the user may read that match the query, best first; four queries at most
    whatever the index holds (permissions, the query's words in the index on PostgreSQL,
    the matches counted, the hits)."""
    from core.models import SearchEntry

    query_stems = stems(query)
    if connection.vendor == "postgresql":
        exact, typo = _postgres_matching(query, query_stems)
    else:
        exact, typo = _sqlite_matching(query, query_stems), None
    # Only what the page shows is read: the stemmed columns and the vector stay in the table.
    visible = SearchEntry.objects.filter(_visible(user))
    visible = visible.defer("vector", "stemmed", "title_stemmed", "codes")
    if organisation:
        visible = visible.filter(organisations__contains=f"|{organisation}|")
    if status:
        visible = visible.filter(status=status)
    rows = _found(visible, exact.any, typo.any if typo else None)
    counts, organisations, statuses = _counts_and_choices(rows)
    shown = visible.filter(kind=kind) if kind else visible
    hits = []
    if rows:
        # Typos are ranked as exact matches are, by the words they stand for.
        matching = exact if rows[0].exactly else typo
        # Under the limit the counted rows are every match: ranked by their keys, not found
        # again; over it, a bounded number of each tier (_candidates).
        counted = None if len(rows) > COUNT_LIMIT else [row.pk for row in rows]
        hits = list(_ranked(shown, matching, counted)[:RESULT_LIMIT])
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


def _only_in_tier(matching: Matching) -> list[tuple[int, Q]]:
    """Each tier's number, the highest first, with what only it matches (an id or case
    number, then the title, then the text)."""
    tiers, above = [], None
    for number, match in matching.tiers:
        tiers.append((number, match if above is None else match & ~above))
        above = match if above is None else above | match
    return tiers


def _candidates(shown, matching: Matching) -> Q:
    """The page's entries among a bounded number of candidates (PostgreSQL), so ranking costs
    the same whatever the index holds: at most RANK_LIMIT of each tier (id or case number,
    title, text), the first its index finds, each ranked as it is read; the last tier's only
    when the others fill less than a page (a title match always ranks above a text match).
    A tier with more matches is ranked among its first RANK_LIMIT (docs/architecture.md)."""
    from django.contrib.postgres.search import SearchRank

    sql, params = [], []
    for number, match in _only_in_tier(matching):
        rows = shown.filter(match).annotate(
            tier=Value(number), rank=SearchRank(F("vector"), matching.terms)
        )
        tier_sql, tier_params = (
            rows.values_list("pk", "tier", "rank", "title")
            .order_by()[:RANK_LIMIT]
            .query.sql_with_params()
        )
        sql.append(tier_sql)
        params.extend(tier_params)
    # Each tier but the last once, as a CTE: the last asks how many the others hold, and
    # PostgreSQL then skips it when they fill the page (a one-time filter).
    *above, last = sql
    names = [f"tier{number}" for number in range(len(above))]
    ctes = ", ".join(
        f"{name} AS MATERIALIZED ({tier})" for name, tier in zip(names, above, strict=True)
    )
    union = "".join(f"SELECT * FROM {name} UNION ALL " for name in names)
    held = " + ".join(f"(SELECT count(*) FROM {name})" for name in names)
    condition = f" WHERE {held} < {RESULT_LIMIT}" if names else ""
    best = RawSQL(
        (f"WITH {ctes} " if names else "")
        + f"SELECT pk FROM ({union}SELECT * FROM ({last}) AS last{condition}) AS candidates "
        f"ORDER BY tier DESC, rank DESC, title, pk LIMIT {RESULT_LIMIT}",
        params,
    )
    return Q(pk__in=best)


def _ranked(shown, matching: Matching, counted: list[int] | None):
    """The matches: a register id or case number first, then a match in the title, then in
    the text; within each, PostgreSQL's full-text rank. All of them when they were all
    counted (their keys); else, on PostgreSQL, a bounded number of each tier (_candidates)."""
    queryset = shown.filter(matching.any) if counted is None else shown.filter(pk__in=counted)
    # The first tier that matches decides, so each When needs only its own match.
    checked = matching
    if matching.title is not None and matching.title_checked is not None:
        checked = matching._replace(title=matching.title_checked)
    *above, (lowest, _match) = checked.tiers
    tier = Case(
        *(When(match, then=Value(number)) for number, match in above),
        default=Value(lowest),
        output_field=IntegerField(),
    )
    if connection.vendor != "postgresql":
        return queryset.annotate(tier=tier).order_by("-tier", "title", "pk")
    from django.contrib.postgres.search import SearchRank

    # The stored vector (core.models.WeightedStems: title A, text B), not one computed per row.
    if counted is None:
        queryset = queryset.filter(_candidates(shown, matching))
    rank = SearchRank(F("vector"), matching.terms)
    return queryset.annotate(tier=tier, rank=rank).order_by("-tier", "-rank", "title", "pk")
