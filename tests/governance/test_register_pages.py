"""The register administrator's pages for principals, bodies, people and memberships: who may
open them, what a save writes (through the services, with a reason in the history), lost
updates (409), and the rules' Swedish messages."""

from datetime import date

import pytest
from django.urls import reverse

from governance.models import Body, Membership, Organisation, Person
from governance.services import (
    body_update,
    membership_update,
    organisation_update,
    person_update,
)
from tests import factories
from tests.clients import assert_only_register_admins, assert_refused_as_stale, edit_form_data
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def gotland():
    region = factories.RegionFactory(name="Region Gotland", slug="region-gotland")
    hsn = factories.BodyFactory(
        name="Hälso- och sjukvårdsnämnden", short_code="HSN", slug="hsn", organisations=[region]
    )
    chair = factories.MembershipFactory(
        body=hsn,
        role=Membership.Role.CHAIR,
        person=factories.PersonFactory(name="Eva Ordförande", title="Regionråd"),
    )
    return {"region": region, "hsn": hsn, "chair": chair}


def pages(gotland):
    hsn, chair = gotland["hsn"], gotland["chair"]
    return [
        reverse("governance:organisation_create"),
        reverse("governance:organisation_edit", args=["region-gotland"]),
        reverse("governance:body_create", args=["region-gotland"]),
        reverse("governance:body_edit", args=[hsn.slug]),
        reverse("governance:membership_add", args=[hsn.slug]),
        reverse("governance:membership_edit", args=[hsn.slug, chair.pk]),
        reverse("governance:membership_end", args=[hsn.slug, chair.pk]),
        reverse("governance:membership_remove", args=[hsn.slug, chair.pk]),
        reverse("governance:person_edit", args=[chair.person.pk]),
        reverse("governance:person_remove", args=[chair.person.pk]),
    ]


def test_every_register_page_asks_the_right_roles(any_role_client, gotland):
    assert_only_register_admins(any_role_client, pages(gotland))
    assert Membership.objects.get() == gotland["chair"]


def test_a_refusal_says_why_in_swedish(client, strategist, gotland):
    client.force_login(strategist)
    response = client.get(reverse("governance:body_edit", args=["hsn"]))
    assert "Du har inte behörighet att ändra i registret över huvudmän" in response.content.decode()


def test_links_to_the_pages_show_only_to_register_admins(any_role_client, gotland):
    hsn, chair = gotland["hsn"], gotland["chair"]
    listing = any_role_client.get(reverse("governance:organisation_list")).content.decode()
    organisation = any_role_client.get(gotland["region"].get_absolute_url()).content.decode()
    body = any_role_client.get(hsn.get_absolute_url()).content.decode()
    allowed = any_role_client.role == "register_admin"
    assert (reverse("governance:organisation_create") in listing) is allowed
    assert (reverse("governance:organisation_edit", args=["region-gotland"]) in organisation) is (
        allowed
    )
    assert (reverse("governance:body_create", args=["region-gotland"]) in organisation) is allowed
    for url in (
        reverse("governance:body_edit", args=["hsn"]),
        reverse("governance:membership_add", args=["hsn"]),
        reverse("governance:membership_end", args=["hsn", chair.pk]),
        reverse("governance:membership_remove", args=["hsn", chair.pk]),
        reverse("governance:person_edit", args=[chair.person.pk]),
    ):
        assert (url in body) is allowed, url
    assert "Eva Ordförande" in body


# --- principals -------------------------------------------------------------------------


def test_a_register_admin_registers_a_principal(client, register_admin):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:organisation_create"),
        {
            "name": "Region Blekinge",
            "slug": "region-blekinge",
            "kind": "region",
            "organisation_number": "2321000081",
        },
    )
    assert response.status_code == 302
    created = Organisation.objects.get(slug="region-blekinge")
    assert response["Location"] == created.get_absolute_url()
    assert created.organisation_number == "232100-0081"
    record = created.history.get()
    assert (record.history_user, record.history_change_reason) == (
        register_admin,
        "Huvudman registrerad",
    )


def test_a_principal_with_a_taken_number_is_refused_without_the_constraint_name(
    client, register_admin, gotland
):
    gotland["region"].organisation_number = "232100-0081"
    gotland["region"].save()
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:organisation_create"),
        {
            "name": "Region Kopia",
            "slug": "region-kopia",
            "kind": "region",
            "organisation_number": "232100-0081",
        },
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Det finns redan en huvudman med det organisationsnumret." in content
    assert "organisation_number_unique_when_set" not in content
    assert not Organisation.objects.filter(slug="region-kopia").exists()


