"""The open-data API (/api/v1/): every collection and its detail, published content only
(whoever asks), the schema valid OpenAPI, errors as JSON in Swedish."""

import hashlib
import json

import pytest
from django.urls import reverse
from openapi_spec_validator import validate

from governance.models import Membership
from tests.portal.open_data import SECRET, drafts, public_content

pytestmark = pytest.mark.django_db

COLLECTIONS = [
    "organisations",
    "bodies",
    "memberships",
    "agreements",
    "frameworks",
    "plans",
    "decisions",
    "meetings",
    "board-reports",
]


@pytest.fixture
def content(user):
    made = public_content(user=user)
    made["drafts"] = drafts(user=user, body=made["body"])
    return made


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.content[:500])
    assert "json" in response["Content-Type"]
    return response.json()


def test_the_root_lists_the_collections_by_name(client):
    root = get_json(client, "/api/v1/")
    assert list(root) == COLLECTIONS
    assert root["plans"] == "http://testserver/api/v1/plans/"


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_collection_lists_and_shows_its_objects(client, content, collection):
    page = get_json(client, f"/api/v1/{collection}/")
    assert page["count"] >= 1 and page["results"]
    assert {"next", "previous"} <= set(page)
    first = page["results"][0]
    assert first["url"].startswith(f"http://testserver/api/v1/{collection}/")
    assert get_json(client, first["url"]) == first or collection == "plans"


def test_a_plan_has_its_tree_as_the_public_reads_it(client, content):
    plan = content["plan"]
    detail = get_json(client, f"/api/v1/plans/{plan.pk}/")
    assert detail["title"] == plan.title and detail["status"] == "adopted"
    section = detail["sections"][0]
    initiative = section["initiatives"][0]
    assert initiative["status"] == "on_track"
    assert initiative["responsible_bodies"] == [content["body"].pk]
    milestone = initiative["milestones"][0]
    assert milestone["period_text"] == "Q1 2023" and milestone["overdue"] is True
    assert initiative["follow_ups"][0]["period_start"] == "2024-08-01"
    assert len(initiative["activities"]) == 1


def test_a_meeting_has_its_agenda_with_case_numbers_underlag_and_decision(client, content):
    meeting, report = content["meeting"], content["report"]
    detail = get_json(client, f"/api/v1/meetings/{meeting.pk}/")
    (item,) = detail["agenda_items"]
    assert item["case_numbers"] == [f"{meeting.body.short_code} 2024/1"]
    assert item["reports"] == [report.pk]
    assert item["decision"] is not None
    assert detail["html_url"] == f"http://testserver/sammantraden/{meeting.pk}/"


def test_an_issued_report_gives_its_pdf_and_the_sha256_of_exactly_those_bytes(client, content):
    report = content["report"]
    detail = get_json(client, f"/api/v1/board-reports/{report.pk}/")
    assert detail["pdf_sha256"] == report.pdf_sha256
    assert detail["subject"] == {"type": "plan", "id": content["plan"].pk}
    pdf = client.get(detail["pdf_url"])
    body = b"".join(pdf.streaming_content) if pdf.streaming else pdf.content
    assert body.startswith(b"%PDF-")
    assert hashlib.sha256(body).hexdigest() == detail["pdf_sha256"]


def test_memberships_show_a_persons_name_and_title_and_nothing_of_their_account(
    client, content, reader
):
    membership = Membership.objects.select_related("person").first()
    membership.person.user = reader
    membership.person.save()
    detail = get_json(client, f"/api/v1/memberships/{membership.pk}/")
    assert detail["person"] == {
        "id": membership.person.pk,
        "name": membership.person.name,
        "title": "Strateg",
    }
    assert reader.username not in json.dumps(detail)


@pytest.mark.parametrize("role", ["anonymous", "register_admin"])
def test_no_draft_ever_appears_whoever_asks(client, content, role, request):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    for collection in COLLECTIONS:
        page = client.get(f"/api/v1/{collection}/?page_size=200")
        assert SECRET not in page.content.decode(), collection
        for row in page.json()["results"]:
            assert SECRET not in client.get(row["url"]).content.decode(), row["url"]
    hidden = content["drafts"]
    for url in (
        f"/api/v1/agreements/{hidden['agreement'].pk}/",
        f"/api/v1/frameworks/{hidden['framework'].pk}/",
        f"/api/v1/plans/{hidden['plan'].pk}/",
        f"/api/v1/meetings/{hidden['meeting'].pk}/",
        f"/api/v1/board-reports/{hidden['report'].pk}/",
    ):
        assert get_json(client, url, status=404) == {"detail": "Hittades inte."}


