"""Importing an agreement register from Excel or CSV: read, compared, written all or nothing,
with history that names the file and row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.imports.columns import COLUMNS, guess
from agreements.imports.preview import Outcome, build_preview
from agreements.imports.reading import read_sheet
from agreements.imports.services import ImportRefused, import_mapping_remember, register_import
from agreements.models import Agreement, Status
from core.models import SearchEntry
from governance.models import Decision, DecisionSubject
from tests import factories
from tests.agreements.register_files import (
    GOTLAND_ROWS,
    KEYS,
    csv_file,
    gotland_registers,
    synthetic_rows,
    workbook,
)


@pytest.fixture
def gotland(db):
    return gotland_registers()


def _import(user, data, name="register.xlsx", keys=KEYS):
    return register_import(user=user, sheet=read_sheet(data, name), keys=keys, file_name=name)


def test_seed_register_is_imported_with_its_decisions_and_history(gotland, user):
    result = _import(user, workbook(GOTLAND_ROWS))

    assert result.counts == {"new": 7, "changed": 0, "unchanged": 0, "error": 0}
    anhorig = Agreement.objects.get(register_id="STY-05567")
    assert (anhorig.title, anhorig.version_label, anhorig.status) == (
        "Anhörigstöd",
        "9.0",
        Status.IN_FORCE,
    )
    assert list(anhorig.parties.all()) == [gotland]
    assert anhorig.history.earliest().history_change_reason == "Import från register.xlsx, rad 6"
    assert anhorig.history.earliest().history_user == user
    assert [p.organisation for p in anhorig.history.earliest().parties.all()] == [gotland]
    numbers = sorted(
        str(d) for d in Decision.objects.filter(subjects__object_id=anhorig.pk).distinct()
    )
    assert numbers == ["HSN: HSN 2022/58", "SON: SON 2022/48"]
    # RS 2013/460 adopted both BUS and SUV: one decision about two agreements.
    # The search index is written once, at the end, and finds them.
    assert SearchEntry.objects.filter(title__contains="Anhörigstöd").exists()
    rs = Decision.objects.get(case_numbers__case_number="RS 2013/460")
    assert rs.subjects.count() == 2
    assert rs.history.earliest().history_change_reason == "Import från register.xlsx, rad 7"


def test_second_import_updates_by_register_id_and_says_what_changes(gotland, user):
    _import(user, workbook(GOTLAND_ROWS))
    rows = [list(row) for row in GOTLAND_ROWS]
    rows[2][3] = "Under revidering"
    rows[4][2] = "10.0"
    rows[4][6] = "HSN 2022/58, SON 2022/48"  # the same decisions, written with a space
    rows.append(["STY-40001", "Ny överenskommelse", "", "Utkast", "Region Gotland", "", ""])
    data = workbook(rows)

    preview = build_preview(read_sheet(data, "register-2.xlsx"), KEYS)
    outcomes = {row.values.register_id: row for row in preview.rows}
    assert outcomes["STY-05564"].outcome == Outcome.CHANGED
    assert [(c.label, c.old, c.new) for c in outcomes["STY-05564"].changes] == [
        ("Status", "Gällande", "Under revidering")
    ]
    assert [(c.old, c.new) for c in outcomes["STY-05567"].changes] == [("9.0", "10.0")]
    assert outcomes["STY-02292"].outcome == Outcome.UNCHANGED
    assert outcomes["STY-40001"].outcome == Outcome.NEW

    history_before = Agreement.history.filter(register_id="STY-02292").count()
    result = _import(user, data, name="register-2.xlsx")

    assert result.counts == {"new": 1, "changed": 2, "unchanged": 5, "error": 0}
    lakar = Agreement.objects.get(register_id="STY-05564")
    assert lakar.status == Status.UNDER_REVISION
    latest = lakar.history.latest()
    assert (latest.history_change_reason, latest.history_user) == (
        "Import från register-2.xlsx, rad 4",
        user,
    )
    # The new version keeps the parties and topics: its history shows the status changed only.
    assert [p.organisation for p in latest.parties.all()] == [gotland]
    assert latest.diff_against(latest.prev_record).changed_fields == ["status"]
    assert Agreement.history.filter(register_id="STY-02292").count() == history_before
    assert Decision.objects.count() == 11  # ten for HSN and SON, one RS 2013/460 for two


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "utf-8-sig"), (";", "utf-8"), (",", "utf-8"), (";", "cp1252"), (",", "cp1252")],
    ids=["semicolon-bom", "semicolon-utf8", "comma-utf8", "semicolon-cp1252", "comma-cp1252"],
)
def test_csv_in_the_encodings_and_separators_excel_writes(gotland, user, delimiter, encoding):
    data = csv_file(GOTLAND_ROWS, delimiter=delimiter, encoding=encoding)

    result = _import(user, data, name="register.csv")

    assert result.counts["new"] == 7
    assert Agreement.objects.get(register_id="STY-05567").title == "Anhörigstöd"
    # The en dash is in Windows-1252 too.
    assert "18–24 år" in Agreement.objects.get(register_id="STY-11006").title


def test_blank_lines_and_other_column_order_and_headings(gotland, user):
    headings = ["Ärende-nr", "ÖK", "Namn", "Part"]
    rows = [[row[6], row[0], row[1], row[4]] for row in GOTLAND_ROWS]
    data = workbook(rows, headings, blank_lines=True)
    keys = guess(read_sheet(data, "r.xlsx").headings, user=user)
    assert keys == ["", "register_id", "title", "parties"]  # "Ärende-nr" is not a known word

    result = _import(user, data, keys=["case_numbers", "register_id", "title", "parties"])

    assert result.counts["new"] == 7
    assert [row.number for row in result.rows][:3] == [2, 4, 6]


def test_remembered_mapping_is_the_users_own(gotland, user):
    headings = ["Ärende-nr", "ÖK", "Rubrik på avtalet"]
    import_mapping_remember(
        user=user, headings=headings, keys=["case_numbers", "register_id", "title"]
    )

    assert guess(headings, user=user) == ["case_numbers", "register_id", "title"]
    assert guess(headings, user=factories.ActingUserFactory()) == ["", "register_id", ""]


def _errors(preview):
    return {row.number: row.errors for row in preview.error_rows}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda rows: rows[3].__setitem__(0, "STY-02292"),
            "Registerbeteckningen STY-02292 finns redan på rad 2 i filen.",
        ),
        (
            lambda rows: rows[3].__setitem__(6, "HSN 2022-253, SON 2022/133"),
            "Ogiltigt ärendenummer",
        ),
        (
            lambda rows: rows[3].__setitem__(6, "SON 2022/253, HSN 2022/133"),
            "Ärendenumret ska börja med organets förkortning HSN.",
        ),
        (
            lambda rows: rows[3].__setitem__(4, "Region Atlantis"),
            "Parter: ”Region Atlantis” finns inte bland huvudmännen i registret.",
        ),
        (lambda rows: rows[3].__setitem__(3, "Kanske"), "Status: ”Kanske” är inget giltigt värde."),
        (lambda rows: rows[3].__setitem__(1, ""), "Titel: "),
        (lambda rows: rows[3].__setitem__(0, ""), "Registerbeteckning saknas."),
    ],
    ids=[
        "duplicate-id",
        "wrong-case-number",
        "case-number-of-other-body",
        "unknown-party",
        "unknown-status",
        "no-title",
        "no-id",
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(gotland, user, change, expected):
    rows = [list(row) for row in GOTLAND_ROWS]
    change(rows)

    with pytest.raises(ImportRefused) as refused:
        _import(user, workbook(rows))

    errors = _errors(refused.value.preview)
    assert list(errors) == [5]
    assert any(message.startswith(expected) for message in errors[5]), errors
    assert Agreement.objects.count() == 0
    assert Decision.objects.count() == 0
    assert DecisionSubject.objects.count() == 0
    assert Agreement.history.count() == 0


def test_a_missing_column_leaves_new_agreements_without_a_title(gotland, user):
    rows = [[row[0], row[3]] for row in GOTLAND_ROWS]

    with pytest.raises(ImportRefused) as refused:
        _import(
            user, workbook(rows, ["Registerbeteckning", "Status"]), keys=["register_id", "status"]
        )

    assert len(refused.value.preview.error_rows) == 7
    assert Agreement.objects.count() == 0


def test_a_missing_column_leaves_existing_agreements_as_they_are(gotland, user):
    _import(user, workbook(GOTLAND_ROWS))
    rows = [[row[0], "Upphört" if row[0] == "STY-02292" else row[3]] for row in GOTLAND_ROWS]

    result = _import(
        user, workbook(rows, ["Registerbeteckning", "Status"]), keys=["register_id", "status"]
    )

    assert result.counts == {"new": 0, "changed": 1, "unchanged": 6, "error": 0}
    agreement = Agreement.objects.get(register_id="STY-02292")
    assert (agreement.status, agreement.title) == (Status.EXPIRED, "Övergripande överenskommelse")
    assert agreement.parties.count() == 1


def test_dates_and_validity_in_order(gotland, user):
    headings = [
        "Registerbeteckning",
        "Titel",
        "Gäller från",
        "Gäller till",
        "Beslutsdatum",
        "Ärendenummer",
    ]
    rows = [
        ["STY-1", "Ett", "2022-01-01", "2025-12-31", "2021-12-14", "HSN 2021/9"],
        ["STY-2", "Två", "2025-01-01", "2022-12-31", "", ""],
        ["STY-3", "Tre", "1 januari", "", "", ""],
    ]
    keys = guess(headings, user=user)
    preview = build_preview(read_sheet(workbook(rows, headings), "r.xlsx"), keys)

    assert _errors(preview) == {
        3: ["Gäller till: Slutdatum kan inte ligga före startdatum."],
        4: ["Gäller från: ”1 januari” är inget datum. Skriv datum som ÅÅÅÅ-MM-DD."],
    }
    assert preview.rows[0].new_decisions[0].on.isoformat() == "2021-12-14"


def test_ambiguous_body_code_is_resolved_by_the_parties(gotland, user):
    other_region = factories.RegionFactory(name="Region Kalmar län")
    factories.BodyFactory(
        name="Hälso- och sjukvårdsnämnden", short_code="HSN", organisations=[other_region]
    )
    rows = [["STY-1", "Ett", "Region Gotland", "HSN 2021/9"], ["STY-2", "Två", "", "HSN 2021/10"]]

    preview = build_preview(
        read_sheet(workbook(rows, ["Id", "Titel", "Parter", "Dnr"]), "r.xlsx"),
        ["register_id", "title", "parties", "case_numbers"],
    )

    assert preview.rows[0].new_decisions[0].body.organisations.get() == gotland
    assert _errors(preview) == {
        3: ["Flera organ har förkortningen HSN. Ange organen i kolumnen ”Fastställd av”."]
    }


def test_files_that_are_not_registers_are_refused_in_swedish():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Excel"):
        read_sheet(b"PK\x03\x04 not really a zip", "r.xlsx")
    with pytest.raises(ValidationError, match="inga rader"):
        read_sheet(b"\n\n", "r.csv")
    with pytest.raises(ValidationError, match="inga rader under rubrikraden"):
        read_sheet(csv_file([]), "r.csv")
    # Empty columns at the right of the headings are not columns.
    assert read_sheet(csv_file([["STY-1", "Ett", ""]], ["Id", "Titel", ""]), "r.csv").headings == [
        "Id",
        "Titel",
    ]


def test_every_field_has_a_label_and_words():
    assert all(column.label and column.aliases for column in COLUMNS)


def _import_queries(user, rows) -> int:
    sheet = read_sheet(workbook(rows), "register.xlsx")
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        register_import(user=user, sheet=sheet, keys=KEYS, file_name="register.xlsx")
    return len(captured)


# New and changed agreements, their parties, decisions and history are written in batches:
# a query more now and then (SQLite takes at most 999 values a statement), none per row. Only
# a change of parties is written row by row (a history version of its own, as by hand).
QUERIES_PER_ROW = 0.1


def test_import_costs_a_batch_not_a_row(gotland, user):
    rows = synthetic_rows(115)
    _import_queries(user, rows[:5])  # the register no longer empty, as it will be
    small, large = rows[5:15], rows[15:]
    more = len(large) - len(small)
    new_cost = _import_queries(user, large) - _import_queries(user, small)
    assert new_cost <= QUERIES_PER_ROW * more

    def changed(rows):
        return [[*row[:3], "Under revidering", *row[4:]] for row in rows]

    changed_cost = _import_queries(user, changed(large)) - _import_queries(user, changed(small))
    assert changed_cost <= QUERIES_PER_ROW * more
