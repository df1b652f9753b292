"""The review dates of agreements in force as a calendar feed: public only, read back."""

from datetime import date

import pytest
from django.urls import reverse

from agreements.models import Status
from tests import factories
from tests.calendar_check import events_by_summary, parse_feed
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db
URL = "agreements:review_calendar"


def test_review_dates_of_agreements_in_force_only(client, reader):
    agreement = factories.AgreementFactory(
        register_id="STY-05564", title="Läkarmedverkan", review_by=date(2025, 12, 31)
    )
    factories.DraftAgreementFactory(register_id="STY-77777", review_by=date(2025, 6, 1))
    factories.AgreementFactory(status=Status.EXPIRED, review_by=date(2025, 6, 1))
    client.force_login(reader)  # a reader's fetch is still the public feed
    events = events_by_summary(parse_feed(client.get(reverse(URL))))
    assert list(events) == ["Översyn senast: STY-05564 Läkarmedverkan"]
    (event,) = events.values()
    assert event.start == date(2025, 12, 31)
    assert event["UID"] == f"agreement-review-{agreement.pk}@testserver"


def test_the_register_page_offers_the_feed(client, db):
    content = client.get(reverse("agreements:agreement_list")).content.decode()
    assert 'href="webcal://testserver/overenskommelser/oversyn.ics"' in content


def test_the_review_feed_costs_the_same_for_few_and_many(client, db):
    factories.AgreementFactory.create_batch(2, review_by=date(2025, 1, 1))
    few = count_queries(client, reverse(URL))
    factories.AgreementFactory.create_batch(20, review_by=date(2025, 1, 1))
    assert count_queries(client, reverse(URL)) == few
