"""Watching and the daily digest: the Bevaka button (logged in, POST with CSRF, drafts only
for their readers), the digest's content across kinds read through the apps' own rules,
sent by the real worker through a real SMTP server on loopback, once a day, never empty,
stopped by a signed one-click link; and its queries flat whatever the number of watches."""

import datetime
import email
from email import policy

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.models import BoardReport
from portal.digest import digest_for
from portal.digest_mail import unsubscribe_token, user_from_token
from portal.models import DigestSubscription, Watch
from portal.services import watch_toggle
from tests import factories
from tests.clients import BrowserLikeClient
from tests.worker import run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(reader):
    reader.email, reader.first_name = "anna@example.se", "Anna"
    reader.save()
    return reader


def _watched_world(user, today, n=1):
    """n of each kind, each with something to say: an agreement due for review (one overdue),
    an overdue milestone in a plan, a plan and agreement awaiting a party, a body's meeting
    with a board report on its agenda."""
    for i in range(n):
        party = factories.OrganisationFactory()
        agreement = factories.AgreementFactory(
            title=f"Läkemedelsöverenskommelse {i}",
            review_by=today + datetime.timedelta(days=5 if i else -3),
            parties=[party],
        )
        plan = factories.PlanFactory(title=f"Handlingsplan {i}")
        plan.parties.set([party])
        section = factories.SectionFactory(plan=plan)
        factories.MilestoneFactory(section=section, text=f"Rutin klar {i}", period="Q3 2026")
        body = factories.BodyFactory(name=f"Vårdsamverkan {i}")
        meeting = factories.MeetingFactory(body=body, date=today + datetime.timedelta(days=3))
        item = factories.AgendaItemFactory(meeting=meeting, title=f"Uppföljning {i}")
        report = BoardReport.objects.create(
            organisation=party, title=f"Tjänsteskrivelse {i}", proposed_decision="Att godkänna"
        )
        item.reports.add(report)
        for target, obj in (("agreement", agreement), ("plan", plan), ("body", body)):
            watch_toggle(user=user, target=target, obj=obj)


TODAY = datetime.date(2026, 11, 30)


def test_the_digest_tells_what_concerns_each_kind_watched(anna):
    _watched_world(anna, TODAY)
    digest = digest_for(anna, today=TODAY)
    [review] = digest.reviews
    assert review.title == "Läkemedelsöverenskommelse 0" and review.review_overdue
    [due] = digest.due
    assert due.item.text == "Rutin klar 0" and due.overdue  # core's one overdue rule
    assert {str(shared) for shared in digest.awaiting} >= {"Handlingsplan 0"}
    assert any("Läkemedelsöverenskommelse 0" in str(shared) for shared in digest.awaiting)
    [meeting] = digest.meetings
    [item] = meeting.agenda_items.all()
    assert [report.title for report in item.reports.all()] == ["Tjänsteskrivelse 0"]


def test_what_is_not_watched_or_not_due_is_left_out(anna):
    factories.AgreementFactory(review_by=TODAY)  # not watched
    far = factories.AgreementFactory(review_by=TODAY + datetime.timedelta(days=200))
    watch_toggle(user=anna, target="agreement", obj=far)
    assert digest_for(anna, today=TODAY).empty


def _digest_queries(user) -> int:
    user = type(user).objects.get(pk=user.pk)  # as the worker reads it: no permissions cached
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        digest_for(user, today=TODAY)
    return len(captured)


def test_the_digest_costs_the_same_queries_for_one_watch_of_each_kind_and_ten(anna):
    _watched_world(anna, TODAY, n=1)
    one = _digest_queries(anna)
    other = factories.ReaderFactory()
    _watched_world(other, TODAY, n=10)
    assert len(digest_for(other, today=TODAY).meetings) == 10
    assert _digest_queries(other) == one


# --- sending ----------------------------------------------------------------------------


def _mail(raw: str):
    return email.message_from_bytes(raw.encode(), policy=policy.default)


