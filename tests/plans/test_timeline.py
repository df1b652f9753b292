"""The timeline's geometry: where bars start and end, how exactly each end is known, the zoom
scales, grouping, wrapping, the PDF's parts; and the page's zoom links."""

import datetime

import pytest
from django.urls import reverse

from core.periods import parse
from plans import queries
from plans.timeline import (
    APPROXIMATE,
    EXACT,
    HEADER_HEIGHT,
    LABEL_WIDTH,
    MIN_TIME_WIDTH,
    OPEN,
    Axis,
    Scale,
    Timeline,
    build_timeline,
    default_scale,
    draw,
    end_exactness,
    mark_for,
    parse_scale,
    row_height_of,
    text_width,
    wrap,
)
from tests import factories

MAY_2022 = datetime.date(2022, 5, 15)
PLAN_YEARS = Axis(datetime.date(2022, 1, 1), datetime.date(2026, 1, 1), Scale.QUARTER)


def timeline_of(plan_with_tree, today=MAY_2022, scale=None):
    return build_timeline(queries.plan_tree(plan_with_tree["plan"]), today, scale)


def item(timeline, period_text):
    return next(
        found
        for group in timeline.groups
        for found in [*group.items, *(i for _, items in group.initiatives for i in items)]
        if found.entry.item.period_text == period_text
    )


def test_the_axis_spans_the_plan_period_in_whole_units(plan_with_tree):
    timeline = timeline_of(plan_with_tree)
    assert timeline.scale is Scale.QUARTER  # four years open by quarter
    assert (timeline.axis.start, timeline.axis.end) == (
        datetime.date(2022, 1, 1),
        datetime.date(2026, 1, 1),
    )
    ticks = timeline.axis.ticks()
    assert len(ticks) == 16 and ticks[0].label == "Q1" and ticks[4].first_of_year
    assert timeline.today_on_axis


@pytest.mark.parametrize(
    ("scale", "units", "first_label"),
    [(Scale.MONTH, 48, "jan"), (Scale.QUARTER, 16, "Q1"), (Scale.YEAR, 4, "2022")],
)
def test_zoom_sets_the_unit_and_its_width(plan_with_tree, scale, units, first_label):
    timeline = timeline_of(plan_with_tree, scale=scale)
    assert timeline.axis.units == units
    assert timeline.axis.ticks()[0].label == first_label
    widths = {Scale.MONTH: 48 * 34, Scale.QUARTER: 16 * 46, Scale.YEAR: 4 * 150}
    assert timeline.time_width == widths[scale]
    assert [(value, current) for value, _, current in timeline.scales] == [
        ("manad", scale is Scale.MONTH),
        ("kvartal", scale is Scale.QUARTER),
        ("ar", scale is Scale.YEAR),
    ]


def test_a_short_plan_gets_the_minimum_width():
    axis = Axis(datetime.date(2021, 1, 1), datetime.date(2022, 1, 1), Scale.QUARTER)
    assert axis.units == 4  # 4 x 46 would be too narrow to tell bars apart
    assert Timeline(Scale.QUARTER, axis, MAY_2022, [], [], []).time_width == MIN_TIME_WIDTH


def test_a_month_axis_starts_and_ends_on_whole_months():
    axis = Axis(datetime.date(2021, 1, 1), datetime.date(2022, 2, 1), Scale.MONTH)
    assert axis.units == 13
    assert [tick.label for tick in axis.years()] == ["2021", "2022"]


@pytest.mark.parametrize(
    ("months", "scale"),
    [(12, Scale.MONTH), (24, Scale.MONTH), (48, Scale.QUARTER), (120, Scale.YEAR)],
)
def test_the_default_zoom_follows_the_plans_length(months, scale):
    assert default_scale(months) is scale


