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

One module per part: axis (the zoom and the time axis), marks (where an entry sits and how its
ends are known), drawing (a mark in SVG numbers), labels (wrapping), layout (the chart's
rows), build (`build_timeline`, the Timeline). Re-exported here, so
`from plans.timeline import build_timeline` works from anywhere."""

from plans.timeline.axis import (
    MIN_TIME_WIDTH,
    MONTHS_PER_UNIT,
    SCALE_LABELS,
    UNIT_WIDTH,
    Axis,
    Scale,
    Tick,
    default_scale,
    parse_scale,
    unit_start,
)
from plans.timeline.build import (
    Group,
    Timeline,
    build_timeline,
)
from plans.timeline.drawing import (
    COLOURS,
    FADE_STEPS,
    LANE_PAD,
    LANE_WIDTH,
    TINTS,
    Drawn,
    Rect,
    draw,
)
from plans.timeline.labels import (
    BOLD,
    text_width,
    wrap,
)
from plans.timeline.layout import (
    FONT,
    HEADER_HEIGHT,
    HEADING_FONT,
    LABEL_LEFT,
    LABEL_WIDTH,
    LINE,
    PAD,
    PDF_FIRST_PAGE,
    PDF_PAGE_RATIO,
    RIGHT_PAD,
    TIME_LEFT,
    Chart,
    ChartRow,
    Item,
    layout,
    row_height_of,
)
from plans.timeline.marks import (
    APPROXIMATE,
    EXACT,
    GLYPHS,
    MAX_FADE,
    MIN_BAR,
    OPEN,
    UNIT_DAYS,
    Mark,
    end_exactness,
    mark_for,
)

__all__ = [
    "APPROXIMATE",
    "BOLD",
    "COLOURS",
    "EXACT",
    "FADE_STEPS",
    "FONT",
    "GLYPHS",
    "HEADER_HEIGHT",
    "HEADING_FONT",
    "LABEL_LEFT",
    "LABEL_WIDTH",
    "LANE_PAD",
    "LANE_WIDTH",
    "LINE",
    "MAX_FADE",
    "MIN_BAR",
    "MIN_TIME_WIDTH",
    "MONTHS_PER_UNIT",
    "OPEN",
    "PAD",
    "PDF_FIRST_PAGE",
    "PDF_PAGE_RATIO",
    "RIGHT_PAD",
    "SCALE_LABELS",
    "TIME_LEFT",
    "TINTS",
    "UNIT_DAYS",
    "UNIT_WIDTH",
    "Axis",
    "Chart",
    "ChartRow",
    "Drawn",
    "Group",
    "Item",
    "Mark",
    "Rect",
    "Scale",
    "Tick",
    "Timeline",
    "build_timeline",
    "default_scale",
    "draw",
    "end_exactness",
    "layout",
    "mark_for",
    "parse_scale",
    "row_height_of",
    "text_width",
    "unit_start",
    "wrap",
]
