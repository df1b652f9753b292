"""The plan's timeline: dated entries laid out by quarter across the plan's period."""

from dataclasses import dataclass
from datetime import date

from plans.queries import Entry, PlanTree


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def start(self) -> date:
        return date(self.year, (self.number - 1) * 3 + 1, 1)

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.year}"

    def next(self) -> "Quarter":
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    @classmethod
    def of(cls, day: date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)


@dataclass
class Bar:
    entry: Entry
    before: int  # empty quarter cells before the bar
    span: int
    after: int
    open_start: bool
    open_end: bool

    @property
    def cells_before(self):
        return range(self.before)

    @property
    def cells_after(self):
        return range(self.after)


@dataclass
class Timeline:
    quarters: list[Quarter]
    current: Quarter
    bars: list[Bar]
    undated: list[Entry]

    @property
    def today_index(self) -> int | None:
        return self.quarters.index(self.current) if self.current in self.quarters else None


def _bounds(tree: PlanTree, entries: list[Entry]) -> tuple[date, date] | None:
    plan_period = tree.plan.period
    starts = [d for d in [plan_period.start, *(e.item.period.start for e in entries)] if d]
    ends = [d for d in [plan_period.end, *(e.item.period.end for e in entries)] if d]
    days = starts + ends
    return (min(days), max(days)) if days else None


def build_timeline(tree: PlanTree, today: date) -> Timeline:
    entries = tree.entries(today)
    dated = [e for e in entries if e.item.period.start or e.item.period.end]
    undated = [e for e in entries if not (e.item.period.start or e.item.period.end)]
    bounds = _bounds(tree, dated)
    if bounds is None:
        return Timeline([], Quarter.of(today), [], undated)
    quarters, quarter = [], Quarter.of(bounds[0])
    while quarter.start <= bounds[1]:
        quarters.append(quarter)
        quarter = quarter.next()
    index = {q: i for i, q in enumerate(quarters)}
    bars = []
    for entry in dated:
        period = entry.item.period
        first = index[Quarter.of(period.start)] if period.start else index[Quarter.of(period.end)]
        last = index[Quarter.of(period.end)] if period.end else len(quarters) - 1
        bars.append(
            Bar(
                entry=entry,
                before=first,
                span=last - first + 1,
                after=len(quarters) - last - 1,
                open_start=period.start is None,
                open_end=period.end is None,
            )
        )
    return Timeline(quarters, Quarter.of(today), bars, undated)
