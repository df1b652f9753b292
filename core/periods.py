"""Period: the fuzzy time words of collaboration plans ("Q2 2022", "hösten 2022", "senast 2022-12-31").

`parse(text)` reads what the documents write and keeps the words; `str(period)` gives the
canonical Swedish words back (and `parse(str(p)) == p`); `display()` is what every page, PDF
and export shows: the words as written, or read back in English when the interface is
English ("autumn 2022", "by the end of 2025"); `describe()` spells out the dates
("1 juli – 30 september 2022"). Ordering and "overdue" use the end. Words we do not
understand are kept as text with `is_understood` false: never guessed (nor translated).
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.utils.translation import gettext as _

from core.period_words import MONTHS, SEASONS, SWEDISH, Words, current_words


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    RECURRING = "recurring"
    UNKNOWN = "unknown"


MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, start=1)}
SEASON_ALIASES = {
    "vår": "våren", "våren": "våren", "vårterminen": "våren", "vt": "våren",
    "sommar": "sommaren", "sommaren": "sommaren",
    "höst": "hösten", "hösten": "hösten", "höstterminen": "hösten", "ht": "hösten",
}  # fmt: skip

DASH = r"\s*(?:-|–|—|till|t\.?\s?o\.?\s?m\.?)\s*"
ISO = r"(\d{4})-(\d{2})-(\d{2})"
YEAR = r"(?:år\s+)?(\d{4})"


@dataclass(frozen=True, eq=False)
class Period:
    text: str
    start: date | None = None
    end: date | None = None
    precision: Precision = Precision.UNKNOWN
    recurring: bool = False
    # An open end ("fr o m") or open start ("senast", "vid utgången av") around a base period.
    open_start: bool = field(default=False, repr=False)
    open_end: bool = field(default=False, repr=False)

    @property
    def is_understood(self) -> bool:
        return self.precision is not Precision.UNKNOWN

    def _key(self):
        # Words we do not understand are only equal to the same words.
        text = "" if self.is_understood else self.text
        return (self.start, self.end, self.precision, self.recurring, text)

    def __eq__(self, other):
        return isinstance(other, Period) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def sort_key(self):
        """By end (open ends and unknown words last), then by start."""
        return (
            not self.is_understood,
            self.end or date.max,
            self.start or date.min,
        )

    def __lt__(self, other):
        return self.sort_key() < other.sort_key()

    def is_overdue(self, today: date, *, closed: bool = False) -> bool:
        return is_overdue(self.end, today=today, closed=closed)

    def __str__(self) -> str:
        return self.spelled(SWEDISH)

    def display(self) -> str:
        """The period as shown to a reader: the stored words as written in Swedish, read back
        in English when the interface is English; words not understood stay as written."""
        words = current_words()
        if words is SWEDISH or not self.is_understood:
            return self.text
        return self.spelled(words)

    def spelled(self, words: Words) -> str:
        """The canonical words for the period in `words`' language."""
        if not self.is_understood:
            return self.text
        if self.recurring:
            return words.annually
        if self.open_end:
            if self.precision is Precision.YEAR:
                return words.since.format(f"{self.start.year:04d}")
            end = _period_end(self.precision, self.start)
            return words.since.format(_words(self.precision, self.start, end, words))
        if self.open_start:
            if self.precision is Precision.YEAR:
                return words.by_year_end.format(f"{self.end.year:04d}")
            start = _period_start(self.precision, self.end)
            return words.by.format(_words(self.precision, start, self.end, words))
        return _words(self.precision, self.start, self.end, words)

    def describe(self) -> str:
        """The dates spelled out, as the edit form shows how a period is read."""
        if not self.is_understood:
            return _("tolkas inte – sparas som text")
        if self.recurring:
            return _("återkommer varje år")
        if self.open_end:
            return _("från och med %(start)s, utan slutdatum") % {"start": _long_date(self.start)}
        if self.open_start:
            return _("senast %(end)s") % {"end": _long_date(self.end)}
        if self.start == self.end:
            return _long_date(self.start)
        if self.start.year == self.end.year:
            month = current_words().months[self.start.month - 1]
            return f"{self.start.day} {month} – {_long_date(self.end)}"
        return f"{_long_date(self.start)} – {_long_date(self.end)}"


def is_overdue(end: date | None, *, today: date, closed: bool = False) -> bool:
    """Förfallen, the one rule: the deadline has passed and the work is not closed (done,
    struck, no longer in force). Callers pass `today`, so a page, its PDF and its timeline
    judge by the same day; nothing below a view or a command reads the clock."""
    return not closed and end is not None and end < today


