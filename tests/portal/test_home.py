"""The home page: what is in force and was decided lately for everyone, and each role's work
(a committee member's meetings, a strategist's plans and what is due in them, a register
administrator's reviews), counted as the person may see it, at a fixed cost in queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import Status
from plans.services import round_open
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db

HOME = "/"


def _today():
    return timezone.localdate()


def _days(n):
    return _today() + datetime.timedelta(days=n)


def _page(client, user=None):
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_public_sees_what_is_in_force_and_what_was_decided_lately(client):
    factories.AgreementFactory(register_id="STY-00001", title="Gällande avtal")
    factories.AgreementFactory(
        register_id="STY-00002", title="Ersatt avtal", status=Status.REPLACED
    )
    factories.DraftAgreementFactory(register_id="STY-00003", title="Hemligt utkast")
    factories.DecisionFactory(title="Beslut om hemsjukvård", date=_days(-2))
    factories.DecisionFactory(title="Beslut längre fram", date=_days(5))
    content = _page(client)
    assert "STY-00001 Gällande avtal" in content
    assert "Ersatt avtal" not in content.split("Gäller nu")[1]
    assert "Hemligt utkast" not in content
    assert "Beslut om hemsjukvård" in content
    assert "Beslut längre fram" not in content  # not decided yet
    # The role sections are for those who hold the role.
    assert "Mina planer" not in content
    assert "Översyn som närmar sig" not in content


def test_counts_are_of_what_the_person_may_see(client, reader):
    factories.AgreementFactory()
    factories.DraftAgreementFactory()
    factories.DraftFrameworkFactory()
    anonymous = _page(client)
    assert '<span class="figure">1</span> överenskommelser' in anonymous
    assert '<span class="figure">0</span> ramverk' in anonymous
    readers = _page(client, reader)
    assert '<span class="figure">2</span> överenskommelser' in readers
    assert '<span class="figure">1</span> ramverk' in readers


def test_a_committee_member_sees_the_next_meetings_of_their_bodies(client, reader):
    person = factories.PersonFactory(user=reader)
    hsn = factories.BodyFactory(name="Hälso- och sjukvårdsnämnden")
    factories.MembershipFactory(person=person, body=hsn)
    meeting = factories.MeetingFactory(body=hsn, date=_days(7), place="Visby")
    factories.AgendaItemFactory(meeting=meeting, number=1)
    factories.AgendaItemFactory(meeting=meeting, number=2)
    factories.MeetingFactory(date=_days(8), place="Någon annans möte")
    content = _page(client, reader)
    assert "Mina nästa sammanträden" in content
    assert f"Hälso- och sjukvårdsnämnden {_days(7):%Y-%m-%d}" in content
    assert "2 punkter på föredragningslistan, Visby" in content
    assert "Någon annans möte" not in content
    assert reverse("governance:my_meetings") in content


def test_a_strategist_sees_their_plans_open_rounds_and_what_is_due(client, strategist):
    mine = factories.DraftPlanFactory(title="Min handlingsplan", editors=[strategist])
    factories.DraftPlanFactory(title="Någon annans plan")
    area = factories.SectionFactory(plan=mine, number=1)
    factories.MilestoneFactory(section=area, text="Sent förslag", period="2020")
    factories.MilestoneFactory(section=area, text="Snart klart", period=_days(20).isoformat())
    factories.MilestoneFactory(section=area, text="Långt bort", period="2099")
    round_open(
        user=factories.RegisterAdminFactory(),
        plan=mine,
        reporting_date=_days(-1),
        deadline=_days(10),
        name="Tertial 2",
    )
    content = _page(client, strategist)
    assert "Min handlingsplan" in content
    assert "Någon annans plan" not in content
    assert "Tertial 2" in content and f"rapportera senast {_days(10):%Y-%m-%d}" in content
    assert "Förfallet i mina planer (1)" in content and "Sent förslag" in content
    assert "Förfaller inom 3 månader (1)" in content and "Snart klart" in content
    assert "Långt bort" not in content


def test_a_register_administrator_sees_reviews_coming_due(client, register_admin):
    factories.AgreementFactory(register_id="STY-00010", review_by=_days(-3))
    factories.AgreementFactory(register_id="STY-00011", review_by=_days(30))
    factories.AgreementFactory(register_id="STY-00012", review_by=_days(400))
    content = _page(client, register_admin).split('id="oversyn-rubrik"')[1]
    assert "STY-00010" in content and "STY-00011" in content
    assert "STY-00012" not in content.split("Det här finns i portalen")[0]
    assert "Försenad" in content


def _people():
    reader = factories.ReaderFactory(username="ledamot")
    factories.PersonFactory(user=reader)
    return {
        "anonymous": None,
        "reader": reader,
        "strategist": factories.StrategistFactory(username="strateg"),
        "register_admin": factories.RegisterAdminFactory(username="registrator"),
    }


def _add(people, n):
    """`n` more of everything the home page lists, in each role's part of it."""
    for i in range(n):
        body = factories.BodyFactory()
        factories.MembershipFactory(person=people["reader"].person, body=body)
        meeting = factories.MeetingFactory(body=body, date=_days(3 + i))
        factories.AgendaItemFactory(meeting=meeting, number=1)
        factories.AgreementFactory(review_by=_days(i))
        factories.DecisionFactory(body=body, date=_days(-i - 1))
        plan = factories.DraftPlanFactory(editors=[people["strategist"]])
        area = factories.SectionFactory(plan=plan, number=1)
        factories.MilestoneFactory(section=area, period="2020")
        factories.MilestoneFactory(section=area, period=_days(10 + i).isoformat())
        round_open(
            user=people["register_admin"], plan=plan, reporting_date=_days(-1), deadline=_days(5)
        )


@pytest.mark.parametrize("role", ["anonymous", "reader", "strategist", "register_admin"])
def test_the_home_page_costs_the_same_for_few_and_many(client, role):
    people = _people()
    if people[role] is not None:
        client.force_login(people[role])
    _add(people, 1)
    few = count_queries(client, HOME)
    _add(people, 10)
    assert count_queries(client, HOME) == few
