"""A plan's calendar feed, and what plans add to a body's: public content only, fuzzy periods
at their end with their words, read back with icalendar; fixed queries at 1x and 10x."""

from datetime import date

import pytest
from django.urls import reverse

from plans import services
from plans.models import Milestone
from tests import factories
from tests.calendar_check import events_by_summary, parse_feed
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def feed_url(plan):
    return reverse("plans:plan_calendar", args=[plan.slug])


def test_a_plans_feed_holds_its_milestones_follow_ups_and_dated_activities(client, plan_with_tree):
    calendar = parse_feed(client.get(feed_url(plan_with_tree["plan"])))
    events = events_by_summary(calendar)
    fuzzy = events["Tidplan: Förslag Q2 2022 (Q2 2022)"]
    assert fuzzy.start == date(2022, 6, 30)
    assert (
        fuzzy["UID"] == f"milestone-{Milestone.objects.get(text='Förslag Q2 2022').pk}@testserver"
    )
    assert fuzzy["URL"].startswith("http://testserver/planer/skane-test/#insats-1a")
    assert events["Uppföljning: Följs upp 2022-06-01"].start == date(2022, 6, 1)
    assert "Tidplan: Implementerat (vid utgången av år 2025)" in events
    # Undated activities have no day.
    assert not any(summary.startswith("Aktivitet") for summary in events)


def test_a_plans_feed_never_holds_a_revision_in_progress(client, plan_with_tree, strategist):
    milestone = Milestone.objects.get(text="Förslag Q2 2022")
    services.item_update(
        user=strategist, item=milestone, expected_revision=milestone.revision, text="Hemligt"
    )
    content = client.get(feed_url(plan_with_tree["plan"])).content.decode()
    assert "Förslag Q2 2022" in content and "Hemligt" not in content


def test_a_draft_plan_has_no_feed_even_for_readers(client, reader):
    client.force_login(reader)
    assert client.get(feed_url(factories.DraftPlanFactory())).status_code == 404


def test_the_plan_page_offers_the_feed_by_https_and_webcal(client, plan_with_tree):
    content = client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    assert 'href="http://testserver/planer/skane-test/kalender.ics"' in content
    assert 'href="webcal://testserver/planer/skane-test/kalender.ics"' in content
    assert "Så prenumererar du på en kalender i Outlook" in content


def test_a_bodys_feed_holds_the_follow_ups_reported_to_it(client, plan_with_tree, ctb):
    factories.MeetingFactory(body=ctb, date=date(2024, 9, 12))
    calendar = parse_feed(client.get(reverse("governance:body_calendar", args=[ctb.slug])))
    events = events_by_summary(calendar)
    assert "Uppföljning: Följs upp 2022-06-01" in events
    assert any(summary.startswith(ctb.name) for summary in events)  # its meeting


def test_a_plans_feed_costs_the_same_at_one_and_ten_times(client):
    body = factories.BodyFactory()
    small = factories.build_synthetic_plan(sections=2, initiatives=2, items=1, body=body)
    large = factories.build_synthetic_plan(sections=6, initiatives=5, items=4, body=body)
    assert count_queries(client, feed_url(small)) == count_queries(client, feed_url(large))
