"""Properties of Period: periods of every form the parser claims to understand, built by
hypothesis, are understood, read back equal, keep their meaning whatever the case and spacing,
and survive storage in the five columns (`from_stored`)."""

import calendar
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.periods import from_stored, parse
from tests.core.test_periods import stored_fields

years = st.integers(min_value=1990, max_value=2100)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
MONTH_NAMES = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
QUARTER_NAMES = ["Q1", "Q2", "Q3", "Q4"]
SEASON_WORDS = ["våren", "hösten", "sommaren", "vårterminen", "höstterminen", "vt", "ht"]
RANGE_DASHES = [" – ", "–", " - ", "-", " — ", " till "]
PAIR_JOINERS = ["/", " / ", "–", "-", "—"]


@st.composite
def pairs_in_a_year(draw, names):
    """Two of a year's quarters or months, in order: "Q1/Q2 2022", "februari–mars 2022"."""
    first = draw(st.integers(0, len(names) - 2))
    last = draw(st.integers(first + 1, len(names) - 1))
    return f"{names[first]}{draw(st.sampled_from(PAIR_JOINERS))}{names[last]} {draw(years)}"


@st.composite
def ranges(draw, values, spelled=str):
    """Two days or years, in order, with a dash between: "2022-06-01 – 2022-08-31"."""
    first, last = sorted((draw(values), draw(values)))
    return f"{spelled(first)}{draw(st.sampled_from(RANGE_DASHES))}{spelled(last)}"


@st.composite
def day_shorthands(draw):  # "2021-01-19/20"
    first = draw(days)
    last_day = draw(st.integers(first.day, calendar.monthrange(first.year, first.month)[1]))
    return f"{first.isoformat()}/{last_day:02d}"


@st.composite
def across_years(draw, names):
    """A quarter or month of one year to any of a later year: "Q4 2022 – Q1 2023"."""
    first_year = draw(st.integers(1990, 2099))
    last_year = draw(st.integers(first_year + 1, 2100))
    first, last = draw(st.sampled_from(names)), draw(st.sampled_from(names))
    return f"{first} {first_year} – {last} {last_year}"


quarters = st.builds("Q{} {}".format, st.integers(1, 4), years)
months = st.builds("{} {}".format, st.sampled_from(MONTH_NAMES), years)
seasons = st.builds(
    "{}{} {}".format, st.sampled_from(["", "under "]), st.sampled_from(SEASON_WORDS), years
)
single_days = days.map(date.isoformat)
whole_years = st.builds("{}{}".format, st.sampled_from(["", "under ", "under år "]), years)

closed_periods = st.one_of(
    single_days,
    ranges(days, date.isoformat),
    day_shorthands(),
    quarters,
    pairs_in_a_year(QUARTER_NAMES),
    across_years(QUARTER_NAMES),
    months,
    pairs_in_a_year(MONTH_NAMES),
    across_years(MONTH_NAMES),
    seasons,
    whole_years,
    ranges(years),
)
open_periods = st.one_of(
    st.builds(
        "{} {}".format, st.sampled_from(["fr o m", "fr.o.m.", "från och med"]), closed_periods
    ),
    st.builds("{} {}".format, st.sampled_from(["senast", "t o m"]), closed_periods),
    st.builds("vid utgången av {}{}".format, st.sampled_from(["", "år "]), years),
    st.just("årligen"),
)
period_words = st.one_of(closed_periods, open_periods)


def respelled(words: str, case, space: str) -> str:
    return case(words).replace(" ", space)


spelling_variants = st.builds(
    respelled,
    period_words,
    st.sampled_from([str, str.upper, str.capitalize]),
    st.sampled_from([" ", "  ", "\u00a0"]),
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(period_words)
def test_every_generated_form_is_understood(words):
    assert parse(words).is_understood


@FAST
@given(period_words)
def test_the_swedish_reading_parses_back_to_an_equal_period(words):
    period = parse(words)
    reading = str(period)

    assert parse(reading) == period
    assert str(parse(reading)) == reading


@FAST
@given(spelling_variants)
def test_case_and_spacing_never_change_the_meaning(words):
    assert parse(words) == parse(" ".join(words.split()).lower())


@FAST
@given(period_words)
def test_start_is_never_after_end(words):
    period = parse(words)

    if period.start is not None and period.end is not None:
        assert period.start <= period.end


@FAST
@given(closed_periods)
def test_a_closed_period_has_both_dates(words):
    period = parse(words)

    assert period.start is not None
    assert period.end is not None


@FAST
@given(period_words)
def test_from_stored_round_trips_every_form(words):
    period = parse(words)
    rebuilt = from_stored(**stored_fields(period))

    assert rebuilt == period
    assert str(rebuilt) == str(period)


@FAST
@given(st.lists(st.one_of(period_words, st.text(max_size=12)), max_size=12))
def test_natural_order_is_order_by_end_with_open_and_unknown_last(texts):
    periods = [parse(t) for t in texts]

    ordered = sorted(periods)
    understood = [p for p in ordered if p.is_understood]

    assert [p.end or date.max for p in understood] == sorted(p.end or date.max for p in understood)
    assert ordered[: len(understood)] == understood  # every unknown after every understood


@FAST
@given(period_words, period_words, period_words)
def test_less_than_is_a_strict_order_consistent_with_sorted(a_words, b_words, c_words):
    a, b, c = parse(a_words), parse(b_words), parse(c_words)

    assert not a < a
    assert not (a < b and b < a)
    if a < b and b < c:
        assert a < c
    if a == b:
        assert not a < b
        assert not b < a
    first, second, third = sorted([a, b, c])
    assert not second < first
    assert not third < second


@FAST
@given(st.text())
def test_any_text_parses_without_raising_and_unknown_text_is_kept(text):
    period = parse(text)

    str(period)
    period.describe()
    if not period.is_understood:
        assert str(period) == text.strip()
        assert (period.start, period.end) == (None, None)


# Text made of the parser's own words is far likelier than st.text() to reach its corners.
TOKENS = [
    "Q0", "Q2", "Q4", "Q5", "q1/q2", "kvartal", "/", "-", "–", "—", "till", "t o m", "fr o m",
    "fr.o.m.", "från", "och", "med", "senast", "vid", "före", "utgången", "slutet", "av", "år",
    "året", "under", "i", "hela", "våren", "hösten", "vintern", "ht", "årligen", "varje",
    "februari", "mars", "december", "0000", "0001", "1990", "2022", "9999", "2022-02-28",
    "2022-02-30", "0000-01-01", "9999-12-31", "0001-01-01", "19", "20", "31", ".", "den", "1",
]  # fmt: skip


@FAST
@given(st.lists(st.sampled_from(TOKENS), max_size=6), st.sampled_from([" ", ""]))
def test_text_built_from_the_parsers_own_words_never_raises(tokens, joiner):
    text = joiner.join(tokens)
    period = parse(text)

    reading = str(period)
    period.describe()
    if period.is_understood:
        assert parse(reading) == period
    else:
        assert reading == text.strip()


def test_words_not_understood_are_equal_only_to_the_same_words():
    assert parse("snart") != parse("fortlöpande")
    assert parse("snart") == parse("snart")


def test_digits_of_other_scripts_are_not_read_as_dates():
    assert not parse("Q2 ٢٠٢٢").is_understood
