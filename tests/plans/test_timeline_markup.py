"""The timeline page's entries as HTML (plans.timeline.markup): what the included templates
wrote, byte for byte. A plan of one area with an overdue milestone (its text full of `<&"`),
an initiative with an activity to come and a follow-up without an end; in Swedish and in
English, where the content is marked as Swedish."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from plans import queries
from plans.markup import Page
from plans.timeline import build_timeline, markup
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 5, 15)
TEXT = "Beslut om &lt;rutiner&gt; &amp; &quot;mallar&quot;"  # as written, escaped
GRID = '<line x1="200" y1="0" x2="200" y2="20"/>'  # what every lane shares, passed through


def small_plan(coming="2022-09-01"):
    plan = factories.PublishedPlanFactory(title="Plan", slug="liten", period="2022")
    area, initiative = factories.first_initiative(
        plan, area="Vård & <omsorg>", title='Insats "ett"'
    )
    factories.MilestoneFactory(
        section=area, text='Beslut om <rutiner> & "mallar"', period="Q1 2022"
    )
    factories.ActivityFactory(
        section=area, initiative=initiative, text="Utbilda 'alla'", period=coming
    )
    factories.FollowUpFactory(
        section=area, initiative=initiative, text="Följa upp", period="löpande"
    )
    return plan


def written(plan, language):
    """The chart's rows, the list's items, the table's rows and the undated items."""
    with translation.override(language):
        timeline = build_timeline(queries.plan_tree(plan), TODAY)
        page = Page.now(TODAY)
        group = timeline.groups[0]
        ((_, initiative_items),) = group.initiatives
        return (
            markup.chart_rows(timeline.chart, page),
            markup.list_items(group.items, GRID, page)
            + markup.list_items(initiative_items, GRID, page),
            markup.table_rows(timeline.entries, plan.get_absolute_url(), page),
            markup.undated_items(timeline.undated, page),
        )


# The milestone's mark: a diamond at the end of Q1, the quarter fading in, red as overdue.
MILESTONE_MARK = (
    '<rect x="352.0" y="102.5" width="11.4" height="6" fill="#f4e4e4"/>'
    '<rect x="363.0" y="102.5" width="11.4" height="6" fill="#e3bdbb"/>'
    '<rect x="374.1" y="102.5" width="11.4" height="6" fill="#d0908d"/>'
    '<rect x="385.1" y="102.5" width="11.4" height="6" fill="#bd645f"/>'
    '<rect x="396.2" y="102.5" width="11.4" height="6" fill="#ac3d36"/>'
    '<rect x="407.2" y="102.5" width="82.8" height="6" fill="#a1221b"/>'
    '<path d="M490.1 98.5L497.1 105.5L490.1 112.5L483.1 105.5Z" fill="#fff" stroke="#a1221b" '
    'stroke-width="2"/>'
)
MILESTONE_LANE = (
    '<rect x="10.0" y="7.0" width="7.9" height="6" fill="#f4e4e4"/>'
    '<rect x="17.5" y="7.0" width="7.9" height="6" fill="#e3bdbb"/>'
    '<rect x="25.0" y="7.0" width="7.9" height="6" fill="#d0908d"/>'
    '<rect x="32.5" y="7.0" width="7.9" height="6" fill="#bd645f"/>'
    '<rect x="40.0" y="7.0" width="7.9" height="6" fill="#ac3d36"/>'
    '<rect x="47.5" y="7.0" width="56.2" height="6" fill="#a1221b"/>'
    '<path d="M103.7 3L110.7 10L103.7 17L96.7 10Z" fill="#fff" stroke="#a1221b" stroke-width="2"/>'
)


def chart_rows(area, milestone, activity, overdue):
    return (
        # An area's heading: a darker band, one size larger; its text escaped, not marked.
        '<g class="tl-heading"><rect x="0" y="58" width="926" height="33" fill="#dfe6ee"/>'
        f'<text font-weight="bold" font-size="13"><tspan x="8" y="79">{area} 1. Vård &amp; '
        "&lt;omsorg&gt;</tspan></text></g>\n"
        # An item: its text's lines, then kind · time (· ⚠ Förfallen), then its mark.
        '<g class="tl-row"><line x1="0" y1="133" x2="926" y2="133" stroke="#e3e7ec"/>'
        f'<text><tspan x="8" y="109">{TEXT}</tspan>'
        '<tspan x="8" y="124" font-size="11" font-weight="bold" fill="#3b434c">'
        f"{milestone} · Q1 2022</tspan>"
        f'<tspan font-size="11" font-weight="bold" fill="#a1221b"> · ⚠ {overdue}</tspan>'
        f"</text>{MILESTONE_MARK}</g>\n"
        # An initiative's heading: a lighter band.
        '<g class="tl-heading"><rect x="0" y="133" width="926" height="32" fill="#f1f4f7"/>'
        '<text font-weight="bold"><tspan x="8" y="153">a) Insats &quot;ett&quot;</tspan>'
        "</text></g>\n"
        '<g class="tl-row"><line x1="0" y1="207" x2="926" y2="207" stroke="#e3e7ec"/>'
        '<text><tspan x="8" y="183">Utbilda &#x27;alla&#x27;</tspan>'
        '<tspan x="8" y="198" font-size="11" font-weight="bold" fill="#3b434c">'
        f"{activity} · 2022-09-01</tspan></text>"
        '<rect x="724.8" y="173.5" width="4" height="12" fill="#4f5d6e"/></g>\n'
    )


