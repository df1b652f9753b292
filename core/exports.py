"""A table taken away: Excel (.xlsx, openpyxl) or CSV, written from columns each app declares
beside its queries (`Column`: a Swedish header, how a row gives the value, a width).

- Excel: a bold, frozen header row, the columns' widths, dates as real dates (formatted
  yyyy-mm-dd), written row by row (openpyxl's write-only mode keeps memory flat).
- CSV: UTF-8 with a byte-order mark and semicolons, as Swedish Excel opens it without an
  import dialogue (with commas and no BOM it reads one column of mojibake); dates ISO.
- Text that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
  return) is prefixed with an apostrophe in both formats: an agreement's title typed as
  "=HYPERLINK(…)" stays text in whoever's spreadsheet opens the file.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMATS = {
    "xlsx": (
        _("Excel (.xlsx)"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "csv": (_("CSV"), "text/csv; charset=utf-8"),
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel's limit on a sheet's name.
SHEET_NAME_LENGTH = 31


class FormatConverter:
    """`<export:format>` in URLs: only the formats written here."""

    regex = "xlsx|csv"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    width: int = 20


def neutralise(value: str) -> str:
    """Text a spreadsheet would read as a formula, made plain text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell_value(value: Any) -> Any:
    """One value as both formats hold it: None as empty, lists joined, text neutralised;
    dates, numbers and booleans as they are."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(part) for part in value if part)
    if isinstance(value, datetime):  # spreadsheets know no zones: Swedish time, as shown
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date | int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nej"))
    return neutralise(str(value))


def write_xlsx(columns: list[Column], rows: Iterable, *, title: str) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_sheet_name(title))
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=neutralise(str(column.header)))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for column in columns:
            value = _cell_value(column.value(row))
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever openpyxl guesses
            elif isinstance(value, date):
                cell.number_format = DATETIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(title: str) -> str:
    # Excel refuses these characters in a sheet's name.
    return "".join(" " if char in "[]:*?/\\" else char for char in str(title))[:SHEET_NAME_LENGTH]


def write_csv(columns: list[Column], rows: Iterable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(str(column.header)) for column in columns])
    for row in rows:
        writer.writerow([_csv_text(_cell_value(column.value(row))) for column in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_text(value: Any) -> str:
    # As Swedish Excel reads a date and a moment typed into a cell.
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return value.isoformat() if isinstance(value, date) else str(value)


def export_response(
    export_format: str, columns: list[Column], rows: Iterable, *, title: str, filename: str
) -> HttpResponse:
    """The table as a download in `export_format` ("xlsx" or "csv")."""
    if export_format not in FORMATS:
        raise Http404(_("Okänt format."))
    if export_format == "xlsx":
        content = write_xlsx(columns, rows, title=title)
    else:
        content = write_csv(columns, rows)
    response = HttpResponse(content, content_type=FORMATS[export_format][1])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
    return response


def invalid_filter(form) -> HttpResponse:
    """A list's filter with errors: 400 with its Swedish messages, as the list page answers."""
    errors = "; ".join(
        f"{form[name].label}: {message}"
        for name, messages in form.errors.items()
        for message in messages
    )
    return HttpResponseBadRequest(
        _("Filtret innehåller fel: %(errors)s") % {"errors": errors},
        content_type="text/plain; charset=utf-8",
    )
