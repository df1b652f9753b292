"""`make bench`: the imports. A register of 1 000 agreements from Excel (read, preview,
import; a second import of the same file, all unchanged, then one with every row changed)
and a plan from Word ten times the size of the Skåne plan (read into a tree, then created):
seconds, queries and peak Python memory (tracemalloc) of each step. Figures, not assertions:
timing never fails a test."""

import os
import time
import tracemalloc

import pytest
from django.db import connection, transaction

from agreements.imports.preview import build_preview
from agreements.imports.reading import read_sheet
from agreements.imports.services import register_import
from plans.imports.parsing import parse
from plans.imports.services import bodies_for_import, plan_import
from tests import factories
from tests.agreements.register_files import (
    KEYS,
    gotland_registers,
    synthetic_rows,
    workbook,
)
from tests.plans.plan_documents import skane_docx

pytestmark = [
    pytest.mark.skipif(os.environ.get("BENCH") != "1", reason="benchmarks run with `make bench`"),
    pytest.mark.django_db,
]


class QueryCounter:
    """Counts every query (Django's own log keeps only the last 9 000)."""

    count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(label: str, action):
    """Run once inside a savepoint rolled back for the peak memory (tracemalloc slows Python
    down, so it does not run during the timing), then again for seconds and queries; print
    the three and return what the timed run returned."""
    tracemalloc.start()
    with transaction.atomic():
        action()
        transaction.set_rollback(True)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    queries = QueryCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(queries):
        result = action()
    seconds = time.perf_counter() - started
    print(
        f"\n{label}: {seconds:.2f} s, {queries.count} queries, "
        f"peak {peak / (1024 * 1024):.1f} MB ({connection.vendor})"
    )
    return result


def test_register_of_a_thousand_rows(user):
    gotland_registers()
    rows = synthetic_rows(1000)
    data = workbook(rows)
    print(f"\nregister.xlsx: 1 000 rows, {len(data) / 1024:.0f} kB")

    sheet = measure("read 1 000 rows (openpyxl)", lambda: read_sheet(data, "register.xlsx"))
    measure("preview 1 000 new rows", lambda: build_preview(sheet, KEYS))
    result = measure(
        "import 1 000 new rows",
        lambda: register_import(user=user, sheet=sheet, keys=KEYS, file_name="register.xlsx"),
    )
    assert result.counts["new"] == 1000
    measure("preview 1 000 unchanged rows", lambda: build_preview(sheet, KEYS))
    changed = read_sheet(
        workbook([[*row[:3], "Under revidering", *row[4:]] for row in rows]), "r.xlsx"
    )
    result = measure(
        "import 1 000 changed rows",
        lambda: register_import(user=user, sheet=changed, keys=KEYS, file_name="r.xlsx"),
    )
    assert result.counts["changed"] == 1000


def test_word_plan_ten_times_skane(db):
    strategist = factories.StrategistFactory()
    factories.BodyFactory(name="Central tjänstemannaberedning")
    factories.BodyFactory(name="Vårdsamverkan Skåne")
    data = skane_docx(copies=10)
    print(f"\nskane-10x.docx: {len(data) / 1024:.0f} kB")

    draft = measure("parse a Word plan 10x Skåne", lambda: parse(data, bodies=bodies_for_import()))
    counts = draft.counts()
    print(f"  tree: {counts}")
    plan = measure(
        "create the plan 10x Skåne",
        lambda: plan_import(draft=draft, file_name="skane-10x.docx", user=strategist),
    )
    assert plan.sections.count() == 60
