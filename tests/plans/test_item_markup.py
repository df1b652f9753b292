"""The plan page's items, written in Python (plans.markup) rather than by included templates:
the same markup (an item's period, overdue mark, reported state and menu), escaped, marked as
Swedish on an English page, and the same in a section re-rendered alone after a save."""

import datetime
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.periods import parse
from plans import htmx, kinds
from plans.models import StateReport
from tests import factories

pytestmark = pytest.mark.django_db
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


def plan_page(client, plan, **headers) -> str:
    return client.get(reverse("plans:plan_detail", args=[plan.slug]), **headers).content.decode()


def report(item, state, *, done_on=None, comment=""):
    return StateReport.objects.create(
        plan=item.section.plan,
        item_kind=kinds.of(type(item)).key,
        item_id=item.pk,
        state=state,
        done_on=done_on,
        comment=comment,
        reported_at=timezone.now(),
    )


def row(html: str, text: str) -> str:
    """The list item holding `text`, up to its actions menu (an editor's) or its end."""
    found = re.search(
        r"<li>((?:(?!<li>).)*?" + re.escape(text) + r".*?)(?:<details|</li>)", html, re.S
    )
    assert found, text
    return found.group(1)


def test_an_items_row_shows_its_period_overdue_mark_and_reported_state(
    editor_client, plan_with_tree
):
    area4 = plan_with_tree["area4"]
    late = factories.MilestoneFactory(section=area4, text="Sen milstolpe", period="Q1 2022")
    report(late, "in_progress", comment="På väg <snart>")
    done = factories.MilestoneFactory(section=area4, text="Klar milstolpe", period="Q1 2022")
    report(done, "done", done_on=datetime.date(2022, 3, 1))
    factories.MilestoneFactory(section=area4, text="Odaterad milstolpe", period="")
    factories.ActivityFactory(section=area4, text="Odaterad aktivitet", period="")

    html = plan_page(editor_client, plan_with_tree["plan"])

    title = parse("Q1 2022").describe()
    assert row(html, "Sen milstolpe") == (
        f'<span class="period-tag is-overdue" title="{title}">Q1 2022</span> '
        '<strong class="overdue"><span aria-hidden="true">⚠</span> Förfallen</strong> '
        'Sen milstolpe<span class="item-state"> <span class="status istate-in_progress">'
        '<span class="status-symbol" aria-hidden="true">◐</span> Pågår</span>\n'
        ' <span class="muted">På väg &lt;snart&gt;</span></span>\n'
    )
    assert row(html, "Klar milstolpe") == (
        f'<span class="period-tag" title="{title}">Q1 2022</span> Klar milstolpe'
        '<span class="item-state"> <span class="status istate-done">'
        '<span class="status-symbol" aria-hidden="true">✔</span> Klar 2022-03-01</span>\n'
        "</span>\n"
    )
    # A milestone always shows its time, an activity only when it has one.
    assert row(html, "Odaterad milstolpe") == (
        '<span class="period-tag is-unknown">Ingen tid angiven</span> Odaterad milstolpe'
    )
    assert row(html, "Odaterad aktivitet") == "Odaterad aktivitet"


def test_an_items_text_note_and_bodies_are_escaped(editor_client, plan_with_tree):
    area4 = plan_with_tree["area4"]
    body = factories.BodyFactory(name="Nämnd <b>&</b>")
    factories.ActivityFactory(
        section=area4, text="<script>alert(1)</script> & mer", note="**fet** <script>x</script>"
    )
    factories.FollowUpFactory(section=area4, text="Följs upp", period="Q4 2023", reported_to=body)

    html = plan_page(editor_client, plan_with_tree["plan"])

    assert "<script>alert(1)" not in html
    assert "<script>x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer" in html
    assert '<div class="note"><p><strong>fet</strong>' in html
    assert (
        f'Återrapporteras till <a href="{body.get_absolute_url()}">Nämnd &lt;b&gt;&amp;&lt;/b&gt;'
        "</a>." in html
    )
    # The actions menu names the item for screen readers, escaped as well.
    assert "för &lt;script&gt;alert(1)&lt;/script&gt; &amp; mer</span></summary>" in html


def test_on_an_english_page_the_texts_are_marked_swedish_and_the_words_english(
    client, reader, plan_with_tree
):
    area4 = plan_with_tree["area4"]
    factories.MilestoneFactory(section=area4, text="Milstolpe", period="någon gång")
    factories.ActivityFactory(section=area4, text="Aktivitet med not", note="En not")
    client.force_login(reader)

    html = plan_page(client, plan_with_tree["plan"], **ENGLISH)

    assert (
        '<span class="period-tag is-unknown"><span lang="sv">någon gång</span></span> '
        '<span lang="sv">Milstolpe</span>' in html
    )
    assert '<div class="note" lang="sv"><p>En not</p></div>' in html
    assert '<h3 class="item-heading">Milestone</h3>' in html
    assert 'class="actions-menu"' not in html  # a reader has no menus


def test_a_section_rendered_alone_after_a_save_is_the_section_of_the_page(
    editor_client, editor, plan_with_tree
):
    plan, area1 = plan_with_tree["plan"], plan_with_tree["area1"]
    report(
        area1.milestones.get(initiative=plan_with_tree["sip"]),
        "done",
        done_on=datetime.date(2022, 6, 1),
    )
    request = RequestFactory().get("/")
    request.user = editor

    alone = htmx.section_response(request, plan, area1.pk).content.decode()
    page = plan_page(editor_client, plan)

    def section(html):
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
        start = html.index(f'<section class="plan-section" id="block-omrade-{area1.pk}"')
        return html[start : html.index("</section>", start)]

    assert section(alone) == section(page)
    assert "istate-done" in section(alone)


def test_bevakning_rows_name_the_last_day_the_item_and_its_place_escaped_and_marked(
    client, strategist
):
    """Bevakning's rows (plans.markup.due_rows): the last day and the period as written, the
    kind and text, a link to the item's place in the plan; content escaped and, on an English
    page, marked as Swedish."""
    plan = factories.build_synthetic_plan(sections=1, initiatives=1, items=0)
    plan.title = 'Plan "A" & <B>'
    plan.save()
    section = plan.sections.get()
    item = factories.MilestoneFactory(
        section=section, initiative=None, text="Rapport <b>\"&'", period="Q4 2023"
    )
    client.force_login(strategist)
    url = reverse("plans:due")
    expected = (
        '<td>2023-12-31<br><span class="muted">(Q4 2023)</span></td>\n'
        "      <td>Tidplan: Rapport &lt;b&gt;&quot;&amp;&#x27;</td>\n"
        f'      <td><a href="{plan.get_absolute_url()}#{section.anchor}">'
        "Plan &quot;A&quot; &amp; &lt;B&gt;, 1</a></td>"
    )
    assert f"\n    <tr>\n      {expected}\n    </tr>\n  " in client.get(url).content.decode()
    english = client.get(url, **ENGLISH).content.decode()
    assert (
        '<td>Milestone: <span lang="sv">Rapport &lt;b&gt;&quot;&amp;&#x27;</span></td>\n'
        f'      <td><a href="{plan.get_absolute_url()}#{section.anchor}" lang="sv">'
    ) in english
    assert item.period_end == datetime.date(2023, 12, 31)
