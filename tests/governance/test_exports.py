"""Meetings and a body's decisions as Excel and CSV: as filtered on the page, drafts only
for their readers, read back; fixed queries at 1x and 10x."""

from datetime import date, time

import pytest
from django.urls import reverse

from governance.models import DecisionSubject
from tests import factories
from tests.exports import csv_rows, xlsx_rows
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def meetings_url(export_format):
    return reverse("governance:meeting_export", args=[export_format])


def as_dicts(rows):
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def meetings():
    hsn = factories.BodyFactory(name="Hälso- och sjukvårdsnämnden", short_code="HSN")
    son = factories.BodyFactory(name="Socialnämnden", short_code="SON")
    held = factories.MeetingFactory(body=hsn, date=date(2024, 9, 12), start_time=time(13, 30))
    factories.AgendaItemFactory(meeting=held)
    factories.MeetingFactory(body=son, date=date(2024, 10, 3), place="=cmd|' /C calc'!A0")
    factories.DraftMeetingFactory(body=hsn, date=date(2024, 11, 7))
    return {"hsn": hsn, "son": son}


def test_the_public_gets_published_meetings_latest_first(client, meetings):
    rows = as_dicts(xlsx_rows(client.get(meetings_url("xlsx")).content))
    assert [row["Organ"] for row in rows] == ["Socialnämnden", "Hälso- och sjukvårdsnämnden"]
    assert rows[1]["Datum"].date() == date(2024, 9, 12)
    assert rows[1]["Tid"] == "13:30" and rows[1]["Punkter"] == 1
    assert rows[0]["Plats"] == "'=cmd|' /C calc'!A0"


def test_readers_get_draft_meetings_too(client, meetings, reader):
    client.force_login(reader)
    rows = as_dicts(csv_rows(client.get(meetings_url("csv")).content))
    assert len(rows) == 3 and rows[0]["Status"] == "Utkast"


def test_the_meetings_export_is_filtered_as_the_page(client, meetings):
    response = client.get(meetings_url("csv"), {"body": meetings["hsn"].pk})
    assert [row[2] for row in csv_rows(response.content)[1:]] == ["Hälso- och sjukvårdsnämnden"]
    response = client.get(meetings_url("csv"), {"year": "2024.5"})
    assert response.status_code == 400


def test_the_meeting_list_links_its_exports(client, meetings):
    content = client.get(reverse("governance:meeting_list")).content.decode()
    assert f'href="{meetings_url("xlsx")}"' in content


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_the_meetings_export_costs_the_same_for_few_and_many(client, db, export_format):
    body = factories.BodyFactory()
    factories.MeetingFactory.create_batch(2, body=body)
    few = count_queries(client, meetings_url(export_format))
    factories.MeetingFactory.create_batch(20, body=body)
    assert count_queries(client, meetings_url(export_format)) == few


def test_a_bodys_decisions_export_names_draft_subjects_only_to_their_readers(client, reader):
    body = factories.BodyFactory(name="Hälso- och sjukvårdsnämnden", short_code="HSN")
    public = factories.AgreementFactory(register_id="STY-05564", title="Läkarmedverkan")
    draft = factories.DraftAgreementFactory(register_id="STY-77777", title="Hemligt utkast")
    for number, subject in [("HSN 2022/652", public), ("HSN 2023/1", draft)]:
        decision = factories.DecisionFactory(body=body, case_numbers=[number])
        DecisionSubject.objects.create(decision=decision, subject=subject)
    url = reverse("governance:body_decisions_export", args=[body.slug, "csv"])
    content = client.get(url).content.decode("utf-8-sig")
    assert "Läkarmedverkan" in content and "Hemligt" not in content and "(utkast)" in content
    client.force_login(reader)
    assert "Hemligt utkast" in client.get(url).content.decode("utf-8-sig")
    rows = as_dicts(xlsx_rows(client.get(url.replace(".csv", ".xlsx")).content))
    assert {row["Ärendenummer"] for row in rows} == {"HSN 2022/652", "HSN 2023/1"}


def test_the_decisions_export_costs_the_same_for_few_and_many(client, db):
    body = factories.BodyFactory()
    url = reverse("governance:body_decisions_export", args=[body.slug, "xlsx"])

    def make(count):
        for _ in range(count):
            decision = factories.DecisionFactory(body=body)
            DecisionSubject.objects.create(decision=decision, subject=factories.AgreementFactory())

    make(2)
    few = count_queries(client, url)
    make(20)
    assert count_queries(client, url) == few
