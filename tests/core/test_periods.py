"""Period: the time words of the plans, parsed, printed back, ordered and judged overdue.

The tables quote every time expression in seeds 003 (projektplan, Jämtland Härjedalen) and
004 (aktivitets- och tidplan, Skåne) and the list in DESIGN.md; the properties build
periods of every form the parser claims to understand.
"""

import calendar
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.periods import Period, Precision, from_stored, is_overdue, parse

D = date.fromisoformat
DAY, MONTH, QUARTER, SEASON, YEAR, RECURRING, UNKNOWN = (
    Precision.DAY,
    Precision.MONTH,
    Precision.QUARTER,
    Precision.SEASON,
    Precision.YEAR,
    Precision.RECURRING,
    Precision.UNKNOWN,
)


def single_day(iso):
    return pytest.param(iso, D(iso), D(iso), DAY, id=iso)


# (words as the documents write them, start, end, precision)
# fmt: off
SEED_003 = [
    # Tidplan
    pytest.param("2021-01-19 till 2021-12-03", D("2021-01-19"), D("2021-12-03"), DAY, id="003-tidplan-till"),
    # FAS 1–4
    pytest.param("2021-01-19/20", D("2021-01-19"), D("2021-01-20"), DAY, id="003-fas1-2021-01-19/20"),
    single_day("2021-01-28"),
    single_day("2021-01-29"),
    pytest.param("2021-02-10/17", D("2021-02-10"), D("2021-02-17"), DAY, id="003-fas1-2021-02-10/17"),
    single_day("2021-02-26"),
    single_day("2021-03-10"),
    single_day("2021-03-22"),
    pytest.param("2021-04-14/21", D("2021-04-14"), D("2021-04-21"), DAY, id="003-fas2-2021-04-14/21"),
    single_day("2021-05-05"),
    pytest.param("2021-05-19/26", D("2021-05-19"), D("2021-05-26"), DAY, id="003-fas2-2021-05-19/26"),
    single_day("2021-05-20"),
    single_day("2021-05-21"),
    single_day("2021-06-04"),
    pytest.param("2021-06-01 – 2021-08-31", D("2021-06-01"), D("2021-08-31"), DAY, id="003-fas3-jun-aug"),
    pytest.param("2021-09-01 – 2021-09-07", D("2021-09-01"), D("2021-09-07"), DAY, id="003-fas3-sep-1-7"),
    pytest.param("2021-09-08 – 2021-09-12", D("2021-09-08"), D("2021-09-12"), DAY, id="003-fas3-sep-8-12"),
    single_day("2021-09-13"),
    single_day("2021-09-23"),
    single_day("2021-09-24"),
    single_day("2021-10-08"),
    pytest.param("2021-10-01 – 2021-10-31", D("2021-10-01"), D("2021-10-31"), DAY, id="003-fas4-oct"),
    single_day("2021-11-19"),
    single_day("2021-12-03"),
    pytest.param("2021-12-03 – 2021-12-31", D("2021-12-03"), D("2021-12-31"), DAY, id="003-fas4-dec"),
    single_day("2022-01-01"),
    # Bakgrund, footnotes, Utvärdering av effekten
    single_day("2020-11-06"),
    pytest.param("under 2021", D("2021-01-01"), D("2021-12-31"), YEAR, id="003-under-2021"),
    pytest.param("2014 – 2025", D("2014-01-01"), D("2025-12-31"), YEAR, id="003-years-2014-2025"),
    pytest.param("hösten 2022", D("2022-08-01"), D("2022-12-31"), SEASON, id="003-hosten-2022"),
    pytest.param("hösten 2023", D("2023-08-01"), D("2023-12-31"), SEASON, id="003-hosten-2023"),
]

