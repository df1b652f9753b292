"""The plan's timeline: each dated entry as a bar or a marker on a time axis, drawn as SVG on
the server, the same drawing on the page and in the PDF.

Honest periods are the point: a reader must see which ends are known to the day and which
are not. How an end is known (`EXACT`, `APPROXIMATE`, `OPEN`) follows from the Period:
- a day ("2022-06-01") is exact;
- a month, quarter, term or year ("Q2 2022", "hösten 2022") is approximate: the bar fades
  in (or out) over that unit, since the words do not say on which day within it;
- "senast …" / "vid utgången av …" give no start (a dashed line from the axis edge up to the
  deadline, which is exact: it is the last day) and "fr o m …" gives no end (the bar runs to
  the axis edge and ends in an arrow).
Milestones and follow-ups are points in time: a marker at their end (a diamond, a circle),
filled when the end is a day, hollow when it is only "some time in" a month or quarter,
with a thin bar for the window the words allow. Activities are bars.

Zoom (`Scale`: month, quarter, year) sets the axis' unit and how wide a unit is drawn. All
geometry is computed here, in numbers, so templates only print them (no inline styles,
which the CSP forbids, and nothing that WeasyPrint's SVG renderer would read differently).
Labels are wrapped here with DejaVu Sans' advance widths (the PDF's font, and a wide one,
so wrapping holds for narrower screen fonts too): every label is drawn in full.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.periods import MONTHS, Precision, add_months
from plans.queries import Entry, PlanTree


class Scale(StrEnum):
    """The zoom, with its URL word (?skala=…)."""

    MONTH = "manad"
    QUARTER = "kvartal"
    YEAR = "ar"


SCALE_LABELS = {
    Scale.MONTH: gettext_lazy("Månad"),
    Scale.QUARTER: gettext_lazy("Kvartal"),
    Scale.YEAR: gettext_lazy("År"),
}
MONTHS_PER_UNIT = {Scale.MONTH: 1, Scale.QUARTER: 3, Scale.YEAR: 12}
# How wide one unit is drawn (SVG user units = CSS px on the page).
UNIT_WIDTH = {Scale.MONTH: 34, Scale.QUARTER: 46, Scale.YEAR: 150}
MIN_TIME_WIDTH = 560  # a short plan still gets room enough to tell its bars apart


def default_scale(months: int) -> Scale:
    """The zoom a plan opens at: months for a plan of up to two years, years past eight."""
    if months <= 24:
        return Scale.MONTH
    if months <= 96:
        return Scale.QUARTER
    return Scale.YEAR


def parse_scale(value: str | None) -> Scale | None:
    """The zoom asked for, or None (then the plan's default): an unknown word is not an error,
    a link that lost its value still shows the timeline."""
    try:
        return Scale(value)
    except ValueError:
        return None


# --- the axis -------------------------------------------------------------------------


def unit_start(day: date, scale: Scale) -> date:
    months = MONTHS_PER_UNIT[scale]
    return date(day.year, (day.month - 1) // months * months + 1, 1)


@dataclass(frozen=True)
class Tick:
    """A unit (or a year) of the axis: where it starts and ends, in fractions of the axis."""

    start: float
    end: float
    label: str
    first_of_year: bool = False


@dataclass(frozen=True)
class Axis:
    start: date  # the first day of the first unit
    end: date  # the day after the last unit
    scale: Scale

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def units(self) -> int:
        return (
            (self.end.year - self.start.year) * 12 + self.end.month - self.start.month
        ) // MONTHS_PER_UNIT[self.scale]

    def fraction(self, day: date) -> float:
        """Where the day starts on the axis, 0 (its start) to 1 (its end), clamped."""
        return min(max((day - self.start).days / self.days, 0.0), 1.0)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def ticks(self) -> list[Tick]:
        found, day = [], self.start
        while day < self.end:
            following = add_months(day, MONTHS_PER_UNIT[self.scale])
            found.append(
                Tick(
                    self.fraction(day),
                    self.fraction(following),
                    _unit_label(day, self.scale),
                    first_of_year=day.month == 1,
                )
            )
            day = following
        return found

    def years(self) -> list[Tick]:
        return [
            Tick(
                self.fraction(max(date(year, 1, 1), self.start)),
                self.fraction(min(date(year + 1, 1, 1), self.end)),
                str(year),
                first_of_year=True,
            )
            for year in range(self.start.year, (self.end - timedelta(days=1)).year + 1)
        ]


def _unit_label(day: date, scale: Scale) -> str:
    if scale is Scale.MONTH:
        return MONTHS[day.month - 1][:3]
    if scale is Scale.QUARTER:
        return f"Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def _axis(bounds: tuple[date, date], scale: Scale) -> Axis:
    first, last = bounds
    return Axis(
        unit_start(first, scale),
        add_months(unit_start(last, scale), MONTHS_PER_UNIT[scale]),
        scale,
    )


# --- where each entry lies ------------------------------------------------------------

EXACT, APPROXIMATE, OPEN = "exact", "approximate", "open"
# How long the unit of an approximate end is: the stretch an end fades over.
UNIT_DAYS = {
    Precision.MONTH: 30,
    Precision.QUARTER: 91,
    Precision.SEASON: 150,
    Precision.YEAR: 365,
}
MIN_BAR = 4  # px
MAX_FADE = 0.4  # of a bar's length, per end: a faded bar keeps a solid middle
GLYPHS = {"milestone": "diamond", "follow_up": "circle"}


@dataclass(frozen=True)
class Mark:
    """An entry's place on the axis (fractions) and how exactly each end is known."""

    start: float  # where the known stretch starts (0 when no start is given)
    end: float  # where it ends: the end of its last day (1 when no end is given)
    start_is: str  # EXACT, APPROXIMATE or OPEN
    end_is: str
    fade_start: float  # how far the start fades in (fraction of the axis)
    fade_end: float
    glyph: str | None  # "diamond" (milestone), "circle" (follow-up), None (a bar)
    tone: str  # the kind's key, or "overdue"

    @property
    def is_point(self) -> bool:
        return self.glyph is not None


def end_exactness(period) -> tuple[str, str]:
    """How the start and the end are known: a day is exact, a coarser unit approximate, a
    missing side open. "senast …" ends on its last day: a deadline is exact."""
    day = period.precision is Precision.DAY
    start = OPEN if period.start is None else EXACT if day else APPROXIMATE
    end = OPEN if period.end is None else EXACT if day or period.start is None else APPROXIMATE
    return start, end


def mark_for(entry: Entry, axis: Axis) -> Mark:
    period = entry.item.period
    start_is, end_is = end_exactness(period)
    start = axis.fraction(period.start) if period.start else 0.0
    end = axis.fraction(period.end + timedelta(days=1)) if period.end else 1.0
    unit = UNIT_DAYS.get(period.precision, 0) / axis.days
    fade = min(unit, (end - start) * MAX_FADE)
    return Mark(
        start=start,
        end=end,
        start_is=start_is,
        end_is=end_is,
        fade_start=fade if start_is == APPROXIMATE else 0.0,
        fade_end=fade if end_is == APPROXIMATE else 0.0,
        # A point in time has an end to mark; "fr o m …" has none, it is drawn as a bar.
        glyph=GLYPHS.get(entry.kind.key) if period.end else None,
        tone="overdue" if entry.overdue else entry.kind.key,
    )


# --- drawing --------------------------------------------------------------------------

COLOURS = {
    "activity": "#4f5d6e",
    "milestone": "#0b5394",
    "follow_up": "#1e6b34",
    "overdue": "#a1221b",
}

# An approximate end fades in steps of the colour mixed into white: steps, not a gradient,
# as some PDF viewers drop WeasyPrint's gradients (poppler) and steps print the same anywhere.
FADE_STEPS = (0.12, 0.3, 0.5, 0.7, 0.88)


def _tint(colour: str, share: float) -> str:
    """`share` of the colour, the rest white."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


TINTS = {tone: [_tint(colour, share) for share in FADE_STEPS] for tone, colour in COLOURS.items()}
# The narrow-screen list draws each entry in a lane of its own, scaled to the screen.
LANE_WIDTH, LANE_PAD = 400, 10


def _n(value: float) -> float:
    return round(value, 1)


@dataclass(frozen=True)
class Rect:
    x: float
    width: float
    fill: str


@dataclass(frozen=True)
class Drawn:
    """A Mark in SVG numbers: `left` and `width` place the axis, `middle` the row's line."""

    rects: list[Rect]
    y: float
    height: float
    colour: str
    dashed: tuple[float, float] | None  # open start: a dashed line from the axis edge
    arrow: str | None  # open end: a chevron past the axis edge (an SVG path)
    cap: str | None  # a bar's known end when its start is open (an SVG path)
    glyph: str | None  # "diamond" or "circle"
    glyph_path: str | None
    cx: float | None
    middle: float
    filled: bool  # the glyph: filled when its day is known, hollow when approximate

    @property
    def svg(self) -> str:
        """The mark's SVG elements. Written here, not in a template: a plan has hundreds of
        marks of a dozen shapes each (a template per mark made the page ten times slower),
        and they hold only numbers and colours from this module, nothing a user wrote."""
        colour, middle, parts = self.colour, self.middle, []
        if self.dashed:
            x1, x2 = self.dashed
            parts.append(
                f'<line x1="{x1}" y1="{middle}" x2="{x2}" y2="{middle}" stroke="{colour}" '
                'stroke-width="2" stroke-dasharray="5 4"/>'
            )
        parts += [
            f'<rect x="{r.x}" y="{self.y}" width="{r.width}" height="{self.height}" fill="{r.fill}"/>'
            for r in self.rects
        ]
        if self.cap:
            parts.append(f'<path d="{self.cap}" stroke="{colour}" stroke-width="3"/>')
        if self.arrow:
            parts.append(
                f'<path d="{self.arrow}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
            )
        fill = colour if self.filled else "#fff"
        if self.glyph == "diamond":
            parts.append(
                f'<path d="{self.glyph_path}" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
            )
        elif self.glyph == "circle":
            parts.append(
                f'<circle cx="{self.cx}" cy="{middle}" r="6" fill="{fill}" stroke="{colour}" '
                'stroke-width="2"/>'
            )
        return mark_safe("".join(parts))  # numbers and our own colours only


def _steps(left: float, width: float, tints: list[str]) -> list[Rect]:
    step = width / len(tints)
    # Each step overlaps the next by a little, so no hairline gaps show between them.
    return [Rect(_n(left + i * step), _n(step + 0.4), tint) for i, tint in enumerate(tints)]


def draw(mark: Mark, *, left: float, width: float, middle: float) -> Drawn:
    def x(fraction):
        return _n(left + fraction * width)

    colour = COLOURS[mark.tone]
    thickness = 6 if mark.is_point else 12
    start, end = mark.start, mark.end
    rects = []
    if mark.start_is != OPEN:
        solid_from = start + mark.fade_start
        solid_to = end - (0 if mark.is_point else mark.fade_end)
        tints = TINTS[mark.tone]
        if mark.fade_start:
            rects += _steps(x(start), mark.fade_start * width, tints)
        if not mark.is_point and mark.fade_end:
            rects += _steps(x(solid_to), mark.fade_end * width, tints[::-1])
        if solid_to > solid_from:
            # A one-day activity is a day wide: at least MIN_BAR, so it shows at any scale.
            rects.append(
                Rect(x(solid_from), max(_n((solid_to - solid_from) * width), MIN_BAR), colour)
            )
    cx = x(end) if mark.is_point else None
    glyph_path = None
    if mark.glyph == "diamond":
        glyph_path = f"M{cx} {middle - 7}L{cx + 7} {middle}L{cx} {middle + 7}L{cx - 7} {middle}Z"
    arrow = cap = None
    if mark.end_is == OPEN:  # past the axis' edge: it goes on after what is drawn
        edge = x(1)
        arrow = f"M{edge + 2} {middle - 6}L{edge + 9} {middle}L{edge + 2} {middle + 6}"
    if mark.start_is == OPEN and not mark.is_point:  # a bar with only its end: mark the end
        cap = f"M{x(end)} {middle - 7}V{middle + 7}"
    return Drawn(
        rects=rects,
        y=middle - thickness / 2,
        height=thickness,
        colour=colour,
        dashed=(x(0), x(end) if not mark.is_point else cx - 7) if mark.start_is == OPEN else None,
        arrow=arrow,
        cap=cap,
        glyph=mark.glyph,
        glyph_path=glyph_path,
        cx=cx,
        middle=middle,
        filled=mark.end_is == EXACT,
    )


# --- text -----------------------------------------------------------------------------

# DejaVu Sans' advance widths (em), grouped; letters not listed count as wide ones.
_WIDTH_GROUPS = {
    0.28: "ijl'|",
    0.3: "IJ",
    0.32: " .,",
    0.34: ";:/",
    0.36: "f-",
    0.4: "t()![]r",
    0.5: '"–§*',
    0.53: "szc?",
    0.59: "kvxyLFP",
    0.62: "aeoåäöéTYhnuEÉbdgpqS0123456789_",
    0.69: "KAVÅÄBRXZC",
    0.76: "UHNDGOQÖ&",
    0.86: "wM",
    1.0: "%mW—",
}
_WIDTHS = {char: width for width, chars in _WIDTH_GROUPS.items() for char in chars}
BOLD = 1.1  # bold DejaVu Sans is about a tenth wider


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    em = sum(_WIDTHS.get(char, 0.7) for char in text)
    return em * size * (BOLD if bold else 1)


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Lines of at most `width` (greedy by words; a word too long for a line is cut)."""
    space = text_width(" ", size, bold=bold)
    lines, line, used = [], "", 0.0
    for word in text.split():
        needed = text_width(word, size, bold=bold)
        if line and used + space + needed <= width:
            line, used = f"{line} {word}", used + space + needed
            continue
        if line:
            lines.append(line)
        while needed > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size, bold=bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
            needed = text_width(word, size, bold=bold)
        line, used = word, needed
    if line:
        lines.append(line)
    return lines or [""]


# --- the timeline ---------------------------------------------------------------------


@dataclass
class Item:
    entry: Entry
    mark: Mark
    lines: list[str] | None = None  # the label, wrapped for the chart

    @property
    def lane(self) -> Drawn:
        """The mark in a lane of its own (the narrow-screen list): LANE_WIDTH wide."""
        return draw(self.mark, left=LANE_PAD, width=LANE_WIDTH - 2 * LANE_PAD, middle=10)


@dataclass
class Group:
    """An area's entries: its own first, then each initiative's (empty ones left out), with
    the headings the plan page gives them."""

    heading: str
    items: list[Item] = field(default_factory=list)
    initiatives: list[tuple[str, list[Item]]] = field(default_factory=list)


@dataclass
class Timeline:
    scale: Scale
    axis: Axis | None
    today: date
    groups: list[Group]
    entries: list[Entry]  # dated, in time order: the table
    undated: list[Entry]

    @property
    def today_on_axis(self) -> bool:
        return self.axis is not None and self.axis.contains(self.today)

    @property
    def scales(self):
        """The zoom links: (URL word, label, is the current one)."""
        return [(scale.value, SCALE_LABELS[scale], scale is self.scale) for scale in Scale]

    colours = COLOURS
    tints = TINTS

    @property
    def time_width(self) -> int:
        return max(self.axis.units * UNIT_WIDTH[self.scale], MIN_TIME_WIDTH) if self.axis else 0

    @cached_property
    def chart(self) -> "Chart":
        """The whole timeline as one drawing (the page)."""
        return layout(self, self.rows())

    @property
    def chart_width(self) -> float:
        return TIME_LEFT + self.time_width + RIGHT_PAD

    @cached_property
    def pdf_charts(self) -> list["Chart"]:
        """Parts of the drawing for the PDF's landscape pages, where it is scaled to the width:
        a page holds PDF_PAGE_RATIO of the width in height, the first less its heading."""
        page = self.chart_width * PDF_PAGE_RATIO
        return self.chart_pages(page, first=page * PDF_FIRST_PAGE)

    def chart_pages(self, height: float, *, first: float | None = None) -> list["Chart"]:
        """The drawing cut into parts of at most `height` (the first at most `first`), each
        with its axis, cut between rows."""
        parts, part, used = [], [], HEADER_HEIGHT
        limit = height if first is None else first
        for row in self.rows():
            row_height = row_height_of(row)
            if part and used + row_height > limit:
                # A heading does not end a part: it goes over with what it heads.
                carried = []
                while part and part[-1][0] != "item":
                    carried.insert(0, part.pop())
                if part:
                    parts.append(part)
                part, used, limit = (
                    carried,
                    HEADER_HEIGHT + sum(map(row_height_of, carried)),
                    height,
                )
            part.append(row)
            used += row_height
        if part:
            parts.append(part)
        return [layout(self, rows) for rows in parts]

    def rows(self) -> list[tuple]:
        """("area", heading) / ("initiative", heading) / ("item", Item), in reading order."""
        found = []
        for group in self.groups:
            found.append(("area", group.heading))
            found += [("item", item) for item in group.items]
            for heading, items in group.initiatives:
                found.append(("initiative", heading))
                found += [("item", item) for item in items]
        return found

    # The narrow-screen list's axis and lines, the same for every lane.
    @cached_property
    def lane_years(self):
        return [_lane_span(tick) for tick in self.axis.years()] if self.axis else []

    @cached_property
    def lane_ticks(self):
        # At the year scale the years are the ticks.
        if not self.axis or self.scale is Scale.YEAR:
            return []
        return [_lane_span(tick) for tick in self.axis.ticks()]

    lane_right = LANE_WIDTH - LANE_PAD

    @cached_property
    def lane_grid(self) -> str:
        """What every lane shares: the lines between years, the axis' end and today."""
        lines = [
            f'<line x1="{y["x"]}" y1="0" x2="{y["x"]}" y2="20" stroke="#b9c1ca"/>'
            for y in self.lane_years
        ]
        right = self.lane_right
        lines.append(f'<line x1="{right}" y1="0" x2="{right}" y2="20" stroke="#b9c1ca"/>')
        if self.lane_today is not None:
            today = self.lane_today
            lines.append(
                f'<line x1="{today}" y1="0" x2="{today}" y2="20" stroke="#1b1f24" stroke-width="2"/>'
            )
        return mark_safe("".join(lines))  # numbers only

    @cached_property
    def lane_today(self) -> float | None:
        if not self.today_on_axis:
            return None
        return _n(LANE_PAD + self.axis.fraction(self.today) * (LANE_WIDTH - 2 * LANE_PAD))


def _lane_span(tick: Tick) -> dict:
    return _span(tick, LANE_PAD, LANE_WIDTH - 2 * LANE_PAD, min_label=30)


def _bounds(tree: PlanTree, entries: list[Entry]) -> tuple[date, date] | None:
    plan_period = tree.plan.period
    starts = [d for d in [plan_period.start, *(e.item.period.start for e in entries)] if d]
    ends = [d for d in [plan_period.end, *(e.item.period.end for e in entries)] if d]
    days = starts + ends
    return (min(days), max(days)) if days else None


def _months(bounds: tuple[date, date]) -> int:
    first, last = bounds
    return (last.year - first.year) * 12 + last.month - first.month + 1


def build_timeline(tree: PlanTree, today: date, scale: Scale | None = None) -> Timeline:
    entries = tree.entries(today)
    dated = [e for e in entries if e.item.period.start or e.item.period.end]
    undated = [e for e in entries if not (e.item.period.start or e.item.period.end)]
    bounds = _bounds(tree, dated)
    if bounds is None:
        return Timeline(scale or Scale.QUARTER, None, today, [], [], undated)
    scale = scale or default_scale(_months(bounds))
    axis = _axis(bounds, scale)
    # Grouped as the plan reads; within a group in time order (entries come sorted).
    by_owner = {}
    for entry in dated:
        key = (entry.section.pk, entry.initiative.pk if entry.initiative else None)
        by_owner.setdefault(key, []).append(Item(entry, mark_for(entry, axis)))
    groups = []
    for node in tree.sections:
        section = node.section
        group = Group(
            f"{tree.plan.section_label} {section.number}. {section.title}",
            by_owner.get((section.pk, None), []),
        )
        for child in node.initiatives:
            initiative = child.initiative
            items = by_owner.get((section.pk, initiative.pk))
            if items:
                group.initiatives.append((f"{initiative.letter}) {initiative.title}", items))
        if group.items or group.initiatives:
            groups.append(group)
    return Timeline(scale, axis, today, groups, dated, undated)


# --- the chart's layout ---------------------------------------------------------------

FONT = 12
LINE = 15
LABEL_LEFT = 8
LABEL_WIDTH = 330
TIME_LEFT = LABEL_LEFT + LABEL_WIDTH + 14
RIGHT_PAD = 14
HEADER_HEIGHT = 58  # years, units, the flag for today
HEADING_FONT = {"area": 13, "initiative": 12}
PAD = 6
# A landscape A4 page's text area (pdf.css: 26.5 × 16.5 cm) in height per width, and how much
# of it the first part gets under the section's heading and introduction.
PDF_PAGE_RATIO = 16.5 / 26.5 * 0.97
PDF_FIRST_PAGE = 0.85


def _item_lines(item: Item) -> list[str]:
    if item.lines is None:  # wrapped once: the height and the layout both need the lines
        item.lines = wrap(item.entry.item.text, LABEL_WIDTH - 4, FONT)
    return item.lines


def _heading_lines(kind: str, text: str) -> list[str]:
    # As wide as the narrowest chart: headings run across labels and time.
    size = HEADING_FONT[kind]
    return wrap(text, LABEL_WIDTH + MIN_TIME_WIDTH - 8, size, bold=True)


def row_height_of(row) -> float:
    kind, value = row
    if kind == "item":
        # The text's lines, then one bold line: kind, time, Förfallen.
        return (len(_item_lines(value)) + 1) * LINE + 2 * PAD
    return len(_heading_lines(kind, value)) * (HEADING_FONT[kind] + 4) + 2 * PAD + 4


@dataclass
class ChartRow:
    kind: str  # "area", "initiative", "item"
    y: float
    height: float
    lines: list[tuple[float, str]]  # (baseline, text): the heading's or the item's text
    item: Item | None = None
    drawn: Drawn | None = None

    @property
    def last_baseline(self) -> float:
        """The item's bold line (kind, time, Förfallen), under its text."""
        return _n(self.lines[-1][0] + LINE)

    @property
    def bottom(self) -> float:
        return _n(self.y + self.height)


@dataclass
class Chart:
    width: float
    height: float
    time_left: float
    time_width: float
    rows: list[ChartRow]
    years: list[dict]
    ticks: list[dict]
    today_x: float | None
    scale: Scale

    @property
    def header_height(self) -> int:
        return HEADER_HEIGHT

    @property
    def label_width(self) -> int:
        return LABEL_WIDTH

    @property
    def label_left(self) -> int:
        return LABEL_LEFT

    @property
    def time_right(self) -> float:
        return _n(self.time_left + self.time_width)

    @property
    def today_flag_x(self) -> float:
        return _n(self.today_x - 20)


def _span(tick: Tick, left: float, width: float, *, min_label: float) -> dict:
    return {
        "x": _n(left + tick.start * width),
        "middle": _n(left + (tick.start + tick.end) / 2 * width),
        "label": tick.label,
        "first_of_year": tick.first_of_year,
        "wide": (tick.end - tick.start) * width >= min_label,
    }


def layout(timeline: Timeline, rows: list[tuple]) -> Chart:
    width = timeline.time_width
    y = HEADER_HEIGHT
    placed = []
    for row in rows:
        kind, value = row
        height = row_height_of(row)
        if kind == "item":
            lines = [
                (_n(y + PAD + LINE * (i + 1) - 3), text)
                for i, text in enumerate(_item_lines(value))
            ]
            middle = y + PAD + LINE / 2 + 1
            drawn = draw(value.mark, left=TIME_LEFT, width=width, middle=middle)
            placed.append(ChartRow(kind, y, height, lines, item=value, drawn=drawn))
        else:
            step = HEADING_FONT[kind] + 4
            lines = [
                (_n(y + PAD + 2 + step * (i + 1) - 4), text)
                for i, text in enumerate(_heading_lines(kind, value))
            ]
            placed.append(ChartRow(kind, y, height, lines))
        y += height
    axis = timeline.axis
    ticks = axis.ticks() if timeline.scale is not Scale.YEAR else []
    return Chart(
        width=_n(timeline.chart_width),
        height=_n(y),
        time_left=TIME_LEFT,
        time_width=width,
        rows=placed,
        years=[_span(t, TIME_LEFT, width, min_label=36) for t in axis.years()],
        ticks=[_span(t, TIME_LEFT, width, min_label=20) for t in ticks],
        today_x=_n(TIME_LEFT + axis.fraction(timeline.today) * width)
        if timeline.today_on_axis
        else None,
        scale=timeline.scale,
    )
