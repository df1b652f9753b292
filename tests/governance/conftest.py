"""Board report fixtures shared by the tests of drafting, issuing and the report's lists."""

import pytest
from django.contrib.contenttypes.models import ContentType

from governance.services import board_report_create
from tests import factories


@pytest.fixture
def gotland():
    region, hsn = factories.gotland()
    son = factories.BodyFactory(name="Socialnämnden", short_code="SON", organisations=[region])
    framework = factories.DraftFrameworkFactory(
        title="Gemensamt ramverk för primärvård", slug="gotland-ramverk"
    )
    agreement = factories.AgreementFactory(
        register_id="STY-02292", title="Övergripande överenskommelse"
    )
    agreement.replaced_by_framework = framework
    agreement.save()
    return {"region": region, "hsn": hsn, "son": son, "framework": framework}


@pytest.fixture
def draft(gotland, strategist):
    return board_report_create(
        user=strategist,
        organisation=gotland["region"],
        date="2024-08-22",
        title="Statusuppdatering för arbetet med att ta fram ramverk för primärvård",
        proposed_decision="- Hälso- och sjukvårdsnämnden och socialnämnden har tagit del av informationen.",
        summary="Ramverket är ett steg i en ännu närmare samverkan.",
        case_description="Ramverket är tänkt att ersätta flera av våra nuvarande överenskommelser.",
        assessment="Arbetet med att ta fram ramverket fortsätter.",
        subject_type=ContentType.objects.get_for_model(gotland["framework"]),
        subject_id=gotland["framework"].pk,
        recipients=[gotland["hsn"], gotland["son"]],
        supporting_documents=[
            {"title": "Gemensamt ramverk_utkast", "portal_path": "/ramverk/gotland-ramverk/"}
        ],
        signatories=[
            {
                "name": "Marie Loob",
                "title": "Hälso- och sjukvårdsdirektör",
                "department": "Hälso- och sjukvårdsförvaltningen",
            },
            {
                "name": "Marica Gardell",
                "title": "Socialdirektör",
                "department": "Socialförvaltningen",
            },
        ],
    )