def test_the_worker_sends_the_digest_once_a_day_in_text_and_html(anna, smtp_server, settings):
    settings.SITE_URL = "https://portal.example.se"
    _watched_world(anna, timezone.localdate())
    quiet = factories.ReaderFactory(email="tyst@example.se")
    watch_toggle(user=quiet, target="body", obj=factories.BodyFactory())  # nothing to say
    call_command("send_digests")
    assert smtp_server.messages == []  # the command only enqueues
    run_worker()
    [raw] = smtp_server.messages
    message = _mail(raw)
    assert message["To"] == "anna@example.se"
    assert "din bevakning" in message["Subject"]
    # The token is signed with the time it was made, so it is read back, not made again here.
    header = message["List-Unsubscribe"].strip()  # may be folded
    assert header.startswith("<https://portal.example.se/bevakning/sluta/")
    unsubscribe = header.removeprefix("<").removesuffix(">")
    assert user_from_token(unsubscribe.rstrip("/").rsplit("/", 1)[1]) == anna
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Hej Anna " in body
        assert "Läkemedelsöverenskommelse 0" in body and "förfallen" in body
        assert "Rutin klar 0" in body
        assert "inväntar beslut" in body
        assert "Vårdsamverkan 0" in body and "Tjänsteskrivelse 0" in body
        assert unsubscribe in body
    assert "https://portal.example.se/planer/" in text
    # A second run the same day sends nothing more.
    call_command("send_digests")
    run_worker()
    assert len(smtp_server.messages) == 1
    assert DigestSubscription.objects.get(user=quiet).last_sent_on == timezone.localdate()


def test_a_failing_smtp_server_is_retried_and_the_day_is_not_lost(anna, settings, smtp_server):
    settings.BACKGROUND_RETRY_SECONDS = 0
    _watched_world(anna, timezone.localdate())
    settings.EMAIL_PORT = 1  # nothing listens there
    call_command("send_digests")
    run_worker()
    assert DigestSubscription.objects.get(user=anna).last_sent_on is None
    settings.EMAIL_PORT = smtp_server.port
    call_command("send_digests")
    run_worker()
    assert len(smtp_server.messages) == 1


def test_the_signed_link_stops_the_digest_without_logging_in(anna, smtp_server):
    _watched_world(anna, timezone.localdate())
    url = reverse("digest_unsubscribe", args=[unsubscribe_token(anna)])
    client = BrowserLikeClient()
    asked = client.get(url)
    assert asked.status_code == 200
    assert "Sluta få sammanfattningen" in asked.content.decode()
    assert DigestSubscription.objects.get(user=anna).active  # a GET changes nothing
    stopped = client.post(url, {"action": "stop"})  # a mail client's one-click POST too
    assert "Du får inte längre" in stopped.content.decode()
    call_command("send_digests")
    run_worker()
    assert smtp_server.messages == []
    client.post(url, {"action": "start"})
    assert DigestSubscription.objects.get(user=anna).active
    tampered = url.replace(unsubscribe_token(anna)[:3], "xyz")
    assert client.get(tampered).status_code == 404
    assert client.post(tampered).status_code == 404


# --- the Bevaka button -------------------------------------------------------------------


@pytest.mark.parametrize("target", ["plan", "agreement", "body"])
def test_a_logged_in_reader_watches_and_stops_watching(client, reader, target):
    obj = {
        "plan": factories.PlanFactory,
        "agreement": factories.AgreementFactory,
        "body": factories.BodyFactory,
    }[target]()
    client.force_login(reader)
    page = client.get(obj.get_absolute_url()).content.decode()
    assert ">Bevaka</button>" in page
    url = reverse("watch", args=[target, obj.pk])
    assert client.post(url).status_code == 302
    assert Watch.objects.filter(user=reader, **{target: obj}).exists()
    assert "Sluta bevaka" in client.get(obj.get_absolute_url()).content.decode()
    fragment = client.post(url, HTTP_HX_REQUEST="true")
    assert ">Bevaka</button>" in fragment.content.decode()
    assert not Watch.objects.filter(user=reader).exists()


def test_watching_needs_a_login_a_post_and_csrf(db):
    plan = factories.PlanFactory()
    url = reverse("watch", args=["plan", plan.pk])
    anonymous = BrowserLikeClient()
    assert ">Bevaka</button>" not in anonymous.get(plan.get_absolute_url()).content.decode()
    response = anonymous.post(url)
    assert response.status_code in (302, 403)
    assert not Watch.objects.exists()
    user = factories.ReaderFactory()
    checked = BrowserLikeClient(enforce_csrf_checks=True)
    checked.force_login(user)
    assert checked.post(url).status_code == 403  # no CSRF token
    assert checked.get(url).status_code == 405
    assert not Watch.objects.exists()


def test_drafts_cannot_be_watched_by_those_who_may_not_read_them(client, db):
    client.force_login(factories.UserFactory())
    draft = factories.DraftPlanFactory()
    assert client.post(reverse("watch", args=["plan", draft.pk])).status_code == 404
    agreement = factories.DraftAgreementFactory()
    assert client.post(reverse("watch", args=["agreement", agreement.pk])).status_code == 404
    assert client.post(reverse("watch", args=["nagot", 1])).status_code == 404
    assert not Watch.objects.exists()
