"""A Word document as the lines a plan is read from, each with its place in the document:
paragraphs in order (headings, list items, plain text), and tables opened up into the same
lines (a row "Tidplan | …" is the label and its items; a row "FAS 1 | 2021-01-28 | Webinar"
is a phase and a dated activity; a first row of labels makes columns of blocks)."""

import io
import re
from dataclasses import dataclass

import docx
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx.table import Table

from core import periods

BLOCK_LABELS = {
    "aktivitet": "activities",
    "aktiviteter": "activities",
    "tidplan": "milestones",
    "tidsplan": "milestones",
    "uppföljning": "follow_ups",
    "ansvar": "responsibility",
    "ansvarig": "responsibility",
}
LIST_MARKER = re.compile(r"^\s*[-–•·*▪o]\s+")


@dataclass
class Line:
    text: str
    place: str
    kind: str = "text"  # text, heading, list, label, dated, field, unknown
    period: str = ""  # a dated table row's date column
    note: str = ""  # what a cell holds below its first paragraph
    label: str = ""  # a two-column row's left column (kind "field")
    numbered: bool = False  # a heading Word numbers itself (the number is not in its text)


def block_of(text: str) -> str | None:
    """The block a label opens (activities, milestones, follow_ups, responsibility)."""
    return BLOCK_LABELS.get(text.strip().rstrip(":").strip().lower())


def _paragraph_kind(paragraph, styles: dict[str, str]) -> tuple[str, str]:
    text = paragraph.text.replace("\u00a0", " ").strip()
    # By the style's id, named from a table read once: python-docx's `paragraph.style` looks
    # the default style up among all styles for every paragraph.
    style = styles.get(paragraph._p.style or "", "")
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if style.startswith(("heading", "rubrik")) or style == "title":
        return ("numbered heading" if numbered else "heading"), text
    if LIST_MARKER.match(text):
        return "list", LIST_MARKER.sub("", text, count=1)
    if numbered or "list" in style:
        return "list", text
    return "text", text


def _cell_lines(cell, place: str, styles: dict[str, str]) -> list[Line]:
    lines = []
    for paragraph in cell.paragraphs:
        kind, text = _paragraph_kind(paragraph, styles)
        if text:
            lines.append(Line(text=text, place=place, kind="list" if kind == "list" else "text"))
    return lines


def _unique_cells(row) -> list:
    """A row's cells, a merged cell once."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _is_date(text: str) -> bool:
    return bool(re.search(r"\d{4}", text)) and periods.parse(text).is_understood


def _table_lines(table, number: int, styles: dict[str, str]) -> list[Line]:
    rows = [_unique_cells(row) for row in table.rows]
    lines: list[Line] = []
    if rows and len(rows[0]) > 1 and all(block_of(c.text) for c in rows[0]):
        # Columns of blocks: Aktivitet | Tidplan | Uppföljning | Ansvar over their content.
        for column, head in enumerate(rows[0], start=1):
            place = _("tabell %(t)s, kolumn %(c)s") % {"t": number, "c": column}
            lines.append(Line(text=head.text.strip(), place=place, kind="label"))
            for row in rows[1:]:
                if column <= len(row):
                    lines.extend(_cell_lines(row[column - 1], place, styles))
        return lines
    last_phase = None
    for row_number, cells in enumerate(rows, start=1):
        place = _("tabell %(t)s, rad %(r)s") % {"t": number, "r": row_number}
        texts = [c.text.replace("\u00a0", " ").strip() for c in cells]
        if not any(texts):
            continue
        if len(cells) == 3 and _is_date(texts[1]):
            # A project plan's phase | date | activity (the phase cell merged or repeated).
            if texts[0] and texts[0] != last_phase:
                lines.append(Line(text=texts[0], place=place, kind="heading"))
                last_phase = texts[0]
            content = _cell_lines(cells[2], place, styles)
            if content:
                first, *rest = content
                note = "\n\n".join(line.text for line in rest)
                lines.append(Line(first.text, place, "dated", period=texts[1], note=note))
        elif len(cells) == 2 and block_of(texts[0]):
            lines.append(Line(text=texts[0], place=place, kind="label"))
            lines.extend(_cell_lines(cells[1], place, styles))
        elif len(cells) == 2 and texts[0]:
            content = "\n\n".join(
                f"- {line.text}" if line.kind == "list" else line.text
                for line in _cell_lines(cells[1], place, styles)
            )
            lines.append(Line(content, place, "field", label=texts[0]))
        elif len(cells) == 1 or sum(1 for t in texts if t) == 1:
            lines.extend(
                _cell_lines(next(c for c, t in zip(cells, texts, strict=True) if t), place, styles)
            )
        else:
            lines.append(Line(" | ".join(t for t in texts if t), place, "unknown"))
    return lines


def read_docx(data: bytes) -> list[Line]:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a file that is no document
        raise ValidationError(
            _("Filen kunde inte läsas som ett Word-dokument (.docx)."), code="unreadable"
        ) from error
    styles = {style.style_id: (style.name or "").lower() for style in document.styles}
    lines: list[Line] = []
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            tables += 1
            lines.extend(_table_lines(block, tables, styles))
            continue
        kind, text = _paragraph_kind(block, styles)
        if text:
            paragraphs += 1
            place = _("stycke %(n)s") % {"n": paragraphs}
            numbered = kind == "numbered heading"
            kind = "heading" if numbered else kind
            lines.append(Line(text=text, place=place, kind=kind, numbered=numbered))
    if not lines:
        raise ValidationError(_("Dokumentet innehåller ingen text."), code="empty")
    return lines
