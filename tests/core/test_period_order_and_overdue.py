"""Periods ordered (by end, open and unknown last), judged overdue (by the end, from the day
after), spelled out for people, and marked "Förfallen" in templates by the day the caller
passes."""

from datetime import date

import pytest

from core.periods import is_overdue, parse

D = date.fromisoformat


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
