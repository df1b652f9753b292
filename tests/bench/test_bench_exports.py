"""`make bench`: a plan's export (Excel and CSV) at 1x and 10x the size of the Skåne plan.

Prints, per format and size: rows, queries, the median time of the whole request, the file's
size, and the peak memory Python allocated while answering (tracemalloc), so a change that
makes the export hold the whole workbook twice shows. Figures, not assertions: timing never
fails a test.
"""

import os
import tracemalloc

import pytest
from django.db import connection
from django.urls import reverse

from tests import factories
from tests.bench.test_bench_plans import ROUNDS, SIZES, median_seconds
from tests.query_count import count_queries

pytestmark = [
    pytest.mark.skipif(os.environ.get("BENCH") != "1", reason="benchmarks run with `make bench`"),
    pytest.mark.django_db,
]


def peak_kib(action) -> float:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def test_plan_export_at_one_and_ten_times_the_skane_plan(client):
    body = factories.BodyFactory()
    plans = {
        label: factories.build_synthetic_plan(body=body, **size) for label, size in SIZES.items()
    }
    csv_lines = {
        label: client.get(reverse("plans:plan_export", args=[plan.slug, "csv"])).content.count(
            b"\r\n"
        )
        - 1  # the header
        for label, plan in plans.items()
    }
    rows = []
    for export_format in ("xlsx", "csv"):
        for label, plan in plans.items():
            url = reverse("plans:plan_export", args=[plan.slug, export_format])
            response = client.get(url)
            queries = count_queries(client, url)
            ms = median_seconds(lambda url=url: client.get(url)) * 1000
            peak = peak_kib(lambda url=url: client.get(url))
            rows.append(
                (export_format, label, csv_lines[label], queries, ms, len(response.content), peak)
            )
    print("\n\nPlan export (median of", ROUNDS, "requests, database:", connection.vendor + ")")
    print(
        f"{'format':<8}{'size':<6}{'rows':>7}{'queries':>9}{'server ms':>11}{'file kB':>9}{'peak KiB':>10}"
    )
    for export_format, label, lines, queries, ms, size, peak in rows:
        print(
            f"{export_format:<8}{label:<6}{lines:>7}{queries:>9}{ms:>11.1f}{size / 1024:>9.1f}{peak:>10.0f}"
        )
    counts = {(f, label): q for f, label, _l, q, *_ in rows}
    assert all(counts[(f, "1x")] == counts[(f, "10x")] for f in ("xlsx", "csv"))