SEED_004 = [
    single_day("2022-02-22"),
    pytest.param("2022–2025", D("2022-01-01"), D("2025-12-31"), YEAR, id="004-title-2022-2025"),
    pytest.param("2022–2023", D("2022-01-01"), D("2023-12-31"), YEAR, id="004-years-2022-2023"),
    # 1 a)
    pytest.param("fr o m hösten 2022", D("2022-08-01"), None, SEASON, id="004-1a-fr-o-m-hosten"),
    pytest.param("vid utgången av 2025", None, D("2025-12-31"), YEAR, id="004-1a-vid-utgangen"),
    # 1 b)
    pytest.param("vid utgången av år 2025", None, D("2025-12-31"), YEAR, id="004-1b-vid-utgangen-ar"),
    # 1 c)
    pytest.param("Q2 2022", D("2022-04-01"), D("2022-06-30"), QUARTER, id="004-1c-Q2-2022"),
    pytest.param("Q3 2022", D("2022-07-01"), D("2022-09-30"), QUARTER, id="004-1c-Q3-2022"),
    single_day("2023-01-01"),
    single_day("2022-06-01"),
    pytest.param("Q4 2023", D("2023-10-01"), D("2023-12-31"), QUARTER, id="004-1c-Q4-2023"),
    # 1 d), 2 a), 2 b)
    single_day("2022-12-01"),
    single_day("2022-12-31"),
    single_day("2022-06-30"),
    # 3 a)
    pytest.param("Q1 2023", D("2023-01-01"), D("2023-03-31"), QUARTER, id="004-3a-Q1-2023"),
    single_day("2022-09-30"),
    single_day("2023-01-31"),
    # 3 b)
    single_day("2022-09-01"),
    pytest.param("under våren 2023", D("2023-01-01"), D("2023-06-30"), SEASON, id="004-3b-under-varen"),
    pytest.param("våren 2023", D("2023-01-01"), D("2023-06-30"), SEASON, id="004-3b-varen-2023"),
    # 4
    pytest.param("under Q1 2022", D("2022-01-01"), D("2022-03-31"), QUARTER, id="004-4-under-Q1"),
    pytest.param("Q1 2022", D("2022-01-01"), D("2022-03-31"), QUARTER, id="004-4-Q1-2022"),
    pytest.param("Q1/Q2 2022", D("2022-01-01"), D("2022-06-30"), QUARTER, id="004-4-Q1/Q2-2022"),
    # 5 a)
    pytest.param("februari/mars 2022", D("2022-02-01"), D("2022-03-31"), MONTH, id="004-5a-feb/mar"),
    pytest.param("i januari 2023", D("2023-01-01"), D("2023-01-31"), MONTH, id="004-5a-i-januari"),
    pytest.param("januari 2023", D("2023-01-01"), D("2023-01-31"), MONTH, id="004-5a-januari-2023"),
    pytest.param("2022", D("2022-01-01"), D("2022-12-31"), YEAR, id="004-5a-2022"),
    # 5 b)
    pytest.param("under 2022", D("2022-01-01"), D("2022-12-31"), YEAR, id="004-5b-under-2022"),
    pytest.param("juni 2023", D("2023-06-01"), D("2023-06-30"), MONTH, id="004-5b-juni-2023"),
    # 5 c)
    pytest.param("i oktober 2022", D("2022-10-01"), D("2022-10-31"), MONTH, id="004-5c-i-oktober"),
    pytest.param("oktober 2022", D("2022-10-01"), D("2022-10-31"), MONTH, id="004-5c-oktober-2022"),
    pytest.param("våren 2022", D("2022-01-01"), D("2022-06-30"), SEASON, id="004-5c-varen-2022"),
    # 6
    single_day("2009-11-27"),
    pytest.param("september 2022", D("2022-09-01"), D("2022-09-30"), MONTH, id="004-6-september"),
]

DESIGN = [
    pytest.param("under 2025", D("2025-01-01"), D("2025-12-31"), YEAR, id="design-under-2025"),
    pytest.param("senast 2022-12-31", None, D("2022-12-31"), DAY, id="design-senast"),
]

# fmt: on

CLOSED_AND_OPEN = SEED_003 + SEED_004 + DESIGN


@pytest.mark.parametrize(("text", "start", "end", "precision"), CLOSED_AND_OPEN)
def test_every_time_expression_in_the_seeds_is_understood_with_exact_dates(
    text, start, end, precision
):
    period = parse(text)

    assert period.is_understood
    assert (period.start, period.end, period.precision) == (start, end, precision)
    assert period.recurring is False
    assert period.text == text


