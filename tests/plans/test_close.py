"""Closing a plan: those who may adopt plans close them; a closed plan is read, never edited."""

import pytest
from django.urls import reverse

from plans.models import Milestone, Plan

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"plans:{name}", args=args)


@pytest.fixture
def plan(plan_with_tree):
    return plan_with_tree["plan"]


def test_closing_asks_first_then_closes_with_a_swedish_message(client, plan, register_admin):
    client.force_login(register_admin)
    page = client.get(url("plan_close", plan.slug))
    assert page.status_code == 200
    assert "Avsluta planen?" in page.content.decode()
    plan.refresh_from_db()
    assert plan.status != Plan.Status.CLOSED  # asking changes nothing

    response = client.post(url("plan_close", plan.slug), follow=True)
    assert response.redirect_chain[-1][0] == plan.get_absolute_url()
    assert "Planen är avslutad." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.CLOSED
    assert plan.history.first().history_user == register_admin


@pytest.mark.parametrize("role", ["reader", "strategist"])
def test_only_those_who_may_adopt_plans_may_close_them(client, plan, request, role):
    user = request.getfixturevalue(role)
    plan.editors.add(user)  # even the plan's own editor, when a strategist
    client.force_login(user)
    assert client.get(url("plan_close", plan.slug)).status_code == 403
    assert client.post(url("plan_close", plan.slug)).status_code == 403
    plan.refresh_from_db()
    assert plan.status != Plan.Status.CLOSED


def test_anonymous_visitors_are_asked_to_log_in(client, plan):
    response = client.post(url("plan_close", plan.slug))
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    plan.refresh_from_db()
    assert plan.status != Plan.Status.CLOSED


def test_the_plan_page_offers_closing_to_those_who_may(client, plan, register_admin, strategist):
    close = url("plan_close", plan.slug)
    client.force_login(register_admin)
    assert close in client.get(plan.get_absolute_url()).content.decode()
    plan.editors.add(strategist)
    client.force_login(strategist)
    assert close not in client.get(plan.get_absolute_url()).content.decode()


def test_a_closed_plan_can_no_longer_be_edited_through_the_views(
    client, plan, plan_with_tree, register_admin
):
    client.force_login(register_admin)
    client.post(url("plan_close", plan.slug))
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    edit = url("item_edit", plan.slug, "tidplan", milestone.pk)
    assert client.get(url("plan_edit", plan.slug)).status_code == 403
    assert client.get(edit).status_code == 403
    response = client.post(edit, {"text": "Ändrad", "revision": milestone.revision})
    assert response.status_code == 403
    assert "Planen är avslutad" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.text == "Till beslut Q1 2022"
    assert client.post(url("plan_close", plan.slug)).status_code == 403  # closed once
    page = client.get(plan.get_absolute_url())
    assert page.status_code == 200 and "Ändra planens uppgifter" not in page.content.decode()
