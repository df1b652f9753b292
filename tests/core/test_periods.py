"""Period: the time words of the plans, parsed, printed back and stored.

The tables quote every time expression in seeds 003 (projektplan, Jämtland Härjedalen) and
004 (aktivitets- och tidplan, Skåne) and the list in DESIGN.md; words not understood are kept,
never guessed. Ordering and overdue: test_period_order_and_overdue.py; the properties of
every form the parser claims to understand: test_period_properties.py.
"""

from datetime import date

import pytest

from core.periods import Period, Precision, from_stored, parse

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
