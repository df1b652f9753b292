"""The chart's layout: rows of headings and items placed one under the other beside the
axis, as numbers the templates only print (`layout` -> `Chart`)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from plans.queries import Entry
from plans.timeline.axis import MIN_TIME_WIDTH, Scale, Tick
from plans.timeline.drawing import LANE_PAD, LANE_WIDTH, Drawn, _n, draw
from plans.timeline.labels import wrap
from plans.timeline.marks import Mark

if TYPE_CHECKING:  # the timeline lays itself out with this module
    from plans.timeline.build import Timeline


@dataclass
class Item:
    entry: Entry
    mark: Mark
    lines: list[str] | None = None  # the label, wrapped for the chart

    @property
    def lane(self) -> Drawn:
        """The mark in a lane of its own (the narrow-screen list): LANE_WIDTH wide."""
        return draw(self.mark, left=LANE_PAD, width=LANE_WIDTH - 2 * LANE_PAD, middle=10)


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


def layout(timeline: "Timeline", rows: list[tuple]) -> Chart:
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
