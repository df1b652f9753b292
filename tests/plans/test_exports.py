"""A plan and Bevakning as Excel and CSV: what the reader reads (the public never an edit in
progress), one row per initiative and item, read back; fixed queries at 1x and 10x."""

from datetime import date

import pytest
from django.urls import reverse

from plans import services
from plans.models import Milestone
from tests import factories
from tests.exports import csv_rows, xlsx_rows
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def plan_url(plan, export_format):
    return reverse("plans:plan_export", args=[plan.slug, export_format])


def as_dicts(rows):
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_a_plan_exports_one_row_per_initiative_and_item(client, plan_with_tree):
    response = client.get(plan_url(plan_with_tree["plan"], "xlsx"))
    assert response.status_code == 200
    rows = as_dicts(xlsx_rows(response.content))
    assert [row["Typ"] for row in rows] == [
        "Insats", "Aktivitet", "Tidplan", "Uppföljning", "Insats", "Tidplan",
        "Aktivitet", "Tidplan",
    ]  # fmt: skip
    milestone = rows[2]
    assert milestone["Område"] == "1. Personcentrerat arbetssätt"
    assert milestone["Insats"] == "a) Patientkontrakt och SIP"
    assert milestone["Text"] == "Förslag Q2 2022"
    assert milestone["Tid"] == "Q2 2022"
    assert milestone["Från"].date() == date(2022, 4, 1)
    assert milestone["Till"].date() == date(2022, 6, 30)
    assert milestone["Ansvarig"] == "Central tjänstemannaberedning"
    assert rows[-1]["Insats"] is None  # straight under area 4


def test_the_public_export_is_the_published_version(client, plan_with_tree, strategist, reader):
    milestone = Milestone.objects.get(text="Förslag Q2 2022")
    services.item_update(
        user=strategist, item=milestone, expected_revision=milestone.revision, text="Hemligt"
    )
    texts = [
        row[3] for row in csv_rows(client.get(plan_url(plan_with_tree["plan"], "csv")).content)
    ]
    assert "Förslag Q2 2022" in texts and "Hemligt" not in texts
    client.force_login(reader)
    texts = [
        row[3] for row in csv_rows(client.get(plan_url(plan_with_tree["plan"], "csv")).content)
    ]
    assert "Hemligt" in texts


def test_a_draft_plan_is_not_exported_to_the_public(client):
    plan = factories.DraftPlanFactory()
    response = client.get(plan_url(plan, "xlsx"))
    assert response.status_code == 302  # to the login page, as the plan's page


def test_the_plan_page_links_both_formats(client, plan_with_tree):
    content = client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    assert "Ladda ner som Excel (.xlsx)" in content and "Ladda ner som CSV" in content


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_the_plan_export_costs_the_same_at_one_and_ten_times(client, export_format):
    body = factories.BodyFactory()
    small = factories.build_synthetic_plan(sections=2, initiatives=2, items=1, body=body)
    large = factories.build_synthetic_plan(sections=6, initiatives=5, items=4, body=body)
    assert count_queries(client, plan_url(small, export_format)) == count_queries(
        client, plan_url(large, export_format)
    )


def test_bevakning_exports_what_the_page_lists(client, plan_with_tree, settings):
    url = reverse("plans:due_export", args=["csv"])
    rows = as_dicts(csv_rows(client.get(url, {"months": 12}).content))
    assert {row["Text"] for row in rows} >= {"Förslag Q2 2022", "Till beslut Q1 2022"}
    overdue = next(row for row in rows if row["Text"] == "Till beslut Q1 2022")
    assert overdue["Förfallen"] == "Ja"
    assert overdue["Senast"] == "2022-03-31"
    assert overdue["Webbadress"].startswith("http://testserver/planer/skane-test/#")


def test_bevakning_export_refuses_a_bad_filter_with_400(client, db):
    response = client.get(reverse("plans:due_export", args=["xlsx"]), {"months": "tusen"})
    assert response.status_code == 400
    assert "Filtret innehåller fel" in response.content.decode()


def test_bevakning_export_costs_the_same_at_one_and_ten_times(client, db):
    body = factories.BodyFactory()
    factories.build_synthetic_plan(sections=1, initiatives=1, items=1, body=body)
    url = reverse("plans:due_export", args=["xlsx"]) + "?months=12"
    small = count_queries(client, url)
    factories.build_synthetic_plan(sections=3, initiatives=3, items=3, body=body)
    assert count_queries(client, url) == small
