"""The one body picker (governance.pickers): grouped by organisation, named with it, so
identical names read apart; several chosen with checkboxes; read at a fixed cost."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import BoardReport, Body, Department, Meeting
from governance.pickers import BodyMultipleChoiceField
from tests import factories
from tests.clients import report_lists
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


# Type-ahead: a search field above each list. Without JavaScript it suggests the names (a
# datalist) and the name typed is chosen when the form is sent; the script narrows instead.


def test_each_list_has_a_labelled_search_field_suggesting_its_names(
    client, register_admin, regions
):
    client.force_login(register_admin)
    content = client.get(reverse("governance:board_report_create")).content.decode()

    assert '<label for="id_recipients_sok">Sök i listan</label>' in content
    assert 'name="recipients_sok" list="id_recipients_forslag"' in content
    assert f'<option value="{HSN} (HSN), Region Skåne"></option>' in content
    assert 'aria-live="polite" data-picker-count>Mottagare: 4 att välja bland.' in content
    assert "data-picker-count>Förvaltningar: 3 att välja bland." in content


def test_a_name_typed_without_javascript_is_chosen(client, register_admin, regions):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:meeting_create"),
        {
            "body": "",
            "body_sok": f"  {HSN.lower()} (hsn),   region skåne ",
            "date": "2024-09-10",
            "start_time": "13:30",
            "place": "Malmö",
            "kind": "ordinary",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get()
    assert list(meeting.body.organisations.all()) == [regions["Region Skåne"]]


def test_a_name_typed_is_added_to_those_checked(client, strategist, regions):
    client.force_login(strategist)
    joint = Body.objects.get(short_code="RSG")
    skane = Body.objects.get(organisations=regions["Region Skåne"], short_code="HSN")
    response = client.post(
        reverse("governance:board_report_create"),
        {
            "organisation": regions["Region Skåne"].pk,
            "recipients": [joint.pk],
            "recipients_sok": f"{HSN} (HSN), Region Skåne",
            "title": "Lägesrapport",
            "proposed_decision": "Noteras.",
        }
        | report_lists(),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(BoardReport.objects.get().recipients.all()) == {joint, skane}


def test_a_name_typed_that_is_no_choice_is_refused_in_swedish_never_dropped(
    client, register_admin, regions
):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:meeting_create"),
        {
            "body": Body.objects.first().pk,
            "body_sok": "HSN",
            "date": "2024-09-10",
            "kind": "ordinary",
        },
    )

    assert response.status_code == 400
    assert "Inget i listan heter ”HSN”." in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_value_that_is_no_key_is_refused_in_swedish(regions):
    # A hand-made post (or a fuzzer) sends an empty or foreign value among the checked ones.
    field = BodyMultipleChoiceField()
    with pytest.raises(ValidationError) as refused:
        field.clean(["", "abc"])
    assert refused.value.messages == [
        "Inget i listan heter ””. Välj ett av förslagen eller kryssa i listan."
    ]


# People: chosen within their organisation first, named so that two of one name read apart.


@pytest.fixture
def namesakes(regions):
    for region in ("Region Gotland", "Region Skåne"):
        hsn = Body.objects.get(short_code="HSN", organisations__name=region)
        factories.MembershipFactory(
            person=factories.PersonFactory(name="Anna Andersson", title="Ordförande"), body=hsn
        )
    return regions


def test_signatories_are_people_grouped_and_named_with_their_organisation(
    client, strategist, namesakes
):
    from governance.services import board_report_create

    report = board_report_create(
        user=None,
        organisation=namesakes["Region Skåne"],
        title="Lägesrapport",
        proposed_decision="Noteras.",
    )
    client.force_login(strategist)
    content = client.get(reverse("governance:board_report_edit", args=[report.pk])).content.decode()

    signatory = content[content.index('id="id_undertecknare-0-person"') :]
    signatory = signatory[: signatory.index("</select>")]
    skane = signatory.index('<optgroup label="Region Skåne">')
    assert skane < signatory.index('<optgroup label="Region Gotland">')
    assert "Anna Andersson, Ordförande, Region Skåne</option>" in signatory
    assert "Anna Andersson, Ordförande, Region Gotland</option>" in signatory
    assert "data-picker-count>Person i registret: 2 att välja bland." in content


def test_the_report_form_costs_the_same_whatever_the_number_of_bodies_and_people(
    client, strategist
):
    def grow(times):
        for _ in range(times):
            region = factories.RegionFactory()
            body = factories.BodyFactory(organisations=[region])
            Department.objects.create(organisation=region, name=f"Förvaltning {region.pk}")
            factories.MembershipFactory(body=body, representing=region)

    client.force_login(strategist)
    url = reverse("governance:board_report_create")
    grow(1)
    count_queries(client, url)  # the first request also reads what is cached for the next
    few = count_queries(client, url)
    grow(9)
    assert count_queries(client, url) == few