def _long_date(value: date) -> str:
    return f"{value.day} {current_words().months[value.month - 1]} {value.year}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _period_start(precision: Precision, end: date) -> date:
    """The start of the unit of `precision` that ends on `end` (for open-start words)."""
    if precision is Precision.MONTH:
        return date(end.year, end.month, 1)
    if precision is Precision.QUARTER:
        return date(end.year, end.month - 2, 1)
    if precision is Precision.SEASON:
        first = next(first for first, last in SEASONS.values() if last == end.month)
        return date(end.year, first, 1)
    if precision is Precision.YEAR:
        return date(end.year, 1, 1)
    return end


def _period_end(precision: Precision, start: date) -> date:
    if precision is Precision.MONTH:
        return _month_end(start.year, start.month)
    if precision is Precision.QUARTER:
        return _month_end(start.year, start.month + 2)
    if precision is Precision.SEASON:
        last = next(last for first, last in SEASONS.values() if first == start.month)
        return _month_end(start.year, last)
    if precision is Precision.YEAR:
        return date(start.year, 12, 31)
    return start


def _words(precision: Precision, start: date, end: date, words: Words) -> str:
    """Canonical words for a closed period of the given precision."""
    if precision is Precision.DAY:
        return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"
    if precision is Precision.MONTH:
        first, last = words.months[start.month - 1], words.months[end.month - 1]
        if start.year != end.year:
            return f"{first} {start.year:04d} – {last} {end.year:04d}"
        if start.month == end.month:
            return f"{first} {start.year:04d}"
        joiner = "/" if end.month == start.month + 1 else "–"
        return f"{first}{joiner}{last} {start.year:04d}"
    if precision is Precision.QUARTER:
        first, last = (start.month - 1) // 3 + 1, (end.month - 1) // 3 + 1
        if start.year != end.year:
            return f"Q{first} {start.year:04d} – Q{last} {end.year:04d}"
        if first == last:
            return f"Q{first} {start.year:04d}"
        joiner = "/" if last == first + 1 else "–"
        return f"Q{first}{joiner}Q{last} {start.year:04d}"
    if precision is Precision.SEASON:
        return f"{words.seasons[start.month]} {start.year:04d}"
    if start.year == end.year:
        return words.during.format(f"{start.year:04d}")
    return f"{start.year:04d}–{end.year:04d}"


# --- parsing -------------------------------------------------------------------------


def _fullmatch(pattern: str, words: str):
    # ASCII: "\d" means 0-9 only; other scripts' digits are not dates we can read back.
    return re.fullmatch(pattern, words, re.ASCII)


def _iso(year, month, day) -> date:
    return date(int(year), int(month), int(day))


def _closed(text, precision, start, end) -> Period | None:
    if start > end:
        return None
    return Period(text=text, start=start, end=end, precision=precision)


def _parse_day(words: str, text: str) -> Period | None:
    if m := _fullmatch(ISO, words):
        day = _iso(*m.groups())
        return _closed(text, Precision.DAY, day, day)
    if m := _fullmatch(ISO + DASH + ISO, words):
        return _closed(text, Precision.DAY, _iso(*m.groups()[:3]), _iso(*m.groups()[3:]))
    if m := _fullmatch(ISO + r"\s*/\s*(\d{1,2})", words):  # "2021-01-19/20"
        year, month, first, last = m.groups()
        return _closed(text, Precision.DAY, _iso(year, month, first), _iso(year, month, last))
    day_month = r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})"
    if m := _fullmatch(r"(?:den\s+)?" + day_month, words):
        day, month, year = m.groups()
        value = date(int(year), MONTH_NUMBERS[month], int(day))
        return _closed(text, Precision.DAY, value, value)
    first_day = r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?"
    if m := _fullmatch(first_day + DASH + day_month, words):  # "1 juli – 30 september 2022"
        d1, m1, y1, d2, m2, y2 = m.groups()
        start = date(int(y1 or y2), MONTH_NUMBERS[m1], int(d1))
        end = date(int(y2), MONTH_NUMBERS[m2], int(d2))
        return _closed(text, Precision.DAY, start, end)
    return None


def _parse_quarter(words: str, text: str) -> Period | None:
    quarter = r"(?:q|kvartal\s*)([1-4])"
    if m := _fullmatch(quarter + r"(?:\s*(/|-|–|—)\s*" + quarter + r")?\s+" + YEAR, words):
        first, _, last, year = m.groups()
        last = last or first
        start = date(int(year), (int(first) - 1) * 3 + 1, 1)
        return _closed(text, Precision.QUARTER, start, _month_end(int(year), int(last) * 3))
    if m := _fullmatch(quarter + r"\s+" + YEAR + DASH + quarter + r"\s+" + YEAR, words):
        q1, y1, q2, y2 = m.groups()
        start = date(int(y1), (int(q1) - 1) * 3 + 1, 1)
        return _closed(text, Precision.QUARTER, start, _month_end(int(y2), int(q2) * 3))
    return None


