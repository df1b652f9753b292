"""The plan page's sections from the shared cache for people logged in (plans.workbench
.sections_key, the {% cached_sections %} tag): a second request is served the stored block,
every write shows on the next request, readers' views never mix, and each editor's forms
carry their own CSRF token, never the one of whoever's request stored the block."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test.signals import template_rendered
from django.urls import resolve, reverse
from django.utils import timezone

from core.pagecache import CODE_ROW, bump_content_version, content_version
from plans.models import FollowUp, Milestone, Plan, Section
from plans.queries import plan_tree
from plans.services import item_update, state_report_record, status_update_record
from plans.workbench import TOKEN_SLOT, section_keys, sections_key, slotted_sections
from tests import factories
from tests.clients import BrowserLikeClient
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def served(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert TOKEN_SLOT not in content
    return content


def rendered_afresh(client, url) -> str:
    cache.clear()
    return served(client, url)


def without_tokens(page: str) -> str:
    """CSRF tokens are masked anew for every request: the rest of the page is compared."""
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', page)


def stored_key(plan, *, editing=True) -> str:
    """The key of the sections for a reader who sees drafts, now, in Swedish."""
    return sections_key(content_version(), plan, editing=editing, drafts=True, focus="")


def stored(plan, *, editing=True) -> bool:
    return cache.has_key(stored_key(plan, editing=editing))


def rename(body, name):
    body.name = name
    body.save()


def sections_rendered(client, url) -> tuple[str, list[str]]:
    """The page, and the titles of the sections rendered for it (not served from the cache)."""
    titles = []

    def record(sender, template, context, **kwargs):
        if template.name == "plans/includes/section.html":
            titles.append(context["node"].section.title)

    template_rendered.connect(record, dispatch_uid="sections-rendered")
    try:
        return served(client, url), titles
    finally:
        template_rendered.disconnect(dispatch_uid="sections-rendered")


def test_an_editors_second_request_is_served_the_stored_sections(editor_client, plan_with_tree):
    plan = plan_with_tree["plan"]
    url = plan.get_absolute_url()
    first = served(editor_client, url)
    assert stored(plan)
    second = served(editor_client, url)
    assert stored(plan)
    assert without_tokens(second) == without_tokens(first)
    assert "Till beslut Q1 2022" in second and 'class="actions-menu"' in second


def test_a_page_served_the_stored_sections_loads_no_item_at_any_size(client, strategist):
    """The page around stored sections needs no item (the plan's state facts are stored with
    them): a hit costs fewer queries than the rendered page, the same at 1x and 10x."""
    client.force_login(strategist)
    body = factories.BodyFactory()
    counts = []
    for size in (
        {"sections": 1, "initiatives": 1, "items": 1},
        {"sections": 5, "initiatives": 4, "items": 3},
    ):
        plan = factories.build_synthetic_plan(body=body, **size)
        plan.editors.add(strategist)
        url = plan.get_absolute_url()
        cache.clear()
        rendered = count_queries(client, url)
        counts.append((rendered, count_queries(client, url)))
    (small_rendered, small_stored), (large_rendered, large_stored) = counts
    assert small_rendered == large_rendered == 21
    assert small_stored == large_stored == 17


def test_every_write_shows_on_the_editors_next_request(editor_client, plan_with_tree, editor, ctb):
    plan, sip = plan_with_tree["plan"], plan_with_tree["sip"]
    url = plan.get_absolute_url()
    today = timezone.localdate()
    late = Milestone.objects.get(text="Till beslut Q1 2022")
    writes = [
        lambda: item_update(
            user=editor, item=late, expected_revision=late.revision, text="Till beslut Q2"
        ),
        lambda: state_report_record(
            user=editor,
            item=late,
            state="done",
            done_on=datetime.date(2022, 3, 20),
            comment="Beslutat i mars",
            today=today,
        ),
        lambda: status_update_record(
            user=editor, initiative=sip, status="delayed", comment="Väntar på nytt avtal"
        ),
        # Not the plan's own rows: the responsible body's name, from governance.
        lambda: rename(ctb, "Beredningen"),
    ]
    shown = ["Till beslut Q2", "Beslutat i mars", "Väntar på nytt avtal", "Beredningen"]
    page = served(editor_client, url)
    for write, text in zip(writes, shown, strict=True):
        assert text not in page
        write()
        page = served(editor_client, url)
        assert text in page
        assert without_tokens(page) == without_tokens(rendered_afresh(editor_client, url))
        served(editor_client, url)  # stored again for the next write to make stale


def test_readers_views_and_languages_do_not_mix(plan_with_tree, editor, reader):
    plan = plan_with_tree["plan"]
    url = plan.get_absolute_url()
    editing, reading = BrowserLikeClient(), BrowserLikeClient()
    editing.force_login(editor)
    reading.force_login(reader)
    for _ in range(2):  # the second round from the cache, if anything were
        editor_page, reader_page = served(editing, url), served(reading, url)
        assert 'class="actions-menu"' in editor_page and "csrfmiddlewaretoken" in editor_page
        assert 'class="actions-menu"' not in reader_page
    english = BrowserLikeClient(HTTP_ACCEPT_LANGUAGE="en")
    english.force_login(editor)
    page = served(english, url)
    assert "Actions" in page and "Åtgärder" not in page
    assert "Åtgärder" in served(editing, url)


def test_each_editor_posts_with_their_own_token(plan_with_tree, editor, strategist):
    """The block stored by one editor's request, served to another: the other's forms pass the
    CSRF check (a token of someone else's would not)."""
    plan = plan_with_tree["plan"]
    url = plan.get_absolute_url()
    other = factories.UserFactory(username="annan-strateg")
    other.groups.set(strategist.groups.all())
    plan.editors.add(other)
    first = BrowserLikeClient(enforce_csrf_checks=True)
    first.force_login(editor)
    served(first, url)
    second = BrowserLikeClient(enforce_csrf_checks=True)
    second.force_login(other)
    page = served(second, url)
    assert stored(plan)
    action, token = re.search(
        r'<form method="post" action="([^"]+)"[^>]*><input type="hidden" '
        r'name="csrfmiddlewaretoken" value="([^"]+)"',
        page,
    ).groups()
    response = second.post(
        action, {"csrfmiddlewaretoken": token, "direction": "down"}, HTTP_REFERER=url
    )
    assert response.status_code == 302


def test_a_menu_to_focus_is_rendered_not_stored(editor_client, plan_with_tree):
    url = plan_with_tree["plan"].get_absolute_url()
    page = served(editor_client, f"{url}?meny=atgarder-omrade-{plan_with_tree['area1'].pk}")
    assert "<summary autofocus>" in page
    assert not stored(plan_with_tree["plan"])


def test_every_add_and_status_link_on_an_editors_page_leads_to_its_view(
    editor_client, plan_with_tree
):
    """The "Lägg till" and status links are reversed once per page and completed by string
    formatting (plans.workbench.plan_url): each is the URL reverse() gives, for every
    initiative and for the area without initiatives."""
    plan = plan_with_tree["plan"]
    page = rendered_afresh(editor_client, plan.get_absolute_url())
    links = set(re.findall(r'(?:href|hx-get)="([^"]+)"', page))
    expected = set()
    for section in plan.sections.all():
        expected.add(
            reverse("plans:item_add", args=[plan.slug, "insats"]) + f"?omrade={section.pk}"
        )
        owners = [f"&amp;insats={i.pk}" for i in section.initiatives.all()] or [""]
        for kind in ("aktivitet", "tidplan", "uppfoljning"):
            add = reverse("plans:item_add", args=[plan.slug, kind])
            expected |= {f"{add}?omrade={section.pk}{owner}" for owner in owners}
        for initiative in section.initiatives.all():
            expected.add(reverse("plans:status_update", args=[plan.slug, initiative.pk]))
    assert expected <= links
    for link in links:
        path = link.split("?")[0]
        if path.startswith(plan.get_absolute_url()) and not path.startswith("#"):
            assert resolve(path).namespace == "plans", link


def test_a_write_renders_again_only_the_section_it_changed(editor_client, plan_with_tree, editor):
    """After any write the block is not stored under the new version; each section is looked up
    by the look of what it shows (plans.workbench.section_keys): only the changed one is
    rendered, and the page is the page rendered afresh."""
    plan, area4 = plan_with_tree["plan"], plan_with_tree["area4"]
    url = plan.get_absolute_url()
    late = Milestone.objects.get(text="Till beslut Q1 2022")
    # The first edit starts a revision: the plan's state, which every section's key holds.
    late = item_update(user=editor, item=late, expected_revision=late.revision, text="Q2")
    _page, titles = sections_rendered(editor_client, url)
    assert len(titles) == plan.sections.count() == 2
    item_update(user=editor, item=late, expected_revision=late.revision, text="Till beslut Q3")
    page, titles = sections_rendered(editor_client, url)
    assert titles == [area4.title]
    assert "Till beslut Q3" in page
    assert without_tokens(page) == without_tokens(rendered_afresh(editor_client, url))


def test_the_stored_block_names_its_sections_and_holds_none_of_them(editor_client, plan_with_tree):
    """Each section's HTML is written to the cache once, under the look of its content: the
    block stored under the content version holds their places and the plan's facts."""
    plan = plan_with_tree["plan"]
    page = served(editor_client, plan.get_absolute_url())
    block, facts = cache.get(stored_key(plan))
    assert "Till beslut Q1 2022" in page and b"Till beslut Q1 2022" not in block
    assert len(slotted_sections(block)) == plan.sections.count() == 2
    assert facts and facts in page


def test_the_sections_are_stored_and_sent_as_utf8_never_as_text_again(
    editor_client, plan_with_tree
):
    """The block and each section are kept as the UTF-8 the page is sent in: a hit decodes
    nothing, and the page around them is the same, byte for byte, as when rendered."""
    plan = plan_with_tree["plan"]
    url = plan.get_absolute_url()
    rendered = without_tokens(served(editor_client, url))
    block, _facts = cache.get(stored_key(plan))
    sections = cache.get_many(slotted_sections(block))
    assert isinstance(block, bytes)
    assert sections and all(isinstance(html, bytes) for html in sections.values())
    assert b"Till beslut Q1 2022" in b"".join(sections.values())
    assert without_tokens(served(editor_client, url)) == rendered


def test_a_block_not_stored_as_this_code_stores_it_is_put_together_again(
    editor_client, plan_with_tree
):
    """What an older release stored under the same key (text, not UTF-8) is never served:
    the block is put together again, its sections from their own entries, and stored."""
    plan = plan_with_tree["plan"]
    url = plan.get_absolute_url()
    rendered = without_tokens(served(editor_client, url))
    cache.set(stored_key(plan), ("<p>Gammalt block</p>", "3 av 5 klara"))
    page = served(editor_client, url)
    assert "Gammalt block" not in page and without_tokens(page) == rendered
    assert isinstance(cache.get(stored_key(plan))[0], bytes)


def test_a_section_gone_from_the_cache_renders_the_page_again(editor_client, plan_with_tree):
    """A block is served whole or not at all: when the cache has dropped one of its sections
    (memory full), the page is rendered as after a write and the section stored again."""
    plan, area4 = plan_with_tree["plan"], plan_with_tree["area4"]
    url = plan.get_absolute_url()
    first = served(editor_client, url)
    block, _facts = cache.get(stored_key(plan))
    place = [node.section for node in plan_tree(plan).sections].index(area4)
    section = slotted_sections(block)[place]
    cache.delete(section)
    page, titles = sections_rendered(editor_client, url)
    assert titles == [area4.title]
    assert without_tokens(page) == without_tokens(first)
    assert cache.has_key(section)


def test_an_upgrade_renders_every_section_again(editor_client, plan_with_tree):
    """What is stored by the look of its content holds the HTML of the code that rendered it:
    every `migrate` (an upgrade) counts in the code's version, and no section is reused."""
    url = plan_with_tree["plan"].get_absolute_url()
    served(editor_client, url)
    # What `migrate` counts (core.pagecache._after_migrate): a write, and the code's version.
    bump_content_version()
    bump_content_version(CODE_ROW)
    _page, titles = sections_rendered(editor_client, url)
    assert len(titles) == 2


def change_author_name(update, name):
    update.author.first_name = name
    update.author.save()


def report_to(follow_up, body):
    follow_up.reported_to = body
    follow_up.save()


@pytest.mark.parametrize(
    "change",
    [
        "item text",
        "item note",
        "reported state",
        "follow-up reported to",
        "reporting body's name",
        "responsible body's name",
        "initiative status",
        "status author's name",
        "section title",
        "plan's section label",
    ],
)
def test_each_thing_a_section_shows_is_shown_anew_after_it_changes(
    editor_client, plan_with_tree, editor, ctb, change
):
    """Each kind of data a section shows, changed after the sections were stored: the next
    page shows it, and is the page rendered afresh."""
    plan, area1, sip = plan_with_tree["plan"], plan_with_tree["area1"], plan_with_tree["sip"]
    url = plan.get_absolute_url()
    activity = area1.activitys.get()
    follow_up = FollowUp.objects.get(section=area1)
    update = status_update_record(user=editor, initiative=sip, status="on_track")
    # Reported to another body than the one responsible, so that each name is its own change.
    reporter = factories.BodyFactory(name="Vårdrådet")
    report_to(follow_up, reporter)
    writes = {
        "item text": lambda: item_update(
            user=editor, item=activity, expected_revision=activity.revision, text="Nytt ord"
        ),
        "item note": lambda: item_update(
            user=editor, item=activity, expected_revision=activity.revision, note="Nytt ord"
        ),
        "reported state": lambda: state_report_record(
            user=editor,
            item=follow_up,
            state="in_progress",
            comment="Nytt ord",
            today=timezone.localdate(),
        ),
        "follow-up reported to": lambda: report_to(
            follow_up, factories.BodyFactory(name="Nytt ord")
        ),
        "reporting body's name": lambda: rename(reporter, "Nytt ord"),
        "responsible body's name": lambda: rename(ctb, "Nytt ord"),
        "initiative status": lambda: status_update_record(
            user=editor, initiative=sip, status="delayed", comment="Nytt ord"
        ),
        "status author's name": lambda: change_author_name(update, "Nytt ord"),
        "section title": lambda: Section.objects.filter(pk=area1.pk).update(title="Nytt ord"),
        "plan's section label": lambda: Plan.objects.filter(pk=plan.pk).update(
            kind=Plan.Kind.PROJECT_PLAN
        ),
    }
    text = "Fas 1." if change == "plan's section label" else "Nytt ord"
    served(editor_client, url)
    assert text not in served(editor_client, url)  # the second from the stored sections
    writes[change]()
    # Past the signals too (a bulk update): counted as the imports count theirs.
    bump_content_version()
    page = served(editor_client, url)
    assert text in page
    assert without_tokens(page) == without_tokens(rendered_afresh(editor_client, url))


def test_the_next_day_shows_what_fell_overdue(editor_client, plan_with_tree, monkeypatch):
    """The day is in every key: a milestone due today is overdue tomorrow, though nothing was
    written."""
    area4 = plan_with_tree["area4"]
    today = timezone.localdate()
    factories.MilestoneFactory(section=area4, text="Klart i dag", period=today.isoformat())
    url = plan_with_tree["plan"].get_absolute_url()

    def overdue_marks():
        return served(editor_client, url).count('class="overdue"')

    before = overdue_marks()
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + datetime.timedelta(days=1))
    assert overdue_marks() == before + 1


def test_a_section_whose_data_cannot_be_keyed_is_never_reused(plan_with_tree):
    """Data is keyed by its content (pickled): a value that has none to give (here a function
    the tree might one day hang on a row) leaves every section to be rendered."""
    plan = plan_with_tree["plan"]
    tree = plan_tree(plan)
    today = timezone.localdate()
    assert len(section_keys(plan, tree, "x:1", editing=True, drafts=True, today=today)) == 2
    tree.sections[0].section.shown_by = lambda: "?"
    assert section_keys(plan, tree, "x:1", editing=True, drafts=True, today=today) == {}
