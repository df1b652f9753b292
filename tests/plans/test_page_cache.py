"""Public plan pages from the shared cache (core.pagecache): every write to any part of a plan
shows on the next anonymous request, drafts never reach strangers, and readers' views never
mix. Each check compares the served page with a fresh render (the cache emptied)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from plans.models import Milestone, Plan
from plans.services import (
    item_update,
    plan_publish,
    round_open,
    state_report_record,
    status_update_record,
)
from tests import factories
from tests.clients import BrowserLikeClient
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def served(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def rendered_afresh(client, url) -> str:
    cache.clear()
    return served(client, url)


def test_a_strangers_second_request_is_served_from_the_cache(client, plan_with_tree):
    url = plan_with_tree["plan"].get_absolute_url()
    first = count_queries(client, url)
    # The content version, nothing else: neither the plan nor the session is read.
    assert count_queries(client, url) == 1 < first


def test_every_write_to_a_plan_shows_on_the_next_anonymous_request(client, plan_with_tree, editor):
    plan, sip = plan_with_tree["plan"], plan_with_tree["sip"]
    url = plan.get_absolute_url()
    today = timezone.localdate()
    page = served(client, url)

    status_update_record(
        user=editor, initiative=sip, status="delayed", comment="Väntar på nytt avtal"
    )
    after_status = served(client, url)
    assert "Väntar på nytt avtal" in after_status and "Väntar på nytt avtal" not in page

    late = Milestone.objects.get(text="Till beslut Q1 2022")
    state_report_record(
        user=editor, item=late, state="done", done_on=datetime.date(2022, 3, 20),
        comment="Beslutat i mars", today=today,
    )  # fmt: skip
    after_report = served(client, url)
    assert "Beslutat i mars" in after_report and "Beslutat i mars" not in after_status

    round_open(user=editor, plan=plan, reporting_date=today, deadline=today)
    after_round = served(client, url)
    assert after_round == rendered_afresh(client, url)

    item_update(user=editor, item=late, expected_revision=late.revision, text="Till beslut Q2")
    # The public still reads the published version: the edit is a draft until published.
    during_revision = served(client, url)
    assert "Till beslut Q2" not in during_revision
    assert during_revision == rendered_afresh(client, url)

    plan_publish(user=editor, plan=Plan.objects.get(pk=plan.pk))
    published = served(client, url)
    assert "Till beslut Q2" in published
    assert published == rendered_afresh(client, url)


def test_a_draft_never_reaches_strangers(client, reader):
    draft = factories.DraftPlanFactory(title="Hemligt utkast")
    url = draft.get_absolute_url()
    client.force_login(reader)
    assert "Hemligt utkast" in served(client, url)
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    assert "Hemligt utkast" not in client.get("/planer/").content.decode()


def test_readers_views_do_not_mix(plan_with_tree, editor, reader):
    plan = plan_with_tree["plan"]
    url = plan.get_absolute_url()
    late = Milestone.objects.get(text="Till beslut Q1 2022")
    item_update(user=editor, item=late, expected_revision=late.revision, text="Utkastets text")
    stranger, editing, reading = BrowserLikeClient(), BrowserLikeClient(), BrowserLikeClient()
    editing.force_login(editor)
    reading.force_login(reader)
    for _ in range(2):  # the second round would be served from the cache, if anything were
        editor_page, reader_page = served(editing, url), served(reading, url)
        stranger_page = served(stranger, url)
        assert "Utkastets text" in editor_page and "Utkastets text" in reader_page
        assert "Utkastets text" not in stranger_page and "Till beslut Q1 2022" in stranger_page
        edit_url = f"{url}redigera/"  # the workbench's
        assert edit_url in editor_page
        assert edit_url not in reader_page and edit_url not in stranger_page
        name = editor.get_full_name() or editor.get_username()
        assert name in editor_page and name not in stranger_page
