"""The register administrator's pages for frameworks: who may open them, a reason for every
change, and no lost updates (409)."""

import pytest
from django.urls import reverse

from agreements.models import Framework
from agreements.services import framework_update
from tests import factories
from tests.clients import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    return factories.FrameworkFactory(
        title="Gemensamt ramverk", slug="gemensamt-ramverk", parties=[factories.RegionFactory()]
    )


def data(framework, **changes):
    fields = ("title", "slug", "status", "parties")
    return edit_form_data(framework, fields, reason="Rättad titel") | changes


def test_the_pages_ask_the_right_roles(any_role_client, framework):
    expected = {"anonymous": 302, "reader": 403, "strategist": 403, "register_admin": 200}
    for url in (
        reverse("agreements:framework_create"),
        reverse("agreements:framework_edit", args=[framework.slug]),
    ):
        assert any_role_client.get(url).status_code == expected[any_role_client.role], url
    listing = any_role_client.get(reverse("agreements:framework_list")).content.decode()
    assert (reverse("agreements:framework_create") in listing) is (
        any_role_client.role == "register_admin"
    )


def test_a_register_admin_registers_a_framework_covering_an_agreement(client, register_admin):
    region = factories.RegionFactory()
    covered = factories.AgreementFactory()
    client.force_login(register_admin)
    response = client.post(
        reverse("agreements:framework_create"),
        {
            "title": "Ramverk för primärvård",
            "slug": "ramverk-primarvard",
            "status": "draft",
            "parties": [region.pk],
            "covers": [covered.pk],
        },
    )
    assert response.status_code == 302
    created = Framework.objects.get(slug="ramverk-primarvard")
    assert list(created.covers.all()) == [covered]
    assert created.history.order_by("history_id").first().history_user == register_admin


def test_an_edit_needs_a_reason_and_a_stale_one_is_refused_with_409(
    client, register_admin, framework, user
):
    client.force_login(register_admin)
    url = reverse("agreements:framework_edit", args=[framework.slug])
    assert client.post(url, data(framework, reason="")).status_code == 400
    stale = data(framework, title="Min titel")
    framework.title = "Någon annans titel"
    framework_update(user=user, framework=framework, reason="Först", expected_revision=1)

    response = client.post(url, stale)

    assert response.status_code == 409
    assert 'value="Min titel"' in response.content.decode()
    framework.refresh_from_db()
    assert framework.title == "Någon annans titel"
    assert framework.history.first().history_change_reason == "Först"
