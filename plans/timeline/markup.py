"""The timeline page's entries as HTML: the chart's rows (headings and items), the
narrow-screen list's items, the table's rows and the entries without an end.

Written here, not in included templates, as the plan page's items are (plans.markup): the
page draws each dated entry three times (chart, list, table), and at 10x the Skåne plan
(1 080 entries) the includes per entry, their variable lookups and `{% translate %}` were
most of the request (docs/architecture.md, "Measuring"). The HTML is what the templates
wrote, byte for byte: values escaped with the standard library's `html.escape` (as Django's
autoescape), content marked as the `content_lang` tag and filter mark it, numbers printed
with `str()` as `{% localize off %}` printed them, the words of the interface looked up once
per call (`Page.once`) and each entry's period read once (`Entry.period`)."""

from html import escape

from django.utils.translation import gettext as _

from core.content_language import content_text
from plans.markup import Page, kind_label, overdue_tag, period_words

HEADING_FILLS = {"area": "#dfe6ee", "initiative": "#f1f4f7"}


def chart_rows(chart, page: Page) -> str:
    """The chart's rows in SVG: a heading's band and lines, or an item's lines, its bold line
    (kind, time, Förfallen) and its mark; one row a line."""
    left, width = chart.label_left, chart.width
    rows = []
    for row in chart.rows:
        lines = "".join(
            f'<tspan x="{left}" y="{baseline}">{escape(text)}</tspan>'
            for baseline, text in row.lines
        )
        if row.kind != "item":
            size = ' font-size="13"' if row.kind == "area" else ""
            rows.append(
                f'<g class="tl-heading"><rect x="0" y="{row.y}" width="{width}" '
                f'height="{row.height}" fill="{HEADING_FILLS[row.kind]}"/>'
                f'<text font-weight="bold"{size}>{lines}</text></g>\n'
            )
            continue
        entry = row.item.entry
        overdue = ""
        if entry.overdue:
            overdue = (
                '<tspan font-size="11" font-weight="bold" fill="#a1221b">'
                f" · ⚠ {page.once(('Förfallen',), lambda: escape(_('Förfallen')))}</tspan>"
            )
        rows.append(
            f'<g class="tl-row"><line x1="0" y1="{row.bottom}" x2="{width}" y2="{row.bottom}" '
            f'stroke="#e3e7ec"/><text>{lines}<tspan x="{left}" y="{row.last_baseline}" '
            'font-size="11" font-weight="bold" fill="#3b434c">'
            f"{kind_label(entry.kind, page)} · {escape(entry.period.display())}</tspan>"
            f"{overdue}</text>{row.drawn.svg}</g>\n"
        )
    return "".join(rows)


def list_items(items, lane_grid: str, page: Page) -> str:
    """The narrow-screen list's items: the text, kind and time (Förfallen), and the mark in a
    lane over `lane_grid` (what every lane shares)."""
    lang = page.lang_attribute
    html = []
    for item in items:
        entry = item.entry
        overdue = f" · {overdue_tag(page)}" if entry.overdue else ""
        html.append(
            f'<li><p class="tl-list-text"{lang}>{escape(entry.item.text)}</p>\n'
            f'<p class="tl-list-meta">{kind_label(entry.kind, page)} · '
            f"<strong>{period_words(entry.period, page)}</strong>{overdue}</p>\n"
            '<svg class="tl-lane" viewBox="0 0 400 20" aria-hidden="true" focusable="false">'
            f"{lane_grid}{item.lane.svg}</svg></li>\n"
        )
    return "".join(html)


def table_rows(entries, plan_url: str, page: Page) -> str:
    """The table's rows: when, how the time is read, what, where in the plan (a link to it)
    and whether it is overdue, passed or coming on the page's day."""
    link = escape(plan_url)
    rows = []
    for entry in entries:
        item, period = entry.item, entry.period
        if entry.overdue:
            state = overdue_tag(page)
        elif period.end and period.end < page.today:
            state = page.once(("Passerad",), lambda: escape(_("Passerad")))
        else:
            state = page.once(("Kommande",), lambda: escape(_("Kommande")))
        overdue = ' class="row-overdue"' if entry.overdue else ""
        rows.append(
            f"\n    <tr{overdue}>\n"
            f"      <td>{period_words(period, page)}</td>\n"
            f"      <td>{escape(period.describe())}</td>\n"
            f"      <td>{kind_label(entry.kind, page)}: {content_text(item.text, page.language)}</td>\n"
            f'      <td><a href="{link}#{escape(entry.anchor)}">{where(entry)}</a></td>\n'
            f"      <td>{state}</td>\n"
            "    </tr>\n  "
        )
    return "".join(rows)


def where(entry) -> str:
    """Where the entry is in the plan: its section's number and its initiative's letter
    ("3b)"), or the number alone ("3.")."""
    if entry.initiative:
        return f"{entry.section.number}{escape(entry.initiative.letter)})"
    return f"{entry.section.number}."


def undated(entry, page: Page) -> str:
    """An entry without an end: its kind and text, and its words of time if it has any."""
    item = entry.item
    html = f"{kind_label(entry.kind, page)}: {content_text(item.text, page.language)}"
    if item.period_text:
        html += f" ({period_words(entry.period, page)})"
    return html


def undated_items(entries, page: Page) -> str:
    """The entries without an end, each a list item."""
    return "".join(f"<li>{undated(entry, page)}</li>" for entry in entries)
