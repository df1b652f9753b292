"""Plan pages: who sees what, bad input, and a fixed number of queries whatever the size."""

import datetime

import pytest
from django.urls import reverse

from plans.services import plan_adopt
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "reader", "strategist", "register_admin"]


def login_as(client, role, request):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


def plan_urls(slug):
    return [
        reverse("plans:plan_detail", args=[slug]),
        reverse("plans:plan_timeline", args=[slug]),
        reverse("plans:plan_history", args=[slug]),
        reverse("plans:plan_as_of", args=[slug]),
        reverse("plans:plan_compare", args=[slug]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_adopted_plans_are_public(client, plan_with_tree, request, role):
    login_as(client, role, request)
    for url in [reverse("plans:plan_list"), reverse("plans:due"), *plan_urls("skane-test")]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("reader", 200), ("strategist", 200), ("register_admin", 200)],
)
def test_draft_plans_need_a_login_with_a_role(client, db, request, role, expected):
    factories.DraftPlanFactory(slug="utkast")
    login_as(client, role, request)
    for url in plan_urls("utkast"):
        assert client.get(url).status_code == expected, url


def test_draft_plans_are_not_listed_for_the_public(client, db):
    factories.DraftPlanFactory(title="Hemlig plan")
    assert "Hemlig plan" not in client.get(reverse("plans:plan_list")).content.decode()


def test_plan_page_shows_the_whole_tree_with_status_and_responsibility(client, plan_with_tree):
    content = client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    for text in [
        "Område 1. Personcentrerat arbetssätt",
        "a) Patientkontrakt och SIP",
        "Förslag Q2 2022",
        "Följs upp 2022-06-01",
        "Återrapporteras till",
        "Central tjänstemannaberedning",
        "Säkerställa genomförande",
        "Ingen status",
        'href="#insats-1a"',
    ]:
        assert text in content, text


def test_overdue_items_say_so_in_words_not_only_colour(client, plan_with_tree):
    content = client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    assert "⚠</span> Förfallen" in content


def test_timeline_has_an_equivalent_table(client, plan_with_tree):
    content = client.get(reverse("plans:plan_timeline", args=["skane-test"])).content.decode()
    assert 'aria-hidden="true"' in content
    assert "Samma tidslinje som tabell" in content
    assert "1 april – 30 juni 2022" in content  # Q2 2022 spelled out


def test_adopted_version_page_links_the_decision(client, plan_with_tree, ctb):
    # Version 1 is the fixture's publication; adopting makes version 2.
    plan_adopt(
        user=None,
        plan=plan_with_tree["plan"],
        body=ctb,
        case_number="CTB 2022/14",
        decision_date=datetime.date(2022, 2, 22),
    )
    content = client.get(reverse("plans:plan_version", args=["skane-test", 2])).content.decode()
    assert "Version 2: Fastställd 2022-02-22" in content and "CTB 2022/14" in content
    body_page = client.get(ctb.get_absolute_url()).content.decode()
    assert reverse("plans:plan_version", args=["skane-test", 2]) in body_page


def test_body_page_shows_what_the_body_is_responsible_for_and_receives(client, plan_with_tree, ctb):
    content = client.get(ctb.get_absolute_url()).content.decode()
    assert "Ansvar i planer" in content
    assert "1a) Patientkontrakt och SIP" in content
    assert "Uppföljningar som återrapporteras hit" in content and "Följs upp 2022-06-01" in content


@pytest.mark.parametrize(
    ("url_name", "params"),
    [
        ("plans:plan_as_of", {"datum": "inte-ett-datum"}),
        ("plans:plan_compare", {"fran": "2022-13-01", "till": "2022-01-01"}),
        ("plans:plan_compare", {"fran": "2023-01-01", "till": "2022-01-01"}),
        ("plans:due", {"months": "7"}),
        ("plans:due", {"body": "finns-inte"}),
    ],
    ids=[
        "as-of-garbage",
        "compare-bad-month",
        "compare-reversed",
        "due-odd-horizon",
        "due-unknown-body",
    ],
)
def test_bad_parameters_answer_400_with_a_swedish_message(client, plan_with_tree, url_name, params):
    kwargs = {} if url_name == "plans:due" else {"args": ["skane-test"]}
    response = client.get(reverse(url_name, **kwargs), params)
    assert response.status_code == 400
    assert "Formuläret innehåller fel" in response.content.decode()


def test_version_that_does_not_exist_is_404(client, plan_with_tree):
    assert client.get(reverse("plans:plan_version", args=["skane-test", 99])).status_code == 404


def test_as_of_a_date_before_the_plan_existed_is_404(client, plan_with_tree):
    response = client.get(reverse("plans:plan_as_of", args=["skane-test"]), {"datum": "1999-01-01"})
    assert response.status_code == 404


def test_compare_from_before_the_plan_existed_shows_everything_added(client, plan_with_tree):
    response = client.get(
        reverse("plans:plan_compare", args=["skane-test"]),
        {"fran": "1999-01-01", "till": "2099-01-01"},
    )
    assert response.status_code == 200
    assert "Tillagt" in response.content.decode()


@pytest.mark.parametrize("url_name", ["plans:plan_detail", "plans:plan_timeline"])
def test_plan_pages_cost_the_same_queries_at_one_and_ten_times_the_size(client, db, url_name):
    body = factories.BodyFactory()
    small = factories.build_synthetic_plan(sections=2, initiatives=2, items=1, body=body)
    large = factories.build_synthetic_plan(
        sections=6, initiatives=5, items=4, body=body
    )  # > 10x the items
    small_count = count_queries(client, reverse(url_name, args=[small.slug]))
    large_count = count_queries(client, reverse(url_name, args=[large.slug]))
    assert small_count == large_count
    assert large_count <= 16


def test_plan_as_of_costs_a_fixed_number_of_queries(client, db):
    body = factories.BodyFactory()
    small = factories.build_synthetic_plan(sections=1, initiatives=1, items=1, body=body)
    large = factories.build_synthetic_plan(sections=4, initiatives=3, items=3, body=body)
    params = "?datum=2099-01-01"
    assert count_queries(
        client, reverse("plans:plan_as_of", args=[small.slug]) + params
    ) == count_queries(client, reverse("plans:plan_as_of", args=[large.slug]) + params)


def test_due_page_costs_a_fixed_number_of_queries(client, db):
    body = factories.BodyFactory()
    factories.build_synthetic_plan(sections=1, initiatives=1, items=1, body=body)
    url = reverse("plans:due") + "?months=12"
    small = count_queries(client, url)
    factories.build_synthetic_plan(sections=3, initiatives=3, items=3, body=body)
    assert count_queries(client, url) == small


def test_skane_plan_page_costs_the_same_as_a_plan_ten_times_its_size(client, db):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    skane = reverse("plans:plan_detail", args=["skane-aktivitets-och-tidplan-2022-2025"])
    large = factories.build_synthetic_plan(
        sections=12, initiatives=10, items=3, body=factories.BodyFactory()
    )  # 1080 items against Skåne's 86
    assert count_queries(client, skane) == count_queries(
        client, reverse("plans:plan_detail", args=[large.slug])
    )