def _parse_month(words: str, text: str) -> Period | None:
    month = "(" + "|".join(MONTHS) + ")"
    if m := _fullmatch(month + r"(?:\s*(?:/|-|–|—)\s*" + month + r")?\s+" + YEAR, words):
        first, last, year = m.groups()
        last = last or first
        start = date(int(year), MONTH_NUMBERS[first], 1)
        return _closed(text, Precision.MONTH, start, _month_end(int(year), MONTH_NUMBERS[last]))
    if m := _fullmatch(month + r"\s+" + YEAR + DASH + month + r"\s+" + YEAR, words):
        m1, y1, m2, y2 = m.groups()
        start = date(int(y1), MONTH_NUMBERS[m1], 1)
        return _closed(text, Precision.MONTH, start, _month_end(int(y2), MONTH_NUMBERS[m2]))
    return None


def _parse_season(words: str, text: str) -> Period | None:
    season = "(" + "|".join(sorted(SEASON_ALIASES, key=len, reverse=True)) + ")"
    if m := _fullmatch(season + r"\s*" + YEAR, words):
        name, year = m.groups()
        first, last = SEASONS[SEASON_ALIASES[name]]
        start = date(int(year), first, 1)
        return _closed(text, Precision.SEASON, start, _month_end(int(year), last))
    return None


def _parse_year(words: str, text: str) -> Period | None:
    if m := _fullmatch(r"(?:under\s+)?(?:(?:hela\s+)?året\s+)?" + YEAR, words):
        year = int(m.group(1))
        return _closed(text, Precision.YEAR, date(year, 1, 1), date(year, 12, 31))
    if m := _fullmatch(r"(?:under\s+)?" + YEAR + DASH + YEAR, words):
        first, last = (int(g) for g in m.groups())
        return _closed(text, Precision.YEAR, date(first, 1, 1), date(last, 12, 31))
    return None


BASE_PARSERS = (_parse_day, _parse_quarter, _parse_month, _parse_season, _parse_year)


def _parse_base(words: str, text: str) -> Period | None:
    words = re.sub(r"^(?:under|i|till|inför)\s+(?=\D)", "", words)
    for parser in BASE_PARSERS:
        try:
            period = parser(words, text)
        except ValueError:  # 2022-02-30, month 13: not a date, not understood
            return None
        if period is not None:
            return period
    return None


OPEN_END = re.compile(r"^(?:fr\.?\s?o\.?\s?m\.?|från\s+och\s+med|från)\s+(.+)$", re.ASCII)
OPEN_START = re.compile(
    r"^(?:senast|innan|före\s+utgången\s+av|t\.?\s?o\.?\s?m\.?)\s+(.+)$", re.ASCII
)
YEAR_END = re.compile(
    r"^(?:vid|före)\s+(?:utgången|slutet)\s+av\s+(?:år\s+|året\s+)?(\d{4})$", re.ASCII
)
RECURRING = re.compile(r"^(?:årligen|varje\s+år|en\s+gång\s+(?:per|om)\s+året)$", re.ASCII)


def _normalise(text: str) -> str:
    words = " ".join(str(text).replace("\u00a0", " ").split()).lower()
    return words.strip(" .,;:")


def parse(text: str) -> Period:
    original = str(text or "").strip()
    words = _normalise(original)
    if not words:
        return Period(text=original)
    if RECURRING.fullmatch(words):
        return Period(text=original, precision=Precision.RECURRING, recurring=True)
    if (m := YEAR_END.fullmatch(words)) and int(m.group(1)) >= date.min.year:
        year = int(m.group(1))
        return Period(
            text=original, end=date(year, 12, 31), precision=Precision.YEAR, open_start=True
        )
    if m := OPEN_END.fullmatch(words):
        inner = _parse_base(m.group(1), original)
        if inner is not None and inner.start is not None:
            return Period(
                text=original, start=inner.start, precision=inner.precision, open_end=True
            )
        return Period(text=original)
    if m := OPEN_START.fullmatch(words):
        inner = _parse_base(m.group(1), original)
        if inner is not None and inner.end is not None:
            if inner.precision is Precision.YEAR and inner.start.year == inner.end.year:
                # "senast 2025" reads as "vid utgången av 2025"
                return Period(
                    text=original, end=inner.end, precision=Precision.YEAR, open_start=True
                )
            precision = (
                inner.precision
                if inner.start == _period_start(inner.precision, inner.end)
                else Precision.DAY
            )
            return Period(text=original, end=inner.end, precision=precision, open_start=True)
        return Period(text=original)
    return _parse_base(words, original) or Period(text=original)


def from_stored(
    *, text: str, start: date | None, end: date | None, precision: str, recurring: bool
) -> Period:
    """Rebuild a Period from its stored fields without parsing again."""
    precision = Precision(precision or Precision.UNKNOWN)
    return Period(
        text=text,
        start=start,
        end=end,
        precision=precision,
        recurring=recurring,
        open_start=start is None and end is not None,
        open_end=end is None and start is not None,
    )


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clipped to the month's end (31 jan + 1 = 28/29 feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
