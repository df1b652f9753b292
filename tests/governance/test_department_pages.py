"""The register administrator's pages for a principal's departments (förvaltningar): who may
open them, what a save writes (through the services, with a reason in the history), lost
updates (409), the rules' Swedish messages, and the admin going through the same services."""

import pytest
from django.urls import reverse

from governance.models import Department
from governance.services import board_report_create, department_create, department_update
from tests import factories
from tests.clients import assert_only_register_admins, assert_refused_as_stale
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def department(organisation, name, *, user=None):
    return department_create(user=user, department=Department(organisation=organisation, name=name))


@pytest.fixture
def gotland(user):
    region = factories.RegionFactory(name="Region Gotland", slug="region-gotland")
    hsf = department(region, "Hälso- och sjukvårdsförvaltningen", user=user)
    return {"region": region, "hsf": hsf}


def pages(gotland):
    args = ["region-gotland", gotland["hsf"].pk]
    return [
        reverse("governance:department_create", args=["region-gotland"]),
        reverse("governance:department_edit", args=args),
        reverse("governance:department_remove", args=args),
    ]


def reported_from(department, user):
    """A draft board report that comes from `department`."""
    return board_report_create(
        user=user,
        organisation=department.organisation,
        title="Statusrapport",
        proposed_decision="Nämnden tar del av informationen.",
        departments=[department],
    )


def test_every_department_page_asks_the_right_roles(any_role_client, gotland):
    assert_only_register_admins(any_role_client, pages(gotland))
    assert list(Department.objects.values_list("name", "revision")) == [
        ("Hälso- och sjukvårdsförvaltningen", 1)
    ]


def test_a_refusal_says_why_in_swedish(client, strategist, gotland):
    client.force_login(strategist)
    response = client.get(pages(gotland)[1])
    assert "Du har inte behörighet att ändra i registret över huvudmän" in response.content.decode()


def test_the_principal_page_lists_its_departments_with_links_for_register_admins(
    any_role_client, gotland
):
    content = any_role_client.get(gotland["region"].get_absolute_url()).content.decode()
    assert "Hälso- och sjukvårdsförvaltningen" in content
    allowed = any_role_client.role == "register_admin"
    assert ("Ny förvaltning" in content) is allowed
    for url in pages(gotland):
        assert (url in content) is allowed, url


def test_a_register_admin_registers_a_department_within_the_principal(
    client, register_admin, gotland
):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:department_create", args=["region-gotland"]),
        {"name": "Socialförvaltningen", "revision": "0"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == gotland["region"].get_absolute_url()
    assert "Förvaltningen är registrerad." in response.content.decode()
    created = Department.objects.get(name="Socialförvaltningen")
    assert created.organisation == gotland["region"]
    record = created.history.get()
    assert (record.history_user, record.history_change_reason) == (
        register_admin,
        "Förvaltning registrerad",
    )


def test_a_name_taken_within_the_principal_is_refused_in_swedish(client, register_admin, gotland):
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:department_create", args=["region-gotland"]),
        {"name": "Hälso- och sjukvårdsförvaltningen"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["__all__"] == [
        "Huvudmannen har redan en förvaltning med det namnet."
    ]
    assert "department_unique_name" not in response.content.decode()


def test_the_same_name_at_another_principal_is_fine(client, register_admin, gotland):
    other = factories.RegionFactory(slug="region-skane")
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:department_create", args=["region-skane"]),
        {"name": "Hälso- och sjukvårdsförvaltningen"},
    )
    assert response.status_code == 302
    assert other.departments.get().name == "Hälso- och sjukvårdsförvaltningen"


def test_an_edit_needs_a_reason_and_records_it(client, register_admin, gotland):
    client.force_login(register_admin)
    url = pages(gotland)[1]
    data = {"name": "Hälso- och sjukvårdsförvaltningen Gotland", "revision": "1"}

    refused = client.post(url, data | {"reason": ""})
    assert refused.status_code == 400
    assert refused.context["form"].errors["reason"] == ["Det här fältet är obligatoriskt."]

    assert client.post(url, data | {"reason": "Nytt namn"}).status_code == 302
    hsf = Department.objects.get()
    assert (hsf.name, hsf.revision) == ("Hälso- och sjukvårdsförvaltningen Gotland", 2)
    history = client.get(reverse("governance:organisation_history", args=["region-gotland"]))
    content = history.content.decode()
    assert "Förvaltning: Hälso- och sjukvårdsförvaltningen Gotland" in content
    assert "Anledning: Nytt namn" in content


def test_a_stale_edit_is_refused_with_409_and_keeps_what_was_typed(
    client, register_admin, gotland, user
):
    hsf = gotland["hsf"]
    client.force_login(register_admin)
    hsf.name = "Någon annans namn"
    department_update(user=user, department=hsf, reason="Först", expected_revision=1)

    response = client.post(
        pages(gotland)[1], {"name": "Mitt namn", "revision": "1", "reason": "Mitt skäl"}
    )

    assert_refused_as_stale(response, typed='value="Mitt namn"', revision=2)
    hsf.refresh_from_db()
    assert hsf.name == "Någon annans namn"


def test_a_department_of_another_principal_is_not_found_under_this_one(
    client, register_admin, gotland
):
    factories.RegionFactory(slug="region-skane")
    client.force_login(register_admin)
    url = reverse("governance:department_edit", args=["region-skane", gotland["hsf"].pk])
    assert client.get(url).status_code == 404


def test_a_department_removed_by_mistake_stays_in_the_history(client, register_admin, gotland):
    client.force_login(register_admin)
    response = client.post(pages(gotland)[2], {"revision": "1", "reason": "Dubblett"})
    assert response.status_code == 302
    assert not Department.objects.exists()
    removal = Department.history.get(history_type="-")
    assert (removal.history_user, removal.history_change_reason) == (register_admin, "Dubblett")
    history = client.get(reverse("governance:organisation_history", args=["region-gotland"]))
    assert "Förvaltning: Hälso- och sjukvårdsförvaltningen" in history.content.decode()


def test_a_department_board_reports_come_from_is_kept_with_a_swedish_reason(
    client, register_admin, gotland, user
):
    report = reported_from(gotland["hsf"], user)
    client.force_login(register_admin)

    response = client.post(pages(gotland)[2], {"revision": "1", "reason": "Dubblett"})

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Förvaltningen kan inte tas bort: 1 tjänsteskrivelse kommer från den."
    ]
    assert list(report.departments.all()) == [gotland["hsf"]]


