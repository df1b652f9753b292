"""The timeline's time axis: the zoom (`Scale`: month, quarter, year), its ticks and years,
and where a day falls on it (as a fraction of its width)."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.translation import gettext_lazy

from core.period_words import current_words
from core.periods import add_months


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
        return current_words().months[day.month - 1][:3]
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
