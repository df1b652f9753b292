"""core.exports: the formats as spreadsheet programs read them (read back with openpyxl and
csv), formula text neutralised, dates as dates."""

import io
from datetime import date

import pytest
from django.http import Http404
from openpyxl import load_workbook

from core.exports import Column, export_response, neutralise, write_csv, write_xlsx
from tests.exports import csv_rows, xlsx_rows

COLUMNS = [
    Column("Titel", lambda row: row["title"], 40),
    Column("Datum", lambda row: row["day"], 12),
    Column("Parter", lambda row: row["parties"], 30),
]
ROWS = [
    {
        "title": "Läkarmedverkan i kommunal hälso- och sjukvård",
        "day": date(2022, 6, 1),
        "parties": ["Region Gotland", "Gotlands kommun"],
    },
    {"title": '=HYPERLINK("http://evil";"klicka")', "day": None, "parties": []},
]


@pytest.mark.parametrize(
    "text", ["=1+1", "+46 70", "-2", "@SUM(A1)", "\tx", "\rx"], ids=lambda t: repr(t[:1])
)
def test_text_a_spreadsheet_would_run_is_made_plain(text):
    assert neutralise(text) == "'" + text


def test_ordinary_text_is_left_alone():
    assert neutralise("Hösten 2022 – ämne") == "Hösten 2022 – ämne"


def test_xlsx_has_a_bold_frozen_header_widths_and_real_dates():
    content = write_xlsx(COLUMNS, ROWS, title="Överenskommelser: [alla]")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "Överenskommelser   alla "
    assert [cell.value for cell in sheet[1]] == ["Titel", "Datum", "Parter"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 40
    assert sheet["B2"].value.date() == date(2022, 6, 1)
    assert sheet["B2"].is_date and sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet["C2"].value == "Region Gotland, Gotlands kommun"


def test_xlsx_keeps_formula_text_as_text():
    content = write_xlsx(COLUMNS, ROWS, title="t")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A3"].data_type == "s"
    assert sheet["A3"].value == '\'=HYPERLINK("http://evil";"klicka")'
    assert xlsx_rows(content)[2][1:] == [None, None]


def test_csv_is_utf8_with_bom_and_semicolons_for_swedish_excel():
    content = write_csv(COLUMNS, ROWS)
    assert content.startswith(b"\xef\xbb\xbfTitel;Datum;Parter\r\n")
    rows = csv_rows(content)
    assert rows[1] == [
        "Läkarmedverkan i kommunal hälso- och sjukvård",
        "2022-06-01",
        "Region Gotland, Gotlands kommun",
    ]
    assert rows[2][0].startswith("'=HYPERLINK")


def test_the_response_is_a_named_download():
    response = export_response("csv", COLUMNS, ROWS, title="t", filename="forteckning")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="forteckning.csv"'


def test_an_unknown_format_is_not_found():
    with pytest.raises(Http404):
        export_response("pdf", COLUMNS, ROWS, title="t", filename="x")


def test_a_moment_is_written_in_swedish_time():
    from datetime import UTC, datetime

    columns = [Column("Expedierad", lambda row: row)]
    content = write_csv(columns, [datetime(2024, 7, 1, 10, 0, tzinfo=UTC)])
    assert csv_rows(content)[1] == ["2024-07-01 12:00"]
    sheet = load_workbook(
        io.BytesIO(write_xlsx(columns, [datetime(2024, 7, 1, 10, 0, tzinfo=UTC)], title="t"))
    ).active
    assert sheet["A2"].value == datetime(2024, 7, 1, 12, 0)
    assert sheet["A2"].number_format == "yyyy-mm-dd hh:mm"