def test_arligen_is_understood_as_recurring_without_dates():
    period = parse("årligen")

    assert period.is_understood
    assert period.recurring is True
    assert period.precision is RECURRING
    assert (period.start, period.end) == (None, None)
    assert str(period) == "årligen"


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        pytest.param("Q2 2022", "Q2 2022", id="quarter"),
        pytest.param("Q1/Q2 2022", "Q1/Q2 2022", id="quarter-pair"),
        pytest.param("under Q1 2022", "Q1 2022", id="under-quarter"),
        pytest.param("februari/mars 2022", "februari/mars 2022", id="month-pair"),
        pytest.param("i januari 2023", "januari 2023", id="i-month"),
        pytest.param("hösten 2022", "hösten 2022", id="season"),
        pytest.param("under våren 2023", "våren 2023", id="under-season"),
        pytest.param("under 2025", "under 2025", id="year"),
        pytest.param("2022", "under 2022", id="bare-year"),
        pytest.param("2014 – 2025", "2014–2025", id="year-range"),
        pytest.param("vid utgången av år 2025", "vid utgången av 2025", id="year-end"),
        pytest.param("senast 2025", "vid utgången av 2025", id="senast-year"),
        pytest.param("fr o m hösten 2022", "fr o m hösten 2022", id="open-end-season"),
        pytest.param("fr o m 2022", "fr o m 2022", id="open-end-year"),
        pytest.param("senast 2022-12-31", "senast 2022-12-31", id="open-start-day"),
        pytest.param("senast Q2 2022", "senast Q2 2022", id="open-start-quarter"),
        pytest.param("2022-06-01", "2022-06-01", id="day"),
        pytest.param("2021-01-19/20", "2021-01-19 – 2021-01-20", id="day-shorthand"),
        pytest.param("2021-01-19 till 2021-12-03", "2021-01-19 – 2021-12-03", id="day-range-till"),
        pytest.param("2021-06-01 – 2021-08-31", "2021-06-01 – 2021-08-31", id="day-range"),
        pytest.param("Q4 2022 – Q1 2023", "Q4 2022 – Q1 2023", id="quarters-across-years"),
        pytest.param("årligen", "årligen", id="recurring"),
    ],
)
def test_str_gives_the_canonical_swedish_reading(text, reading):
    assert str(parse(text)) == reading


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        pytest.param("0999", "under 0999", id="year"),
        pytest.param("Q1 0001", "Q1 0001", id="quarter"),
        pytest.param("hösten 0999", "hösten 0999", id="season"),
        pytest.param("fr o m 0022", "fr o m 0022", id="open-end"),
        pytest.param("vid utgången av 0500", "vid utgången av 0500", id="year-end"),
    ],
)
def test_years_before_1000_read_back_with_four_digits(text, reading):
    period = parse(text)

    assert str(period) == reading
    assert parse(reading) == period


def test_seasons_follow_the_school_year():
    spring, autumn = parse("våren 2023"), parse("hösten 2022")

    assert (spring.start, spring.end) == (D("2023-01-01"), D("2023-06-30"))
    assert (autumn.start, autumn.end) == (D("2022-08-01"), D("2022-12-31"))


# --- case and spacing ------------------------------------------------------------------

