"""The register as Excel and CSV: the page's filters, drafts only for their readers, read
back with openpyxl and csv, a fixed number of queries."""

from datetime import date

import pytest
from django.urls import reverse

from governance.services import decision_record
from tests import factories
from tests.exports import csv_rows, xlsx_rows
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def url(export_format):
    return reverse("agreements:register_export", args=[export_format])


@pytest.fixture
def register():
    region, hsn = factories.gotland()
    in_force = factories.AgreementFactory(
        register_id="STY-05564",
        title="Läkarmedverkan",
        parties=[region],
        review_by=date(2025, 12, 31),
    )
    decision_record(user=None, body=hsn, case_number="HSN 2022/652", subjects=[in_force])
    factories.AgreementFactory(register_id="STY-11006", title="=SUMMA(A1)")
    factories.DraftAgreementFactory(register_id="STY-77777", title="Hemligt utkast")
    return {"region": region, "hsn": hsn}


def test_the_public_gets_the_public_rows_as_excel(client, register):
    response = client.get(url("xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = xlsx_rows(response.content)
    assert rows[0][:3] == ["Beteckning", "Version", "Titel"]
    by_id = {row[0]: row for row in rows[1:]}
    assert set(by_id) == {"STY-05564", "STY-11006"}
    first = dict(zip(rows[0], by_id["STY-05564"], strict=True))
    assert first["Parter"] == "Region Gotland"
    assert first["Fastställd av"] == "Hälso- och sjukvårdsnämnden HSN 2022/652"
    assert first["Översyn senast"].date() == date(2025, 12, 31)
    assert first["Webbadress"] == "http://testserver/overenskommelser/STY-05564/"
    assert by_id["STY-11006"][2] == "'=SUMMA(A1)"


def test_readers_of_drafts_get_the_drafts_too(client, register, reader):
    client.force_login(reader)
    rows = csv_rows(client.get(url("csv")).content)
    assert "STY-77777" in {row[0] for row in rows}


def test_the_export_is_filtered_as_the_page(client, register):
    response = client.get(url("csv"), {"adopted_by": register["hsn"].pk})
    assert [row[0] for row in csv_rows(response.content)[1:]] == ["STY-05564"]
    response = client.get(url("csv"), {"sort": "-register_id", "sida": "3"})
    assert [row[0] for row in csv_rows(response.content)[1:]] == ["STY-11006", "STY-05564"]


def test_a_bad_filter_answers_400_in_swedish(client, register):
    response = client.get(url("xlsx"), {"review_before": "igår"})
    assert response.status_code == 400
    assert "Filtret innehåller fel" in response.content.decode()


def test_an_unknown_format_is_not_found(client, register):
    response = client.get("/overenskommelser/forteckning.ods", follow=True)
    assert response.status_code == 404


def test_the_register_page_links_its_exports_with_its_filters(client, register):
    content = client.get(reverse("agreements:agreement_list"), {"status": "in_force"}).content
    assert f'href="{url("xlsx")}?status=in_force"'.encode() in content
    assert b"Excel (.xlsx)" in content and b">CSV<" in content


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_the_export_costs_the_same_for_few_and_many_agreements(client, export_format):
    region = factories.RegionFactory()
    body = factories.BodyFactory(organisations=[region])
    topic = factories.TopicFactory()

    factories.adopted_agreements(3, body=body, parties=[region], topics=[topic])
    few = count_queries(client, url(export_format))
    factories.adopted_agreements(27, body=body, parties=[region], topics=[topic])
    many = count_queries(client, url(export_format))
    assert few == many
