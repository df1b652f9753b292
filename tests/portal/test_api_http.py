"""The open-data API over HTTP: a fixed number of queries per list whatever the data, conditional
GET (ETag, Last-Modified), CORS for reading only and under /api/ only, and the limit per
address (429 in Swedish)."""

import pytest
from django.utils.http import http_date

from tests.portal.open_data import public_content
from tests.portal.test_api import COLLECTIONS, get_json
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def test_every_list_costs_the_same_queries_at_one_and_ten_times_the_data(client, user):
    public_content(user=user, copies=1)
    small = {name: count_queries(client, f"/api/v1/{name}/") for name in COLLECTIONS}
    public_content(user=user, copies=9)
    large = {name: count_queries(client, f"/api/v1/{name}/") for name in COLLECTIONS}
    assert large == small
    assert get_json(client, "/api/v1/plans/")["count"] == 10


def test_a_plans_tree_costs_the_same_queries_at_one_and_ten_times_the_data(client, user):
    from tests.factories import build_synthetic_plan

    small = build_synthetic_plan(sections=1, initiatives=1, items=1)
    large = build_synthetic_plan(sections=3, initiatives=4, items=3)
    assert count_queries(client, f"/api/v1/plans/{small.pk}/") == count_queries(
        client, f"/api/v1/plans/{large.pk}/"
    )


def test_a_conditional_get_is_answered_304_until_the_data_changes(client, user):
    made = public_content(user=user)
    url = "/api/v1/agreements/"
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    unchanged = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert unchanged.status_code == 304 and unchanged.content == b""
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304

    made["agreement"].title = "Ny titel"
    made["agreement"].save()
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert b"Ny titel" in changed.content
    earlier = http_date(0)
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200


def test_other_sites_may_read_the_api_but_nothing_else(client):
    origin = {"Origin": "https://example.org"}
    api = client.get("/api/v1/organisations/", headers=origin)
    assert api["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in api["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/organisations/",
        headers={**origin, "Access-Control-Request-Method": "POST"},
    )
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in api
    page = client.get("/sok/?q=vard", headers=origin)
    assert "Access-Control-Allow-Origin" not in page


def test_too_many_requests_from_one_address_get_a_swedish_429(client, settings):
    settings.API_RATE = "3/min"
    for _ in range(3):
        assert client.get("/api/v1/").status_code == 200
    refused = client.get("/api/v1/bodies/")
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("För många anrop från din adress.")
    assert int(refused["Retry-After"]) > 0
    # Another address has its own count.
    assert client.get("/api/v1/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_the_address_comes_from_the_proxys_header_not_the_clients(client, settings):
    settings.API_RATE = "1/min"
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client.get("/api/v1/", HTTP_X_REAL_IP="10.0.0.3").status_code == 200
    forged = client.get("/api/v1/", HTTP_X_REAL_IP="10.0.0.3", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert forged.status_code == 429