VARIANTS = [
    ("Q2  2022", "Q2 2022"),
    ("q2 2022", "Q2 2022"),
    ("Q2\u00a02022", "Q2 2022"),
    ("Q2\t2022", "Q2 2022"),
    (" Q2 2022 ", "Q2 2022"),
    ("Q2 2022.", "Q2 2022"),
    ("HÖSTEN 2022", "hösten 2022"),
    ("Hösten 2022", "hösten 2022"),
    ("hösten 2022.", "hösten 2022"),
    ("fr.o.m. hösten 2022", "fr o m hösten 2022"),
    ("fr.o.m hösten 2022", "fr o m hösten 2022"),
    ("Fr o m hösten 2022", "fr o m hösten 2022"),
    ("FR O M HÖSTEN 2022", "fr o m hösten 2022"),
    ("fr o m\u00a0hösten\u00a02022", "fr o m hösten 2022"),
    ("från och med hösten 2022", "fr o m hösten 2022"),
    ("2021-06-01 - 2021-08-31", "2021-06-01 – 2021-08-31"),
    ("2021-06-01–2021-08-31", "2021-06-01 – 2021-08-31"),
    ("2021-06-01 — 2021-08-31", "2021-06-01 – 2021-08-31"),
    ("2021-06-01—2021-08-31", "2021-06-01 – 2021-08-31"),
    ("2021-06-01\u00a0–\u00a02021-08-31", "2021-06-01 – 2021-08-31"),
    ("2021-06-01 – 2021-08-31.", "2021-06-01 – 2021-08-31"),
    ("2021-01-19 / 20", "2021-01-19/20"),
    ("Q1 / Q2 2022", "Q1/Q2 2022"),
    ("q1/q2 2022", "Q1/Q2 2022"),
    ("Q1–Q2 2022", "Q1/Q2 2022"),
    ("Q1-Q2 2022", "Q1/Q2 2022"),
    ("Q1—Q2 2022", "Q1/Q2 2022"),
    ("Februari/Mars 2022", "februari/mars 2022"),
    ("februari / mars 2022", "februari/mars 2022"),
    ("februari–mars 2022", "februari/mars 2022"),
    ("februari-mars 2022", "februari/mars 2022"),
    ("februari—mars 2022", "februari/mars 2022"),
    ("2022-2025", "2022–2025"),
    ("2022 — 2025", "2022–2025"),
    ("Q4 2022 — Q1 2023", "Q4 2022 – Q1 2023"),
    ("Vid utgången av År 2025", "vid utgången av 2025"),
    ("vid utgången av 2025.", "vid utgången av 2025"),
    ("Senast 2022-12-31", "senast 2022-12-31"),
    ("SENAST 2022-12-31", "senast 2022-12-31"),
    ("Under våren 2023", "våren 2023"),
    ("UNDER 2025", "under 2025"),
    ("Årligen", "årligen"),
    ("ÅRLIGEN.", "årligen"),
]


@pytest.mark.parametrize(("variant", "canonical"), [pytest.param(*v, id=v[0]) for v in VARIANTS])
def test_case_spacing_and_dash_variants_read_as_the_canonical_words(variant, canonical):
    period = parse(variant)

    assert period.is_understood
    assert period == parse(canonical)
    assert str(period) == str(parse(canonical))
    assert period.text == variant.strip()


# --- not understood: kept as text, never guessed --------------------------------------

NOT_UNDERSTOOD = [
    "Förstudie startar hösten 2022",
    "Utbildningsinsatser genomförs fortlöpande fr o m hösten 2022",
    "snart",
    "snarast",
    "fortlöpande",
    "kontinuerligt",
    "",
    "2022-02-30",
    "2021-13-01",
    "31 februari 2022",
    "Q5 2022",
    "Q0 2022",
    "Q2 22",
    "13/14 2022",
    "2022-12-01 – 2022-01-01",
    "2021-01-19/18",
    "Q2/Q1 2022",
    "mars/februari 2022",
    "2025–2022",
    "vintern 2022",
    "fr o m vintern 2022",
    "hösten",
    "juni",
    "senast sex (6) månader före verksamhetsårets början",
    "senast 2022-12-01 – 2022-01-01",
    "vid utgången av 0000",
    "0000-01-01",
]


@pytest.mark.parametrize("text", [pytest.param(t, id=t or "empty") for t in NOT_UNDERSTOOD])
def test_words_not_understood_are_kept_as_text_and_never_guessed(text):
    period = parse(text)

    assert not period.is_understood
    assert period.precision is UNKNOWN
    assert (period.start, period.end, period.recurring) == (None, None, False)
    assert str(period) == text
    assert period.text == text


def test_words_not_understood_are_never_overdue_and_sort_after_every_date():
    unknown, open_ended = parse("snart"), parse("fr o m hösten 2022")

    assert not unknown.is_overdue(D("2100-01-01"))
    assert open_ended < unknown
    assert sorted([unknown, parse("vid utgången av 2025")])[-1] is unknown


