"""The one body picker (governance.pickers): grouped by organisation, named with it, so
identical names read apart; several chosen with checkboxes; read at a fixed cost."""

import re

import pytest
from django.urls import reverse

from governance.models import Department
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db

HSN = "Hälso- och sjukvårdsnämnden"


@pytest.fixture
def regions():
    made = {}
    for name in ("Region Gotland", "Region Skåne", "Region Kalmar län"):
        region = factories.RegionFactory(name=name)
        factories.BodyFactory(name=HSN, short_code="HSN", organisations=[region])
        Department.objects.create(organisation=region, name=f"Förvaltningen i {name}")
        made[name] = region
    factories.BodyFactory(
        name="Regional samverkansgrupp",
        short_code="RSG",
        organisations=[made["Region Gotland"], made["Region Skåne"]],
    )
    return made


def test_identical_names_are_told_apart_and_grouped_by_organisation(
    client, register_admin, regions
):
    client.force_login(register_admin)
    content = client.get(reverse("governance:meeting_create")).content.decode()
    for region in regions:
        assert f"{HSN} (HSN), {region}</option>" in content
        assert f'<optgroup label="{region}">' in content
    assert '<optgroup label="Gemensamma organ">' in content
    assert "Regional samverkansgrupp (RSG), Region Gotland, Region Skåne" in content


def test_several_are_chosen_with_checkboxes_never_a_multiple_select(
    client, register_admin, regions
):
    client.force_login(register_admin)
    content = client.get(reverse("governance:board_report_create")).content.decode()
    assert not re.search(r"<select[^>]*multiple", content)
    assert content.count('type="checkbox" name="recipients"') == 4
    # Departments under their own organisation: Skåne's are offered with Skåne's name.
    assert "Förvaltningen i Region Skåne" in content


def test_the_picker_costs_the_same_whatever_the_number_of_bodies(client, register_admin):
    client.force_login(register_admin)
    url = reverse("governance:meeting_create")
    factories.BodyFactory()
    few = count_queries(client, url)
    for _ in range(10):
        factories.BodyFactory()
    assert count_queries(client, url) == few


def test_a_reports_own_organisation_comes_first(client, register_admin, regions):
    from governance.services import board_report_create

    report = board_report_create(
        user=None,
        organisation=regions["Region Skåne"],
        date="2024-08-22",
        title="Lägesrapport",
        proposed_decision="Noteras.",
    )
    client.force_login(register_admin)
    content = client.get(reverse("governance:board_report_edit", args=[report.pk])).content.decode()
    skane = content.index("Förvaltningen i Region Skåne")
    assert skane < content.index("Förvaltningen i Region Gotland")
    assert skane < content.index("Förvaltningen i Region Kalmar län")