def organisation_data(organisation, **changes):
    fields = ("name", "short_name", "slug", "kind", "organisation_number")
    return edit_form_data(organisation, fields, reason="Kortnamn tillagt") | changes


def test_an_edit_of_a_principal_needs_a_reason_and_records_it(client, register_admin, gotland):
    region = gotland["region"]
    client.force_login(register_admin)
    url = reverse("governance:organisation_edit", args=[region.slug])
    refused = client.post(url, organisation_data(region, short_name="Gotland", reason=""))
    assert refused.status_code == 400
    assert "Anledning till ändringen" in refused.content.decode()

    assert client.post(url, organisation_data(region, short_name="Gotland")).status_code == 302
    region.refresh_from_db()
    assert (region.short_name, region.revision) == ("Gotland", 2)
    history = client.get(reverse("governance:organisation_history", args=[region.slug]))
    assert "Anledning: Kortnamn tillagt" in history.content.decode()
    assert "Revision" not in history.content.decode()


def test_a_stale_edit_of_a_principal_is_refused_with_409_and_keeps_what_was_typed(
    client, register_admin, gotland, user
):
    region = gotland["region"]
    client.force_login(register_admin)
    stale = organisation_data(region, short_name="Mitt kortnamn")
    region.short_name = "Någon annans"
    organisation_update(user=user, organisation=region, reason="Först", expected_revision=1)

    response = client.post(reverse("governance:organisation_edit", args=[region.slug]), stale)

    assert_refused_as_stale(response, typed='value="Mitt kortnamn"', revision=2)
    region.refresh_from_db()
    assert region.short_name == "Någon annans"


# --- bodies ---------------------------------------------------------------------------


def test_a_body_is_registered_within_its_principal(client, register_admin, gotland):
    client.force_login(register_admin)
    url = reverse("governance:body_create", args=["region-gotland"])
    form = client.get(url)
    assert form.context["form"].initial["organisations"] == [gotland["region"].pk]
    response = client.post(
        url,
        {
            "name": "Samverkansgruppen för äldre",
            "short_code": "SGÄ",
            "slug": "sga-gotland",
            "kind": "collaboration_body",
            "organisations": [gotland["region"].pk],
            "reports_to": gotland["hsn"].pk,
        },
    )
    assert response.status_code == 302
    body = Body.objects.get(slug="sga-gotland")
    assert list(body.organisations.all()) == [gotland["region"]]
    assert body.reports_to == gotland["hsn"]
    assert body.history.earliest("history_date").history_change_reason == "Organ registrerat"


def test_a_body_needs_a_principal(client, register_admin, gotland):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:body_create", args=["region-gotland"]),
        {"name": "Gruppen", "slug": "gruppen", "kind": "working_group"},
    )
    assert response.status_code == 400
    assert not Body.objects.filter(slug="gruppen").exists()


def body_data(body, **changes):
    fields = ("name", "short_code", "slug", "kind", "organisations")
    return edit_form_data(body, fields, reason="Ny förkortning") | changes


def test_a_body_reporting_to_itself_through_another_is_refused_in_swedish(
    client, register_admin, gotland
):
    hsn = gotland["hsn"]
    group = factories.BodyFactory(slug="grupp", organisations=[gotland["region"]], reports_to=hsn)
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:body_edit", args=["hsn"]), body_data(hsn, reports_to=group.pk)
    )
    assert response.status_code == 400
    assert "Ett organ kan inte rapportera till sig självt" in response.content.decode()
    hsn.refresh_from_db()
    assert hsn.reports_to is None


def test_a_body_ending_before_it_starts_is_refused_beside_the_end(client, register_admin, gotland):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:body_edit", args=["hsn"]),
        body_data(gotland["hsn"], active_from="2026-01-01", active_until="2025-01-01"),
    )
    assert response.status_code == 400
    assert response.context["form"].errors["active_until"] == [
        "Slutdatum kan inte ligga före startdatum."
    ]