# --- ordering and overdue --------------------------------------------------------------


def test_sorting_goes_by_end_then_start_with_open_ends_last():
    texts = [
        "fr o m hösten 2022",
        "snart",
        "Q3 2022",
        "vid utgången av 2025",
        "Q2 2022",
        "årligen",
        "2022-06-01",
        "Q1/Q2 2022",
    ]

    ordered = [p.text for p in sorted(parse(t) for t in texts)]

    assert ordered == [
        "2022-06-01",
        "Q1/Q2 2022",  # same end as Q2 2022, earlier start
        "Q2 2022",
        "Q3 2022",
        "vid utgången av 2025",
        "årligen",
        "fr o m hösten 2022",
        "snart",
    ]


@pytest.mark.parametrize(
    ("text", "today", "overdue"),
    [
        pytest.param("Q2 2022", D("2022-06-30"), False, id="quarter-on-last-day"),
        pytest.param("Q2 2022", D("2022-07-01"), True, id="quarter-day-after"),
        pytest.param("Q2 2022", D("2022-04-01"), False, id="quarter-first-day"),
        pytest.param("2022-06-01", D("2022-06-01"), False, id="day-on-the-day"),
        pytest.param("2022-06-01", D("2022-06-02"), True, id="day-after"),
        pytest.param("hösten 2022", D("2022-12-31"), False, id="season-last-day"),
        pytest.param("hösten 2022", D("2023-01-01"), True, id="season-after"),
        pytest.param("senast 2022-12-31", D("2022-12-31"), False, id="senast-on-the-day"),
        pytest.param("senast 2022-12-31", D("2023-01-01"), True, id="senast-after"),
        pytest.param("vid utgången av 2025", D("2025-12-31"), False, id="year-end-on-the-day"),
        pytest.param("vid utgången av 2025", D("2026-01-01"), True, id="year-end-after"),
        pytest.param("fr o m hösten 2022", D("2100-01-01"), False, id="open-end-never"),
        pytest.param("årligen", D("2100-01-01"), False, id="recurring-never"),
        pytest.param("snart", D("2100-01-01"), False, id="unknown-never"),
    ],
)
def test_overdue_is_decided_by_the_end(text, today, overdue):
    assert parse(text).is_overdue(today) is overdue


def test_closed_work_is_never_overdue():
    assert not parse("Q2 2022").is_overdue(D("2023-01-01"), closed=True)
    assert not is_overdue(D("2022-06-30"), today=D("2023-01-01"), closed=True)


def test_overdue_is_the_day_after_the_deadline_and_needs_a_deadline():
    assert not is_overdue(D("2022-06-30"), today=D("2022-06-30"))
    assert is_overdue(D("2022-06-30"), today=D("2022-07-01"))
    assert not is_overdue(None, today=D("2100-01-01"))


# --- describe --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "described"),
    [
        pytest.param("Q3 2022", "1 juli – 30 september 2022", id="quarter"),
        pytest.param("hösten 2022", "1 augusti – 31 december 2022", id="season"),
        pytest.param("februari/mars 2022", "1 februari – 31 mars 2022", id="month-pair"),
        pytest.param("2022-06-01", "1 juni 2022", id="day"),
        pytest.param("Q4 2022 – Q1 2023", "1 oktober 2022 – 31 mars 2023", id="across-years"),
        pytest.param(
            "fr o m hösten 2022", "från och med 1 augusti 2022, utan slutdatum", id="open-end"
        ),
        pytest.param("senast 2022-12-31", "senast 31 december 2022", id="open-start"),
        pytest.param("vid utgången av 2025", "senast 31 december 2025", id="year-end"),
        pytest.param("årligen", "återkommer varje år", id="recurring"),
    ],
)
def test_describe_spells_out_the_dates(text, described):
    assert parse(text).describe() == described


def test_a_spelled_out_closed_period_reads_back_as_the_same_dates():
    period = parse("Q3 2022")
    spelled = parse(period.describe())

    assert (spelled.start, spelled.end) == (period.start, period.end)


