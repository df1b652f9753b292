"""Hostile and random input to every edit form: never a 500, never a partial write."""

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plans.models import Milestone

pytestmark = pytest.mark.django_db

hostile_text = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "x" * 70_000,
            "Q5 2022",
            "2022-02-30",
            "-1",
            "99999999999999999999",
            "ÅÄÖ åäö – — “”",
            "../../etc/passwd",
        ]
    ),
)

FORM_FIELDS = [
    "title", "kind", "period_text", "document_date", "owner_body", "framework", "parties", "preamble",
    "number", "introduction", "responsible_bodies", "responsibility_text", "letter", "description",
    "text", "note", "reported_to", "status", "date", "comment", "revision", "body", "case_number",
    "decision_date", "direction", "history_id",
]  # fmt: skip


def snapshot():
    """The rows in every table of the plans app, its history tables among them."""
    return {model: model.objects.count() for model in apps.get_app_config("plans").get_models()}


def endpoints(data):
    plan = data["plan"].slug
    section, initiative = data["area4"], data["sip"]
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    return [
        reverse("plans:plan_create"),
        reverse("plans:plan_edit", args=[plan]),
        reverse("plans:plan_adopt", args=[plan]),
        reverse("plans:item_add", args=[plan, "omrade"]),
        reverse("plans:item_add", args=[plan, "insats"]) + f"?omrade={section.pk}",
        reverse("plans:item_add", args=[plan, "aktivitet"]) + f"?omrade={section.pk}",
        reverse("plans:item_add", args=[plan, "uppfoljning"])
        + f"?omrade={section.pk}&insats={initiative.pk}",
        reverse("plans:item_edit", args=[plan, "omrade", section.pk]),
        reverse("plans:item_edit", args=[plan, "insats", initiative.pk]),
        reverse("plans:item_edit", args=[plan, "tidplan", milestone.pk]),
        reverse("plans:item_delete", args=[plan, "tidplan", milestone.pk]),
        reverse("plans:item_move", args=[plan, "omrade", section.pk]),
        reverse("plans:item_restore", args=[plan, "omrade"]),
        reverse("plans:status_update", args=[plan, initiative.pk]),
    ]


@pytest.fixture
def admin_client(client, register_admin):
    client.force_login(register_admin)
    return client


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    index=st.integers(min_value=0, max_value=13),
    payload=st.dictionaries(keys=st.sampled_from(FORM_FIELDS), values=hostile_text, max_size=8),
)
def test_random_posts_never_fail_and_refusals_write_nothing(
    admin_client, plan_with_tree, index, payload
):
    path = endpoints(plan_with_tree)[index]
    savepoint = transaction.savepoint()
    try:
        before = snapshot()
        response = admin_client.post(path, payload)
        assert response.status_code < 500, (path, payload)
        if response.status_code >= 400:
            assert snapshot() == before, (path, payload, response.status_code)
    finally:
        transaction.savepoint_rollback(savepoint)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.dictionaries(
        keys=st.sampled_from(
            ["datum", "fran", "till", "months", "body", "organisation", "period_text", "sida"]
        ),
        values=hostile_text,
        max_size=4,
    )
)
def test_random_query_strings_on_plan_pages_never_fail(client, plan_with_tree, query):
    slug = plan_with_tree["plan"].slug
    for path in (
        reverse("plans:plan_as_of", args=[slug]),
        reverse("plans:plan_compare", args=[slug]),
        reverse("plans:due"),
        reverse("plans:period_preview"),
        reverse("agreements:agreement_list"),
    ):
        assert client.get(path, query).status_code < 500, (path, query)