def test_a_stale_edit_of_a_body_is_refused_with_409(client, register_admin, gotland, user):
    hsn = gotland["hsn"]
    client.force_login(register_admin)
    stale = body_data(hsn, short_code="HSNG")
    hsn.name = "Hälso- och sjukvårdsnämnden i Gotland"
    body_update(user=user, body=hsn, reason="Först", expected_revision=1)

    response = client.post(reverse("governance:body_edit", args=["hsn"]), stale)

    assert response.status_code == 409
    assert 'value="HSNG"' in response.content.decode()
    hsn.refresh_from_db()
    assert hsn.short_code == "HSN"


def test_a_body_edit_records_its_reason(client, register_admin, gotland):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:body_edit", args=["hsn"]), body_data(gotland["hsn"], short_code="HN")
    )
    assert response.status_code == 302
    history = client.get(reverse("governance:body_history", args=["hsn"])).content.decode()
    assert "Anledning: Ny förkortning" in history


# --- memberships and people -------------------------------------------------------------


def test_a_membership_of_a_new_person_registers_both(client, register_admin, gotland):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:membership_add", args=["hsn"]),
        {
            "new_person_name": "Karin Ledamot",
            "new_person_title": "Ledamot",
            "role": "member",
            "representing": gotland["region"].pk,
            "valid_from": "2026-01-01",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(person__name="Karin Ledamot")
    assert (membership.body, membership.valid_from) == (gotland["hsn"], date(2026, 1, 1))
    assert membership.person.history.get().history_change_reason == "Person registrerad"
    assert membership.history.get().history_user == register_admin


def test_a_membership_names_one_person_and_only_one(client, register_admin, gotland):
    client.force_login(register_admin)
    url = reverse("governance:membership_add", args=["hsn"])
    person = gotland["chair"].person
    for data in (
        {"role": "member"},
        {"role": "member", "person": person.pk, "new_person_name": "Karin Ledamot"},
    ):
        response = client.post(url, data)
        assert response.status_code == 400
        assert "Välj en person i registret eller fyll i en ny persons namn" in (
            response.content.decode()
        )
    assert Membership.objects.count() == 1 and Person.objects.count() == 1


def test_the_same_role_twice_at_the_same_time_is_refused_in_swedish(
    client, register_admin, gotland
):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:membership_add", args=["hsn"]),
        {"person": gotland["chair"].person.pk, "role": "chair", "valid_from": "2026-01-01"},
    )
    assert response.status_code == 400
    assert "Personen har redan den rollen i organet under samma tid." in (response.content.decode())
    assert Membership.objects.count() == 1


def test_the_people_picker_names_each_persons_principals(client, register_admin, gotland):
    skane = factories.RegionFactory(name="Region Skåne")
    factories.MembershipFactory(
        body=factories.BodyFactory(organisations=[skane]),
        person=factories.PersonFactory(name="Eva Ordförande", title="Regionråd"),
    )
    client.force_login(register_admin)
    content = client.get(reverse("governance:membership_add", args=["hsn"])).content.decode()
    assert "Eva Ordförande, Regionråd, Region Gotland" in content
    assert "Eva Ordförande, Regionråd, Region Skåne" in content
    assert content.index('<optgroup label="Region Gotland">') < content.index(
        '<optgroup label="Region Skåne">'
    )


def test_a_membership_is_ended_with_a_reason(client, register_admin, gotland):
    chair = gotland["chair"]
    client.force_login(register_admin)
    url = reverse("governance:membership_end", args=["hsn", chair.pk])
    assert client.post(url, {"until": "2026-06-30", "revision": 1}).status_code == 400
    response = client.post(url, {"until": "2026-06-30", "reason": "Avgått", "revision": 1})
    assert response.status_code == 302
    chair.refresh_from_db()
    assert (chair.valid_until, chair.revision) == (date(2026, 6, 30), 2)
    history = client.get(reverse("governance:body_history", args=["hsn"])).content.decode()
    assert "Uppdrag: Eva Ordförande, Ordförande" in history
    assert "Anledning: Avgått" in history


def test_an_end_before_the_start_is_refused_in_swedish(client, register_admin, gotland):
    chair = gotland["chair"]
    chair.valid_from = date(2026, 1, 1)
    chair.save()
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:membership_end", args=["hsn", chair.pk]),
        {"until": "2025-06-30", "reason": "Avgått", "revision": 1},
    )
    assert response.status_code == 400
    assert "Slutdatum kan inte ligga före startdatum." in response.content.decode()


