"""The search's words: case-folded and stemmed with Snowball's Swedish stemmer, the same on
every database, and the words of a hit marked where they match the query."""

import html
import re
from functools import lru_cache

import snowballstemmer
from django.utils.safestring import SafeString, mark_safe

from core.validators import normalise_case_number

EXCERPT_WORDS = 30
WORD_RE = re.compile(r"\w+")
WORD_SPLIT_RE = re.compile(r"(\w+)")


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
    # Words recur across texts (a plan indexed whole): each stemmed once, by _stem's cache.
    stemmed_words = [_stem(word) for word in folded]
    known = set(stemmed_words)
    extra = [word for word in dict.fromkeys(folded) if word not in known]
    return f" {' '.join(stemmed_words + extra)} "


def compact_code(value: str) -> str:
    """One form for a register id or case number however it is typed: "Dnr HSN 2022/652",
    "hsn 2022/652", "sty-02292" and "STY 02292" each become letters and digits only."""
    return re.sub(r"[\W_]", "", normalise_case_number(value)).upper()


@lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word.casefold())


@lru_cache(maxsize=20_000)
def _marked(word: str, query_stems: tuple[str, ...]) -> bool:
    """Whether the word begins with a stem of the query; asked once a word and query, as a
    page of hits marks the same words in a hundred titles and excerpts."""
    return _stem(word).startswith(query_stems)


def highlight(text: str, query_stems: list[str]) -> SafeString:
    """The text escaped, with every word that matches the query in <mark>. The standard
    library's escape (what Django's wraps, without its lazy-string check): a page of hits
    highlights a hundred titles and excerpts."""
    query_stems = tuple(query_stems)
    parts = []
    # Split on the words themselves: the odd pieces are words, the even ones what lies
    # between them, so markup is only ever put around a whole word, never inside an entity.
    # A word is word characters only, none of which HTML escapes: only what lies between.
    for number, piece in enumerate(WORD_SPLIT_RE.split(text)):
        if not number % 2:
            parts.append(html.escape(piece))
        elif _marked(piece, query_stems):
            parts.append(f"<mark>{piece}</mark>")
        else:
            parts.append(piece)
    return mark_safe("".join(parts))


def excerpt(text: str, query_stems: list[str]) -> SafeString:
    """Some words around the first match (or the beginning), highlighted."""
    query_stems = tuple(query_stems)
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
    return mark_safe(f"{prefix}{body}{suffix}")