def test_a_stale_removal_is_refused_with_409(client, register_admin, gotland, user):
    hsf = gotland["hsf"]
    department_update(user=user, department=hsf, reason="Först", expected_revision=1)
    client.force_login(register_admin)
    response = client.post(pages(gotland)[2], {"revision": "1", "reason": "Dubblett"})
    assert response.status_code == 409
    assert Department.objects.get() == hsf


# --- the admin: the same services --------------------------------------------------------


def test_an_admin_edit_needs_a_reason_and_bumps_the_revision(client, superuser, gotland):
    client.force_login(superuser)
    hsf = gotland["hsf"]
    url = reverse("admin:governance_department_change", args=[hsf.pk])
    data = {"organisation": gotland["region"].pk, "name": "HSF"}

    refused = client.post(url, data | {"change_reason": ""})
    assert "Ange varför det ändras." in refused.content.decode()

    assert client.post(url, data | {"change_reason": "Förkortat"}).status_code == 302
    hsf.refresh_from_db()
    assert (hsf.name, hsf.revision) == ("HSF", 2)
    assert hsf.history.first().history_change_reason == "Förkortat"


def test_the_admin_refuses_a_taken_name_in_swedish(client, superuser, gotland):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:governance_department_add"),
        {"organisation": gotland["region"].pk, "name": "Hälso- och sjukvårdsförvaltningen"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Huvudmannen har redan en förvaltning med det namnet." in content
    assert "department_unique_name" not in content


def test_the_admin_keeps_a_department_board_reports_come_from(client, superuser, gotland, user):
    reported_from(gotland["hsf"], user)
    client.force_login(superuser)
    url = reverse("admin:governance_department_delete", args=[gotland["hsf"].pk])

    assert "Statusrapport" in client.get(url).content.decode()
    response = client.post(url, {"post": "yes"})

    assert response.status_code == 200  # the confirmation page again, naming the report
    assert "skyddade" in response.content.decode()
    assert Department.objects.get() == gotland["hsf"]


def test_the_admin_removes_a_free_department_with_a_reason(client, superuser, gotland):
    client.force_login(superuser)
    url = reverse("admin:governance_department_delete", args=[gotland["hsf"].pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    removal = Department.history.get(history_type="-")
    assert (removal.history_user, removal.history_change_reason) == (
        superuser,
        "Borttagen i administrationen",
    )


# --- what the pages cost -----------------------------------------------------------------


def test_the_pages_cost_the_same_at_1x_and_10x(client, register_admin, gotland, user):
    client.force_login(register_admin)
    region = gotland["region"]
    urls = [
        region.get_absolute_url(),
        reverse("governance:organisation_history", args=["region-gotland"]),
        *pages(gotland),
    ]

    def grow(times):
        for _ in range(times):
            added = department(region, f"Förvaltning {Department.objects.count()}", user=user)
            added.name += " (ändrad)"
            department_update(user=user, department=added, reason="Nytt namn")

    grow(1)
    few = [count_queries(client, url) for url in urls]
    grow(10)
    assert [count_queries(client, url) for url in urls] == few