def test_a_stale_membership_edit_is_refused_with_409(client, register_admin, gotland, user):
    chair = gotland["chair"]
    client.force_login(register_admin)
    stale = {"role": "vice_chair", "reason": "Ny roll", "revision": 1}
    chair.valid_from = date(2026, 1, 1)
    membership_update(user=user, membership=chair, reason="Först", expected_revision=1)

    response = client.post(reverse("governance:membership_edit", args=["hsn", chair.pk]), stale)

    assert response.status_code == 409
    chair.refresh_from_db()
    assert chair.role == Membership.Role.CHAIR


def test_a_membership_of_another_body_is_not_found_under_this_one(client, register_admin, gotland):
    other = factories.BodyFactory(slug="annat")
    client.force_login(register_admin)
    url = reverse("governance:membership_edit", args=[other.slug, gotland["chair"].pk])
    assert client.get(url).status_code == 404


def test_a_membership_removed_by_mistake_stays_in_the_history(client, register_admin, gotland):
    chair = gotland["chair"]
    client.force_login(register_admin)
    url = reverse("governance:membership_remove", args=["hsn", chair.pk])
    assert client.post(url, {"reason": "", "revision": 1}).status_code == 400
    response = client.post(url, {"reason": "Registrerad av misstag", "revision": 1})
    assert response.status_code == 302
    assert not Membership.objects.exists()
    history = client.get(reverse("governance:body_history", args=["hsn"])).content.decode()
    assert "Uppdrag: Eva Ordförande, Ordförande" in history
    assert "Anledning: Registrerad av misstag" in history


def test_a_person_is_edited_with_a_reason_and_shows_their_memberships(
    client, register_admin, gotland
):
    person = gotland["chair"].person
    client.force_login(register_admin)
    url = reverse("governance:person_edit", args=[person.pk])
    page = client.get(url).content.decode()
    assert "Hälso- och sjukvårdsnämnden</a>, Region Gotland: Ordförande" in page
    response = client.post(
        url,
        {
            "name": person.name,
            "title": "Regionstyrelsens ordförande",
            "revision": 1,
            "reason": "Ny titel",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.title == "Regionstyrelsens ordförande"
    assert person.history.first().history_change_reason == "Ny titel"


def test_a_stale_person_edit_is_refused_with_409(client, register_admin, gotland, user):
    person = gotland["chair"].person
    client.force_login(register_admin)
    stale = {"name": person.name, "title": "Min titel", "revision": 1, "reason": "Ny titel"}
    person.title = "Någon annans titel"
    person_update(user=user, person=person, reason="Först", expected_revision=1)

    response = client.post(reverse("governance:person_edit", args=[person.pk]), stale)

    assert response.status_code == 409
    assert 'value="Min titel"' in response.content.decode()


def test_a_removed_person_takes_their_memberships_along_with_the_reason(
    client, register_admin, gotland
):
    person = gotland["chair"].person
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:person_remove", args=[person.pk]),
        {"reason": "Registrerad två gånger", "revision": 1},
    )
    assert response.status_code == 302
    assert not Person.objects.exists() and not Membership.objects.exists()
    removals = Membership.history.filter(history_type="-")
    assert [record.history_change_reason for record in removals] == ["Registrerad två gånger"]
    history = client.get(reverse("governance:body_history", args=["hsn"])).content.decode()
    assert "Uppdrag: Eva Ordförande, Ordförande" in history


# --- what the pages cost -----------------------------------------------------------------


def test_the_pages_cost_the_same_at_1x_and_10x(client, register_admin, gotland, user):
    client.force_login(register_admin)
    hsn, chair = gotland["hsn"], gotland["chair"]
    urls = [
        reverse("governance:body_create", args=["region-gotland"]),
        reverse("governance:body_edit", args=["hsn"]),
        reverse("governance:membership_add", args=["hsn"]),
        reverse("governance:membership_edit", args=["hsn", chair.pk]),
        reverse("governance:person_edit", args=[chair.person.pk]),
        reverse("governance:body_history", args=["hsn"]),
        hsn.get_absolute_url(),
    ]

    def grow(times):
        for _ in range(times):
            region = factories.RegionFactory()
            body = factories.BodyFactory(organisations=[region, gotland["region"]])
            factories.MembershipFactory(body=body, person=chair.person)
            member = factories.MembershipFactory(body=hsn)
            member.valid_until = date(2026, 6, 30)
            membership_update(user=user, membership=member, reason="Avgått")

    grow(1)
    few = [count_queries(client, url) for url in urls]
    grow(10)
    assert [count_queries(client, url) for url in urls] == few