def test_an_unknown_zoom_word_falls_back_to_the_default():
    assert parse_scale("kvartal") is Scale.QUARTER
    assert parse_scale("vecka") is None and parse_scale(None) is None


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("2022-06-01", EXACT, EXACT),
        ("2021-02-10/17", EXACT, EXACT),
        ("Q2 2022", APPROXIMATE, APPROXIMATE),
        ("hösten 2022", APPROXIMATE, APPROXIMATE),
        ("2022–2025", APPROXIMATE, APPROXIMATE),
        ("juni 2023", APPROXIMATE, APPROXIMATE),
        ("vid utgången av 2025", OPEN, EXACT),  # a deadline: its last day is known
        ("senast 2022-12-31", OPEN, EXACT),
        ("fr o m hösten 2022", APPROXIMATE, OPEN),
        ("fr o m 2022-08-15", EXACT, OPEN),
    ],
)
def test_how_exactly_each_end_is_known(words, start, end):
    assert end_exactness(parse(words)) == (start, end)


def test_a_quarter_spans_its_quarter_and_fades_at_both_ends(plan_with_tree):
    q2 = item(timeline_of(plan_with_tree, scale=Scale.QUARTER), "Q2 2022").mark
    assert q2.start == pytest.approx(PLAN_YEARS.fraction(datetime.date(2022, 4, 1)))
    assert q2.end == pytest.approx(PLAN_YEARS.fraction(datetime.date(2022, 7, 1)))
    assert (q2.start_is, q2.end_is) == (APPROXIMATE, APPROXIMATE)
    # One unit would be the whole quarter: a fade is at most 40 % of the bar, per end.
    assert q2.fade_start == pytest.approx((q2.end - q2.start) * 0.4)
    assert q2.glyph == "diamond" and q2.tone == "milestone"


def test_a_day_is_exact_and_a_day_long(plan_with_tree):
    day = item(timeline_of(plan_with_tree), "2022-06-01").mark
    assert day.start == pytest.approx(PLAN_YEARS.fraction(datetime.date(2022, 6, 1)))
    assert day.end == pytest.approx(PLAN_YEARS.fraction(datetime.date(2022, 6, 2)))
    assert (day.fade_start, day.fade_end) == (0, 0)
    assert day.glyph == "circle"  # a follow-up
    drawn = draw(day, left=0, width=1000, middle=10)
    assert drawn.filled and drawn.cx == pytest.approx(1000 * day.end, abs=0.1)


def test_a_deadline_without_a_start_is_dashed_from_the_axis_edge(plan_with_tree):
    deadline = item(timeline_of(plan_with_tree), "vid utgången av år 2025").mark
    assert deadline.start == 0 and deadline.end == 1
    drawn = draw(deadline, left=100, width=800, middle=10)
    assert drawn.rects == []  # nothing known before the deadline
    assert drawn.dashed == (100, 900 - 7)  # up to the diamond
    assert drawn.glyph == "diamond" and drawn.filled


def test_an_open_end_runs_to_the_axis_edge_and_past_it_with_an_arrow(plan_with_tree):
    factories.MilestoneFactory(
        section=plan_with_tree["area4"], text="Fortlöpande", period="fr o m hösten 2022"
    )
    mark = item(timeline_of(plan_with_tree), "fr o m hösten 2022").mark
    assert mark.end == 1 and mark.end_is == OPEN
    assert mark.glyph is None  # no end to mark: a bar
    assert mark.fade_start > 0 and mark.fade_end == 0  # the autumn term: approximate
    drawn = draw(mark, left=0, width=1000, middle=10)
    assert drawn.arrow.startswith("M1002 ")  # just past the edge
    assert drawn.rects[-1].x + drawn.rects[-1].width == pytest.approx(1000, abs=0.2)


def test_an_approximate_end_fades_in_steps_of_the_bars_colour():
    axis = Axis(datetime.date(2022, 1, 1), datetime.date(2023, 1, 1), Scale.MONTH)

    class Entry:  # the fields mark_for reads
        period = parse("hösten 2022")

        class kind:
            key = "activity"

        overdue = False

    mark = mark_for(Entry, axis)
    drawn = draw(mark, left=0, width=365, middle=10)
    fills = [rect.fill for rect in drawn.rects]
    assert len(fills) == 11  # five steps in, five out, the solid middle
    assert fills[-1] == "#4f5d6e" and fills[0] != fills[4]
    assert fills[:5] == fills[5:10][::-1]