def list_items(lang, milestone, activity, overdue):
    return (
        f'<li><p class="tl-list-text"{lang}>{TEXT}</p>\n'
        f'<p class="tl-list-meta">{milestone} · <strong>Q1 2022</strong> · '
        f'<strong class="overdue"><span aria-hidden="true">⚠</span> {overdue}</strong></p>\n'
        '<svg class="tl-lane" viewBox="0 0 400 20" aria-hidden="true" focusable="false">'
        f"{GRID}{MILESTONE_LANE}</svg></li>\n"
        f'<li><p class="tl-list-text"{lang}>Utbilda &#x27;alla&#x27;</p>\n'
        f'<p class="tl-list-meta">{activity} · <strong>2022-09-01</strong></p>\n'
        '<svg class="tl-lane" viewBox="0 0 400 20" aria-hidden="true" focusable="false">'
        f'{GRID}<rect x="263.0" y="4.0" width="4" height="12" fill="#4f5d6e"/></svg></li>\n'
    )


def table_rows(*, text, activity_text, milestone, activity, q1, september, overdue, coming):
    return (
        '\n    <tr class="row-overdue">\n'
        "      <td>Q1 2022</td>\n"
        f"      <td>{q1}</td>\n"
        f"      <td>{milestone}: {text}</td>\n"
        '      <td><a href="/planer/liten/#omrade-1">1.</a></td>\n'
        f'      <td><strong class="overdue"><span aria-hidden="true">⚠</span> {overdue}</strong></td>\n'
        "    </tr>\n  "
        "\n    <tr>\n"
        "      <td>2022-09-01</td>\n"
        f"      <td>{september}</td>\n"
        f"      <td>{activity}: {activity_text}</td>\n"
        '      <td><a href="/planer/liten/#insats-1a">1a)</a></td>\n'
        f"      <td>{coming}</td>\n"
        "    </tr>\n  "
    )


def test_a_swedish_page_writes_the_entries_escaped_and_unmarked():
    chart, items, table, undated = written(small_plan(), "sv")
    assert chart == chart_rows("Område", "Tidplan", "Aktivitet", "Förfallen")
    assert items == list_items("", "Tidplan", "Aktivitet", "Förfallen")
    assert table == table_rows(
        text=TEXT,
        activity_text="Utbilda &#x27;alla&#x27;",
        milestone="Tidplan",
        activity="Aktivitet",
        q1="1 januari – 31 mars 2022",
        september="1 september 2022",
        overdue="Förfallen",
        coming="Kommande",
    )
    # Words of time not understood stay as written.
    assert undated == "<li>Uppföljning: Följa upp (löpande)</li>"


def test_an_english_page_marks_the_content_as_swedish():
    chart, items, table, undated = written(small_plan(), "en")
    # The chart's texts are not marked (SVG), its words are English; the periods are read
    # back in English, so not marked either.
    assert chart == chart_rows("Area", "Milestone", "Activity", "Overdue")
    assert items == list_items(' lang="sv"', "Milestone", "Activity", "Overdue")
    assert table == table_rows(
        text=f'<span lang="sv">{TEXT}</span>',
        activity_text='<span lang="sv">Utbilda &#x27;alla&#x27;</span>',
        milestone="Milestone",
        activity="Activity",
        q1="1 January – 31 March 2022",
        september="1 September 2022",
        overdue="Overdue",
        coming="Upcoming",
    )
    # Words of time not understood are Swedish, marked.
    assert (
        undated
        == '<li>Follow-up: <span lang="sv">Följa upp</span> (<span lang="sv">löpande</span>)</li>'
    )


def test_the_page_puts_each_part_where_it_was(client):
    """The chart, the list, the table and the undated list, on an English page (the
    activity still to come)."""
    next_year = timezone.localdate().year + 1
    plan = small_plan(coming=f"{next_year}-09-01")
    client.cookies["django_language"] = "en"
    page = client.get(reverse("plans:plan_timeline", args=[plan.slug])).content.decode()
    assert '<tspan x="8" y="183">Utbilda &#x27;alla&#x27;</tspan>' in page  # the chart
    assert f'<li><p class="tl-list-text" lang="sv">{TEXT}</p>' in page  # the list
    assert f'<td>Milestone: <span lang="sv">{TEXT}</span></td>' in page  # the table
    assert "<td>Upcoming</td>" in page
    assert '<ul><li>Follow-up: <span lang="sv">Följa upp</span>' in page