def test_public_things_do_not_point_at_drafts(client, content):
    hidden = content["drafts"]
    replaced = get_json(client, f"/api/v1/agreements/{hidden['replaced'].pk}/")
    assert replaced["replaced_by_framework"] is None
    decisions = get_json(client, "/api/v1/decisions/")["results"]
    assert {"type": "agreement", "id": hidden["agreement"].pk} not in [
        subject for decision in decisions for subject in decision["subjects"]
    ]
    reports = [
        report
        for meeting in get_json(client, "/api/v1/meetings/")["results"]
        for item in meeting["agenda_items"]
        for report in item["reports"]
    ]
    assert hidden["report"].pk not in reports


def test_a_plan_under_revision_shows_its_published_version(client, content):
    revised = content["drafts"]["revised"]
    detail = get_json(client, f"/api/v1/plans/{revised.pk}/")
    assert detail["status"] == "under_revision"
    assert detail["public_version"]["kind"] == "published"
    (milestone,) = detail["sections"][0]["milestones"]
    assert SECRET not in milestone["text"]


def test_the_page_filters_work_and_a_bad_value_is_a_swedish_400(client, content):
    agreement = content["agreement"]
    party = agreement.parties.first()
    found = get_json(client, f"/api/v1/agreements/?party={party.pk}&status=in_force")
    assert [row["id"] for row in found["results"]] == [agreement.pk]
    errors = get_json(client, "/api/v1/agreements/?status=nonsense", status=400)
    assert "Välj ett giltigt alternativ" in errors["status"][0]
    meetings = get_json(client, f"/api/v1/meetings/?body={content['meeting'].body_id}")
    assert content["meeting"].pk in [row["id"] for row in meetings["results"]]
    assert get_json(client, "/api/v1/meetings/?year=1066", status=400)["year"]
    number = content["report"].case_number_list()[0]
    decisions = get_json(client, "/api/v1/decisions/", data={"case_number": number.lower()})
    assert decisions["count"] == 0 or decisions["results"]


def test_pages_link_to_the_next_page(client, user):
    public_content(user=user, copies=3)
    first = get_json(client, "/api/v1/organisations/?page_size=2")
    assert first["count"] == 3 and len(first["results"]) == 2
    second = get_json(client, first["next"])
    assert second["next"] is None and len(second["results"]) == 1
    assert get_json(client, "/api/v1/organisations/?page=9", status=404) == {
        "detail": "Sidan finns inte."
    }


def test_errors_are_json_in_swedish(client, content):
    assert get_json(client, "/api/v1/meetings/999999/", status=404) == {"detail": "Hittades inte."}
    assert get_json(client, "/api/v1/nothing-here/", status=404) == {"detail": "Hittades inte."}
    assert get_json(client, "/api/v1/plans/not-a-number/", status=404)
    posted = client.post("/api/v1/agreements/", {"title": "x"})
    assert posted.status_code == 405
    assert posted.json() == {"detail": "API:t går bara att läsa (GET)."}


def test_the_schema_is_valid_openapi_and_names_the_oparl_equivalents(client):
    schema = get_json(client, "/api/v1/schema/?format=json")
    validate(schema)
    assert set(schema["paths"]) >= {f"/api/v1/{name}/" for name in COLLECTIONS}
    meetings = schema["paths"]["/api/v1/meetings/"]["get"]
    assert "OParl: Meeting" in meetings["description"]
    assert {p["name"] for p in meetings["parameters"]} >= {"body", "year", "page"}


def test_the_docs_load_their_scripts_from_our_own_static_files(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "https://" not in html.split("<body>")[1]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<style>" not in html  # the CSP allows no inline style
    script = client.get(f"{reverse('api:docs')}?script=")
    assert script.status_code == 200 and b"SwaggerUIBundle" in script.content
