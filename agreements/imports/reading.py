"""A register file as headings and rows of text: Excel (.xlsx, the first sheet) or CSV
(semicolons or commas; UTF-8 with or without BOM, or Windows-1252 as older Excel saves)."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath

import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.uploads import ZIP_MAGIC

EXTENSIONS = {".xlsx": ZIP_MAGIC, ".csv": None}
MAX_ROWS = 10_000


@dataclass
class Sheet:
    headings: list[str]
    # (the row's number in the file as a spreadsheet shows it, its cells as text)
    rows: list[tuple[int, list[str]]]


def read_sheet(data: bytes, name: str) -> Sheet:
    lines = _xlsx_lines(data) if PurePath(name).suffix.lower() == ".xlsx" else _csv_lines(data)
    numbered = [(n, cells) for n, cells in lines if any(cell for cell in cells)]
    if not numbered:
        raise ValidationError(_("Filen innehåller inga rader."), code="empty")
    (_first, headings), rows = numbered[0], numbered[1:]
    while headings and not headings[-1]:  # empty columns at the right: a sheet's used range
        headings = headings[:-1]
    if not rows:
        raise ValidationError(_("Filen har inga rader under rubrikraden."), code="no_rows")
    if len(rows) > MAX_ROWS:
        raise ValidationError(
            _("Filen har fler än %(max)s rader. Dela upp den.") % {"max": MAX_ROWS},
            code="too_many_rows",
        )
    width = len(headings)
    return Sheet(
        headings=[heading or _("Kolumn %(n)s") % {"n": i} for i, heading in enumerate(headings, 1)],
        rows=[(n, (cells + [""] * width)[:width]) for n, cells in rows],
    )


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\u00a0", " ").strip()


def _xlsx_lines(data: bytes):
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is no workbook
        raise ValidationError(
            _("Filen kunde inte läsas som en Excel-fil (.xlsx)."), code="unreadable"
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return [
            (n, [_text(value) for value in row])
            for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Not UTF-8: Excel's "CSV" on Swedish Windows writes Windows-1252.
        return data.decode("cp1252", errors="replace")


def _csv_lines(data: bytes):
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return [
            (n, [_text(cell) for cell in row])
            for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
        ]
    except csv.Error as error:
        raise ValidationError(
            _("Filen kunde inte läsas som CSV: %(error)s") % {"error": error}, code="unreadable"
        ) from error
