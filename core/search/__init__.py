"""The site search: one index table both databases read, filled through a registry.

Each app registers in its AppConfig.ready() how its models become search documents
(`register_search`), so core never imports upward. Text is case-folded and stemmed with
Snowball's Swedish stemmer before it is stored and before it is asked for, so SQLite and
PostgreSQL give the same answers for inflection and case; PostgreSQL adds ranking by
full-text rank and forgives typos by trigram similarity (see docs/architecture.md).
"""

from core.search.index import (
    SearchDocument,
    deferred,
    index_object,
    index_objects,
    kinds,
    rebuild,
    register_search,
    remove_object,
)
from core.search.reading import (
    MAX_QUERY_LENGTH,
    SearchQueryInvalid,
    SearchResults,
    clean_query,
    search,
)
from core.search.text import compact_code, excerpt, highlight, stemmed, stems, words

__all__ = [
    "MAX_QUERY_LENGTH",
    "SearchDocument",
    "SearchQueryInvalid",
    "SearchResults",
    "clean_query",
    "compact_code",
    "deferred",
    "excerpt",
    "highlight",
    "index_object",
    "index_objects",
    "kinds",
    "rebuild",
    "register_search",
    "remove_object",
    "search",
    "stemmed",
    "stems",
    "words",
]
