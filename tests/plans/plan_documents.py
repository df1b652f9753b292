"""Word documents of plans, built in the tests from the seeds' text (tests/plans/seed_texts:
seed 004, Skåne's activity and time plan, and seed 003, Jämtland's project plan), as they
are written and in the messier ways people write them."""

import io
import re
from pathlib import Path

import docx

SEEDS = Path(__file__).parent / "seed_texts"
BLOCK_LABELS = ("Aktivitet", "Aktiviteter", "Tidplan", "Uppföljning", "Ansvar")
SECTION_LINE = re.compile(r"^(\d)\. (\S.{0,120}[^.])$")
INITIATIVE_LINE = re.compile(r"^([a-d])\) (.+)$")


def skane_paragraphs() -> list[str]:
    """Seed 004 as its paragraphs (a blank line between them), from its title on."""
    text = (SEEDS / "skane_004.txt").read_text(encoding="utf-8")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_lines(document, paragraph: str, *, headings: bool, numbering: str, blank_lines: bool):
    for line in paragraph.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif match := SECTION_LINE.match(line):
            if numbering == "omrade":
                line = f"Område {match[1]}: {match[2]}"
            document.add_paragraph(line, style="Heading 1" if headings else None)
        elif match := INITIATIVE_LINE.match(line):
            if numbering == "omrade":
                line = f"{match[1]}. {match[2]}"
            document.add_paragraph(line, style="Heading 2" if headings else None)
        else:
            document.add_paragraph(line)
        if blank_lines:
            document.add_paragraph("")


def _blocks_as_table(document, blocks: list[tuple[str, list[str]]], columns: bool):
    """An initiative's Aktivitet/Tidplan/Uppföljning/Ansvar as a table: a row per block
    (label | content), or a column per block under a row of labels."""
    if columns:
        table = document.add_table(rows=2, cols=len(blocks))
        for index, (label, lines) in enumerate(blocks):
            table.rows[0].cells[index].text = label
            _fill(table.rows[1].cells[index], lines)
        return
    table = document.add_table(rows=len(blocks), cols=2)
    for row, (label, lines) in zip(table.rows, blocks, strict=True):
        row.cells[0].text = label
        _fill(row.cells[1], lines)


def _fill(cell, lines: list[str]):
    cell.text = ""
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.text = line[2:] if line.startswith("- ") else line
        if line.startswith("- "):
            paragraph.style = "List Bullet"


def skane_docx(*, headings=False, tables=None, blank_lines=False, numbering="", copies=1) -> bytes:
    """Seed 004 in Word. `tables`: "rows" or "columns" writes every block group as a table;
    `numbering`: "omrade" writes "Område 1: …" and "a. …"; `copies`: the areas written that
    many times over, numbered on (a plan ten times Skåne's size)."""
    document = docx.Document()
    paragraphs = skane_paragraphs()
    first_area = next(i for i, p in enumerate(paragraphs) if p.startswith("1. Personcentrerat"))
    preamble, body = paragraphs[:first_area], paragraphs[first_area:]
    for paragraph in preamble:
        _add_lines(document, paragraph, headings=False, numbering="", blank_lines=blank_lines)
    for copy in range(copies):
        _add_body(document, _renumbered(body, copy * 6), headings, tables, blank_lines, numbering)
    return _save(document)


def _renumbered(body: list[str], offset: int) -> list[str]:
    if not offset:
        return body
    return [
        SECTION_LINE.sub(lambda m: f"{int(m[1]) + offset}. {m[2]}", p)
        if SECTION_LINE.match(p)
        else p
        for p in body
    ]


def _add_body(document, body, headings, tables, blank_lines, numbering):
    pending: list[tuple[str, list[str]]] = []
    for paragraph in body:
        label = paragraph.strip()
        if tables and label in BLOCK_LABELS:
            pending.append((label, []))
            continue
        if tables and pending and not _is_heading(paragraph):
            pending[-1][1].extend(line.strip() for line in paragraph.splitlines() if line.strip())
            continue
        if pending:
            _blocks_as_table(document, pending, columns=tables == "columns")
            pending = []
        _add_lines(
            document, paragraph, headings=headings, numbering=numbering, blank_lines=blank_lines
        )
    if pending:
        _blocks_as_table(document, pending, columns=tables == "columns")


def _is_heading(paragraph: str) -> bool:
    line = paragraph.strip()
    return bool(SECTION_LINE.match(line) or INITIATIVE_LINE.match(line))


def _cell_paragraphs(html: str) -> list[str]:
    """Seed 003's table cells carry HTML: paragraphs, bullets (•) and italics become
    paragraphs of their own."""
    text = re.sub(r"</?(?:p|ul|i)[^>]*>", "\n", html)
    text = text.replace("•", "\n- ")
    return [line.strip() for line in text.splitlines() if line.strip().strip("-").strip()]


def jamtland_docx() -> bytes:
    """Seed 003 in Word: its title, then its one table (label | text rows, then phase | date |
    activity rows, the phase written in the first row of each)."""
    text = (SEEDS / "jamtland_003.txt").read_text(encoding="utf-8")
    document = docx.Document()
    document.add_paragraph(next(line for line in text.splitlines() if line.strip()))
    rows: list[list[str]] = []
    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.rstrip("\t").split("\t"))
        elif rows and line.strip() and not line.startswith(("¹", "²", "³")):
            rows[-1][-1] += " " + line.strip()
    table = document.add_table(rows=0, cols=3)
    for cells in rows:
        row = table.add_row()
        if len(cells) == 2:
            row.cells[1].merge(row.cells[2])
        for cell, html in zip(row.cells, cells, strict=False):
            paragraphs = _cell_paragraphs(html) if "<" in html or "•" in html else [html.strip()]
            _fill(cell, paragraphs)
    return _save(document)
