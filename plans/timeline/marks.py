"""Where an entry sits on the axis and how exactly each of its ends is known (`Mark`:
`EXACT`, `APPROXIMATE`, `OPEN`, from its Period)."""

from dataclasses import dataclass
from datetime import timedelta

from core.periods import Precision
from plans.queries import Entry
from plans.timeline.axis import Axis

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
    period = entry.period
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
