"""The timeline of a plan tree (`build_timeline` -> `Timeline`): its dated entries grouped as
the plan reads, on an axis that spans them, as one chart (the page), parts of it (the PDF)
and a lane per entry (the narrow-screen list)."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.utils.safestring import mark_safe

from plans.queries import Entry, PlanTree
from plans.timeline.axis import (
    MIN_TIME_WIDTH,
    SCALE_LABELS,
    UNIT_WIDTH,
    Axis,
    Scale,
    Tick,
    _axis,
    default_scale,
)
from plans.timeline.drawing import COLOURS, LANE_PAD, LANE_WIDTH, TINTS, _n
from plans.timeline.layout import (
    HEADER_HEIGHT,
    PDF_FIRST_PAGE,
    PDF_PAGE_RATIO,
    RIGHT_PAD,
    TIME_LEFT,
    Chart,
    Item,
    _span,
    layout,
    row_height_of,
)
from plans.timeline.marks import mark_for


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
    starts = [d for d in [plan_period.start, *(e.period.start for e in entries)] if d]
    ends = [d for d in [plan_period.end, *(e.period.end for e in entries)] if d]
    days = starts + ends
    return (min(days), max(days)) if days else None


def _months(bounds: tuple[date, date]) -> int:
    first, last = bounds
    return (last.year - first.year) * 12 + last.month - first.month + 1


def build_timeline(tree: PlanTree, today: date, scale: Scale | None = None) -> Timeline:
    entries = tree.entries(today)
    dated = [e for e in entries if e.period.start or e.period.end]
    undated = [e for e in entries if not (e.period.start or e.period.end)]
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