# --- from_stored -----------------------------------------------------------------------


def stored_fields(period: Period) -> dict:
    return {
        "text": period.text,
        "start": period.start,
        "end": period.end,
        "precision": period.precision.value,
        "recurring": period.recurring,
    }


@pytest.mark.parametrize(
    "text",
    [pytest.param(p.values[0], id=p.id) for p in CLOSED_AND_OPEN]
    + ["årligen", "fr o m 2022", "senast Q2 2022", "snart", ""],
)
def test_from_stored_rebuilds_an_equal_period_that_reads_the_same(text):
    period = parse(text)
    rebuilt = from_stored(**stored_fields(period))

    assert rebuilt == period
    assert rebuilt.text == period.text
    assert rebuilt.is_understood is period.is_understood
    assert str(rebuilt) == str(period)
    assert rebuilt.describe() == period.describe()


def test_from_stored_with_no_precision_is_not_understood():
    period = from_stored(text="snart", start=None, end=None, precision="", recurring=False)

    assert not period.is_understood
    assert str(period) == "snart"


# --- properties ------------------------------------------------------------------------

years = st.integers(min_value=1990, max_value=2100)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
MONTH_NAMES = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
SEASON_WORDS = ["våren", "hösten", "sommaren", "vårterminen", "höstterminen", "vt", "ht"]
RANGE_DASHES = [" – ", "–", " - ", "-", " — ", " till "]
PAIR_JOINERS = ["/", " / ", "–", "-", "—"]


@st.composite
def quarter_pairs(draw):
    first = draw(st.integers(1, 3))
    last = draw(st.integers(first + 1, 4))
    return f"Q{first}{draw(st.sampled_from(PAIR_JOINERS))}Q{last} {draw(years)}"


@st.composite
def month_pairs(draw):
    first = draw(st.integers(0, 10))
    last = draw(st.integers(first + 1, 11))
    joiner = draw(st.sampled_from(PAIR_JOINERS))
    return f"{MONTH_NAMES[first]}{joiner}{MONTH_NAMES[last]} {draw(years)}"


@st.composite
def day_ranges(draw):
    first, last = sorted((draw(days), draw(days)))
    return f"{first.isoformat()}{draw(st.sampled_from(RANGE_DASHES))}{last.isoformat()}"


@st.composite
def day_shorthands(draw):  # "2021-01-19/20"
    first = draw(days)
    last_day = draw(st.integers(first.day, calendar.monthrange(first.year, first.month)[1]))
    return f"{first.isoformat()}/{last_day:02d}"


@st.composite
def year_ranges(draw):
    first, last = sorted((draw(years), draw(years)))
    return f"{first}{draw(st.sampled_from(RANGE_DASHES))}{last}"


@st.composite
def quarters_across_years(draw):
    first_year = draw(st.integers(1990, 2099))
    last_year = draw(st.integers(first_year + 1, 2100))
    return f"Q{draw(st.integers(1, 4))} {first_year} – Q{draw(st.integers(1, 4))} {last_year}"


@st.composite
def months_across_years(draw):
    first_year = draw(st.integers(1990, 2099))
    last_year = draw(st.integers(first_year + 1, 2100))
    first, last = draw(st.sampled_from(MONTH_NAMES)), draw(st.sampled_from(MONTH_NAMES))
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
    day_ranges(),
    day_shorthands(),
    quarters,
    quarter_pairs(),
    quarters_across_years(),
    months,
    month_pairs(),
    months_across_years(),
    seasons,
    whole_years,
    year_ranges(),
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


# --- the overdue mark in templates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "marked"),
    [
        pytest.param(D("2022-06-30"), False, id="on-the-deadline"),
        pytest.param(D("2022-07-01"), True, id="the-day-after"),
    ],
)
def test_the_period_tag_marks_overdue_by_the_day_the_caller_passes(today, marked):
    from django.template.loader import render_to_string

    html = render_to_string(
        "plans/includes/period.html", {"period": parse("Q2 2022"), "closed": False, "today": today}
    )
    assert ("Förfallen" in html) is marked
