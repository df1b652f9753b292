"""Follow-up rounds: opened by the plan's owner side, reported into by the editors, closed
and frozen, compared with the previous round, quoted by board reports."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from plans import rounds
from plans.models import FollowUpRound, Milestone, Plan, StateReport
from plans.reports import plan_summary
from plans.services import (
    RoundClosed,
    item_update,
    round_close,
    round_name,
    round_open,
    state_report_record,
)
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 9, 1)


@pytest.fixture
def editors(plan_with_tree, strategist):
    second = factories.StrategistFactory(first_name="Eva", last_name="Andra")
    plan_with_tree["plan"].editors.add(strategist, second)
    return strategist, second


@pytest.fixture
def opened(plan_with_tree, editors, register_admin):
    return open_round(plan_with_tree["plan"], "2022-08-31", "2022-09-15", user=register_admin)


def open_round(plan, reporting_date: str, deadline: str, *, user=None):
    """Open a round of `plan` with its reporting date and deadline (YYYY-MM-DD)."""
    return round_open(
        user=user,
        plan=plan,
        reporting_date=datetime.date.fromisoformat(reporting_date),
        deadline=datetime.date.fromisoformat(deadline),
    )


def milestone(text) -> Milestone:
    return Milestone.objects.get(text=text)


def report(item, state, *, user=None, done_on=None, **kwargs):
    return state_report_record(
        user=user, item=item, state=state, done_on=done_on, today=TODAY, **kwargs
    )


def test_a_round_is_named_by_its_tertial():
    assert round_name(datetime.date(2026, 8, 31)) == "Uppföljning T2 2026"
    assert round_name(datetime.date(2026, 12, 31)) == "Uppföljning T3 2026"
    assert round_name(datetime.date(2026, 1, 5)) == "Uppföljning T1 2026"


def test_opening_asks_the_editors_and_only_one_round_is_open(opened, editors, register_admin):
    assert opened.name == "Uppföljning T2 2022" and opened.number == 1 and opened.is_open
    assert set(opened.reporters.all()) == set(editors)
    with pytest.raises(ValidationError):
        open_round(opened.plan, "2022-12-31", "2023-01-15", user=register_admin)


def test_a_deadline_before_the_reporting_date_is_refused(plan_with_tree):
    with pytest.raises(ValidationError):
        open_round(plan_with_tree["plan"], "2022-08-31", "2022-08-01")


def test_reports_during_a_round_go_into_it(opened, editors):
    first, _ = editors
    saved = report(milestone("Förslag Q2 2022"), "in_progress", user=first)
    assert saved.round == opened
    round_close(user=None, follow_up_round=opened)
    later = report(milestone("Förslag Q2 2022"), "done", done_on=TODAY)
    assert later.round is None


def test_a_closed_round_takes_no_more_reports(opened):
    round_close(user=None, follow_up_round=opened)
    with pytest.raises(RoundClosed):
        report(milestone("Förslag Q2 2022"), "in_progress", round_number=opened.number)
    with pytest.raises(ValidationError):
        round_close(user=None, follow_up_round=opened)


def test_the_round_page_shows_who_has_reported_and_who_has_not(client, opened, editors, reader):
    first, second = editors
    report(milestone("Förslag Q2 2022"), "in_progress", user=first, comment="På gång")
    client.force_login(reader)
    response = client.get(opened.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Vem har rapporterat" in content and "Har inte rapporterat" in content
    page = rounds.round_page(
        FollowUpRound.objects.select_related("plan").get(pk=opened.pk), user=reader
    )
    assert page.reported == 1
    assert [user for user, _ in page.not_reported] == [second]
    group = next(g for g in page.groups if g.initiative and g.initiative.letter == "a")
    assert (group.reported, len(group.items), group.reporters) == (1, 3, [first])
    assert "På gång" in content and "Inte rapporterad" in content


def test_editors_report_from_the_round_page_and_return_to_it(client, opened, editors):
    first, _ = editors
    client.force_login(first)
    item = milestone("Förslag Q2 2022")
    page = client.get(opened.get_absolute_url()).content.decode()
    url = reverse("plans:item_state", args=["skane-test", "tidplan", item.pk])
    assert f"{url}?omgang=1" in page
    form = client.get(f"{url}?omgang=1").content.decode()
    assert 'name="omgang" value="1"' in form
    response = client.post(url, {"state": "done", "done_on": "2022-08-20", "omgang": "1"})
    assert response.status_code == 302
    assert response.url == f"{opened.get_absolute_url()}#lage-milestone-{item.pk}"
    assert StateReport.objects.get().round == opened


def test_a_report_sent_to_a_round_closed_meanwhile_is_refused(client, opened, editors):
    client.force_login(editors[0])
    round_close(user=None, follow_up_round=opened)
    item = milestone("Förslag Q2 2022")
    url = reverse("plans:item_state", args=["skane-test", "tidplan", item.pk])
    response = client.post(url, {"state": "in_progress", "omgang": "1"})
    assert response.status_code == 400
    assert "Uppföljningen är stängd" in response.content.decode()
    assert not StateReport.objects.exists()


def test_a_closed_round_reads_the_same_forever(client, opened, editors):
    first, _ = editors
    report(milestone("Till beslut Q1 2022"), "in_progress", user=first, comment="Dröjer")
    round_close(user=None, follow_up_round=opened)
    before = _main(client.get(opened.get_absolute_url()))
    assert "Till beslut Q1 2022" in before and "Dröjer" in before
    item = milestone("Till beslut Q1 2022")
    item_update(user=first, item=item, expected_revision=item.revision, text="Omskriven")
    report(Milestone.objects.get(pk=item.pk), "done", done_on=TODAY, user=first)
    Plan.objects.get(pk=opened.plan_id).editors.remove(first)
    after = _main(client.get(opened.get_absolute_url()))
    assert after == before


def _main(response) -> str:
    """The page's content (the header's forms carry a CSRF token masked anew each time)."""
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


def test_the_public_reads_a_closed_round_on_the_plan_as_published_not_an_edit_since(
    client, opened, editors, reader
):
    first, _ = editors
    item = milestone("Till beslut Q1 2022")
    item_update(user=first, item=item, expected_revision=item.revision, text="Opublicerad text")
    round_close(user=None, follow_up_round=opened)  # while the revision is unpublished

    public = client.get(opened.get_absolute_url()).content.decode()
    assert "Till beslut Q1 2022" in public and "Opublicerad text" not in public
    client.force_login(reader)
    assert "Opublicerad text" in client.get(opened.get_absolute_url()).content.decode()


def test_a_round_compares_with_the_previous_closed_round(opened, editors, register_admin):
    first, _ = editors
    moves = milestone("Förslag Q2 2022")  # Q2 2022: overdue at the second round's date
    report(moves, "planned", user=first)
    report(milestone("Implementerat"), "in_progress", user=first)
    report(milestone("Till beslut Q1 2022"), "in_progress", user=first)
    round_close(user=None, follow_up_round=opened)
    second = open_round(opened.plan, "2022-12-31", "2023-01-15", user=register_admin)
    report(milestone("Implementerat"), "done", done_on=TODAY, user=first)
    report(milestone("Till beslut Q1 2022"), "struck", user=first)
    round_close(user=None, follow_up_round=second)
    page = rounds.round_page(
        FollowUpRound.objects.select_related("plan").get(pk=second.pk), user=register_admin
    )
    comparison = page.comparison
    assert comparison.previous == FollowUpRound.objects.get(pk=opened.pk)
    assert [e.item.text for e in comparison.forward] == ["Implementerat"]
    assert [e.item.text for e in comparison.struck] == ["Till beslut Q1 2022"]
    assert [e.item.text for e in comparison.back] == []
    # Q2 2022 was already past on 31 August; the follow-up 2022-06-01 too: nothing new.
    assert comparison.newly_overdue == []


def test_an_item_falling_behind_between_rounds_is_newly_overdue(opened, register_admin):
    round_close(user=None, follow_up_round=opened)
    item = milestone("Implementerat")  # vid utgången av 2025
    second = open_round(opened.plan, "2026-01-31", "2026-02-15", user=register_admin)
    page = rounds.round_page(
        FollowUpRound.objects.select_related("plan").get(pk=second.pk), user=register_admin
    )
    assert item.pk in [e.item.pk for e in page.comparison.newly_overdue]


def test_going_back_is_a_slip(opened, editors, register_admin):
    first, _ = editors
    report(milestone("Implementerat"), "done", done_on=TODAY, user=first)
    round_close(user=None, follow_up_round=opened)
    second = open_round(opened.plan, "2022-12-31", "2023-01-15", user=register_admin)
    report(milestone("Implementerat"), "in_progress", user=first)
    page = rounds.round_page(
        FollowUpRound.objects.select_related("plan").get(pk=second.pk), user=register_admin
    )
    assert [e.item.text for e in page.comparison.back] == ["Implementerat"]


# --- who may do what --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "open_status", "closed_status"),
    [
        ("anonymous", 302, 200),
        ("reader", 200, 200),
        ("strategist", 200, 200),
        ("register_admin", 200, 200),
    ],
)
def test_open_rounds_are_for_draft_readers_closed_ones_public(
    client, plan_with_tree, register_admin, request, role, open_status, closed_status
):
    plan = plan_with_tree["plan"]
    first = open_round(plan, "2022-04-30", "2022-05-15")
    round_close(user=None, follow_up_round=first)
    second = open_round(plan, "2022-08-31", "2022-09-15")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    assert client.get(second.get_absolute_url()).status_code == open_status
    assert client.get(first.get_absolute_url()).status_code == closed_status
    listing = client.get(reverse("plans:round_list", args=[plan.slug])).content.decode()
    assert first.get_absolute_url() in listing
    assert (second.get_absolute_url() in listing) is (role != "anonymous")


def test_the_rounds_of_a_draft_plan_are_not_public(client, db):
    draft = factories.DraftPlanFactory(slug="utkast")
    done = open_round(draft, "2022-04-30", "2022-05-15")
    round_close(user=None, follow_up_round=done)
    assert client.get(done.get_absolute_url()).status_code == 302


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("reader", 403), ("editor", 403), ("register_admin", 200)],
)
def test_the_owner_side_opens_and_closes_rounds(
    client, plan_with_tree, editors, request, role, expected
):
    users = {"editor": editors[0]}
    if role != "anonymous":
        client.force_login(users.get(role) or request.getfixturevalue(role))
    url = reverse("plans:round_open", args=["skane-test"])
    assert client.get(url).status_code == expected
    response = client.post(url, {"reporting_date": "2022-08-31", "deadline": "2022-09-15"})
    assert response.status_code == (302 if expected == 200 else expected)


def test_opening_and_closing_through_the_pages(client, plan_with_tree, register_admin):
    client.force_login(register_admin)
    response = client.post(
        reverse("plans:round_open", args=["skane-test"]),
        {"reporting_date": "2022-08-31", "deadline": "2022-09-15", "name": ""},
    )
    opened = FollowUpRound.objects.get()
    assert response.url == opened.get_absolute_url()
    assert "Stäng uppföljningen" in client.get(opened.get_absolute_url()).content.decode()
    close_url = reverse("plans:round_close", args=["skane-test", opened.number])
    assert client.get(close_url).status_code == 200
    assert client.post(close_url).status_code == 302
    opened.refresh_from_db()
    assert not opened.is_open and opened.closed_by == register_admin


def test_a_bad_round_form_answers_400_in_swedish(client, plan_with_tree, register_admin):
    client.force_login(register_admin)
    response = client.post(
        reverse("plans:round_open", args=["skane-test"]),
        {"reporting_date": "2022-08-31", "deadline": "2022-08-01"},
    )
    assert response.status_code == 400
    assert "Sista dag att rapportera kan inte ligga före rapportdatum." in response.content.decode()


# --- board reports -----------------------------------------------------------------------------


def test_a_board_report_quotes_the_latest_closed_round(opened, editors, register_admin):
    first, _ = editors
    report(milestone("Förslag Q2 2022"), "done", done_on=datetime.date(2022, 8, 1), user=first)
    round_close(user=None, follow_up_round=opened)
    # The report speaks as of its date: after the round closed (today).
    fake = SimpleNamespace(
        date=timezone.localdate(), pk=None, subject_type=ContentType.objects.get_for_model(Plan)
    )
    template, data = plan_summary(opened.plan, fake, today=TODAY)
    assert data["round"].round == opened
    html = render_to_string(template, {"data": data})
    assert "Senaste uppföljningen: Uppföljning T2 2022" in html
    assert "1 av 6 punkter rapporterade" in html
    # A report dated before the round closed quotes no round.
    earlier = SimpleNamespace(
        date=datetime.date(2022, 1, 1), pk=None, subject_type=fake.subject_type
    )
    assert plan_summary(opened.plan, earlier, today=TODAY)[1]["round"] is None


# --- query budgets ------------------------------------------------------------------------------


@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
def test_the_round_page_costs_the_same_queries_at_one_and_ten_times_the_size(
    client, db, register_admin, closed
):
    client.force_login(register_admin)
    body = factories.BodyFactory()
    urls = []
    for size in factories.BUDGET_SIZES:
        plan = factories.build_synthetic_plan(body=body, **size)
        plan.editors.add(register_admin, factories.StrategistFactory())
        earlier = open_round(plan, "2022-04-30", "2022-05-15", user=register_admin)
        for item in Milestone.objects.filter(section__plan=plan):
            report(item, "in_progress", user=register_admin)
        round_close(user=None, follow_up_round=earlier)
        current = open_round(plan, "2022-08-31", "2022-09-15", user=register_admin)
        for item in Milestone.objects.filter(section__plan=plan):
            report(item, "done", done_on=TODAY, user=register_admin)
        if closed:
            round_close(user=None, follow_up_round=current)
        urls.append(current.get_absolute_url())
    small, large = (count_queries(client, url) for url in urls)
    assert small == large
    # A closed round is read on the plan as published by its closing: finding that version
    # costs the public three queries more.
    assert large <= (22 if closed else 19)
