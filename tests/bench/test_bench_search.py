"""`make bench`: the site search's median time at 1 000, 10 000 and 100 000 indexed rows (against
PostgreSQL when DATABASE_URL is set). Figures, not assertions.

The rows are synthetic: a thousand texts drawn from a fixed vocabulary, stemmed once and
repeated, so filling 100 000 rows does not take the stemmer's time.
"""

import random

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from core import search
from core.models import SearchEntry
from tests.bench.test_bench_plans import median_seconds, pytestmark  # noqa: F401

# 10 000 as well: from there a common word fills the page of 50 hits, so what a search costs
# beyond it is what grows with the index; below it, the hits shown grow too.
SIZES = (1_000, 10_000, 100_000)
QUERIES = ("palliativa", "övergripande samverkan", "HSN 2022/652", "hemsjukvårf")
SYLLABLES = ["ba", "de", "fi", "go", "hu", "ka", "le", "mi", "no", "pu", "ra", "se", "ti", "vo"]
SYLLABLES += ["bra", "dre", "fli", "gro", "klu", "pre", "stri", "två", "öl", "är"]
VOCABULARY = [
    "samverkan",
    "vård",
    "omsorg",
    "hemsjukvård",
    "palliativ",
    "patient",
    "kommun",
    "region",
    "nämnd",
    "insats",
    "aktivitet",
    "uppföljning",
    "överenskommelse",
    "ramverk",
    "beslut",
    "sammanträde",
    "rehabilitering",
    "habilitering",
    "läkemedel",
    "kompetens",
    "utveckling",
    "barn",
    "unga",
    "äldre",
    "psykiatri",
    "primärvård",
    "övergripande",
    "gemensam",
    "plan",
    "mål",
    "riktlinje",
    "princip",
    "ansvar",
    "tidplan",
]


def _texts(count: int) -> list[tuple[str, str]]:
    """Titles and texts of made-up words, each holding one or two real ones, so that a real
    word is in a few per cent of the rows, as a subject word is in a register."""
    chooser = random.Random(4)
    made_up = [f"{a}{b}{c}" for a in SYLLABLES for b in SYLLABLES for c in ("a", "en", "or")]

    def words(k):
        return chooser.choices(made_up, k=k) + chooser.choices(VOCABULARY, k=1)

    return [(" ".join(words(3)), " ".join(words(39))) for _ in range(count)]


def _fill(rows: int) -> None:
    SearchEntry.objects.all().delete()
    content_type = ContentType.objects.get_for_model(SearchEntry)
    pool = [
        (title, text, search.stemmed(title), search.stemmed(f"{title} {text}"))
        for title, text in _texts(1_000)
    ]
    batch = []
    for number in range(rows):
        title, text, title_stemmed, stemmed = pool[number % len(pool)]
        code = "HSN 2022/652" if number == rows // 2 else f"HSN 2022/{number + 1000}"
        batch.append(
            SearchEntry(
                kind="agreement",
                content_type=content_type,
                object_id=number,
                title=title,
                text=text,
                url=f"/x/{number}/",
                public=number % 10 != 0,
                draft_permission="agreements.view_agreement",
                title_stemmed=title_stemmed,
                stemmed=stemmed,
                codes=f"|{search.compact_code(code)}|",
            )
        )
    SearchEntry.objects.bulk_create(batch, batch_size=5_000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE core_searchentry")


def test_search_median_at_1_000_10_000_and_100_000_rows():
    figures = {}
    for rows in SIZES:
        _fill(rows)
        for query in QUERIES:
            figures[(rows, query)] = median_seconds(
                lambda query=query: search.search(user=AnonymousUser(), query=query)
            )
    print(f"\n\nSite search (median of the rounds, database: {connection.vendor})")
    ratios = "".join(f"{f'{SIZES[-1]}/{rows}':>14}" for rows in SIZES[:-1])
    print(f"{'query':<26}" + "".join(f"{rows:>12} rows" for rows in SIZES) + ratios)
    for query in QUERIES:
        times = [figures[(rows, query)] * 1000 for rows in SIZES]
        line = "".join(f"{ms:>14.1f} ms" for ms in times)
        line += "".join(f"{times[-1] / ms:>14.1f}" for ms in times[:-1])
        print(f"{query:<26}{line}")