def test_overdue_entries_are_drawn_in_the_overdue_tone(plan_with_tree):
    after = timeline_of(plan_with_tree, today=datetime.date(2022, 7, 15))
    assert item(after, "Q2 2022").mark.tone == "overdue"
    assert item(after, "Q2 2022").entry.overdue


def test_entries_are_grouped_by_area_and_initiative_with_the_pages_headings(plan_with_tree):
    timeline = timeline_of(plan_with_tree)
    kinds = [
        (kind, value if kind != "item" else value.entry.item.text)
        for kind, value in timeline.rows()
    ]
    assert kinds == [
        ("area", "Område 1. Personcentrerat arbetssätt"),
        ("initiative", "a) Patientkontrakt och SIP"),
        ("item", "Följs upp 2022-06-01"),  # in time order: by end, 1 June before 30 June
        ("item", "Förslag Q2 2022"),
        ("initiative", "b) Teambaserad vårdform"),
        ("item", "Implementerat"),
        ("area", "Område 4. Gemensamma digitala lösningar"),
        ("item", "Till beslut Q1 2022"),
    ]
    assert len(timeline.entries) == 4  # the table: every dated entry, in time order
    assert timeline.entries[0].item.period_text == "Q1 2022"


def test_a_plan_without_dates_has_no_axis(db):
    plan = factories.PlanFactory(period="")
    timeline = build_timeline(queries.plan_tree(plan), MAY_2022)
    assert timeline.axis is None and timeline.groups == [] and not timeline.today_on_axis


def test_labels_wrap_to_the_label_column_and_keep_every_word():
    text = "De skånska uppföljningsmodulen, som kopplas till SIP- respektive SVU-processerna, ska vara framtagen och i drift vid utgången av 2025."
    lines = wrap(text, LABEL_WIDTH, 12)
    assert len(lines) > 1
    assert all(text_width(line, 12) <= LABEL_WIDTH for line in lines)
    assert " ".join(lines) == text
    assert wrap("Ö" * 80, 100, 12) and all(
        text_width(x, 12) <= 100 for x in wrap("Ö" * 80, 100, 12)
    )


def test_the_chart_has_every_row_and_today_on_it(plan_with_tree):
    timeline = timeline_of(plan_with_tree)
    chart = timeline.chart
    assert [row.kind for row in chart.rows] == [kind for kind, _ in timeline.rows()]
    assert chart.height == pytest.approx(HEADER_HEIGHT + sum(map(row_height_of, timeline.rows())))
    assert chart.today_x == pytest.approx(
        chart.time_left + PLAN_YEARS.fraction(MAY_2022) * chart.time_width, abs=0.1
    )
    assert timeline_of(plan_with_tree, today=datetime.date(2030, 1, 1)).chart.today_x is None


def test_the_pdf_parts_fit_their_page_and_no_heading_ends_a_part(plan_with_tree):
    timeline = timeline_of(plan_with_tree)
    parts = timeline.chart_pages(200)
    assert len(parts) > 1
    assert [row.kind for part in parts for row in part.rows] == [k for k, _ in timeline.rows()]
    for part in parts:
        assert part.rows[-1].kind == "item"
        assert part.height <= 200 or len(part.rows) == 1


# --- the page -------------------------------------------------------------------------


def test_the_page_draws_the_svg_and_links_each_zoom(client, plan_with_tree):
    url = reverse("plans:plan_timeline", args=["skane-test"])
    content = client.get(url).content.decode()
    assert 'role="img"' in content and "<svg" in content
    assert 'href="?skala=manad#tidslinje"' in content
    assert 'href="?skala=kvartal#tidslinje" aria-current="true"' in content
    assert "style=" not in content.split("<main", 1)[1]  # the CSP allows no inline styles
    by_month = client.get(url, {"skala": "manad"}).content.decode()
    assert 'href="?skala=manad#tidslinje" aria-current="true"' in by_month and ">jan<" in by_month
    assert client.get(url, {"skala": "vecka"}).status_code == 200


def test_overdue_is_said_in_words_on_the_timeline(client, plan_with_tree):
    content = client.get(reverse("plans:plan_timeline", args=["skane-test"])).content.decode()
    assert "Förfallen" in content  # the Q1 2022 milestone has passed
