"""The plan page's sections from the shared cache for people logged in (plans.workbench
.sections_key, the {% cached_sections %} tag): a second request is served the stored block,
every write shows on the next request, readers' views never mix, and each editor's forms
carry their own CSRF token, never the one of whoever's request stored the block."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import resolve, reverse
from django.utils import timezone

from core.pagecache import content_version
from plans.models import Milestone
from plans.services import item_update, state_report_record, status_update_record
from plans.workbench import TOKEN_SLOT, sections_key
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


def stored(plan, *, editing=True) -> bool:
    """Whether the sections are stored for a reader who sees drafts, now, in Swedish."""
    key = sections_key(content_version(), plan, editing=editing, drafts=True, focus="")
    return cache.has_key(key)


def rename(body, name):
    body.name = name
    body.save()


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
