"""The admin (superusers only) writes agreements through the register's services: the same
rules, the acting user and a reason in the history, and Swedish messages (never a
constraint's name)."""

import pytest

from agreements.models import Agreement, Status
from tests import factories

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/agreements/agreement/add/"
REPLACED_BY_BOTH = (
    "En överenskommelse ersätts antingen av en överenskommelse eller av ett ramverk, inte båda."
)


def change_url(agreement):
    return f"/admin/agreements/agreement/{agreement.pk}/change/"


def form_data(response) -> dict:
    """What the admin's change or add form would send back unchanged, inlines included."""
    data = {}

    def put(form):
        for name in form.fields:
            value = form[name].value()
            if isinstance(value, list | tuple):
                data[form.add_prefix(name)] = [str(item) for item in value]
            elif value is not None:
                data[form.add_prefix(name)] = str(value)

    put(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for form in formset.forms:
            put(form)
    return data


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def agreement():
    return factories.AgreementFactory(register_id="STY-00100", parties=[factories.RegionFactory()])


def post_change(client, agreement, **changes):
    data = form_data(client.get(change_url(agreement)))
    data.update({"change_reason": "Rättning efter granskning"} | changes)
    return client.post(change_url(agreement), data)


def form_errors(response) -> dict:
    return response.context["adminform"].form.errors


def latest_record(agreement):
    return agreement.history.order_by("-history_id").first()


def test_choosing_an_adopted_successor_sets_status_replaced(admin_client, agreement, superuser):
    newer = factories.AgreementFactory(register_id="STY-00200", title="Ny överenskommelse")

    response = post_change(admin_client, agreement, replaced_by_agreement=newer.pk)

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Status.REPLACED
    assert agreement.replaced_by == newer
    record = latest_record(agreement)
    assert record.history_user == superuser
    assert record.history_change_reason == (
        "Ersatt av STY-00200 Ny överenskommelse. Rättning efter granskning"
    )
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Status ändrad till Ersatt: STY-00200 Ny överenskommelse ersätter överenskommelsen." in (
        messages
    )


def test_choosing_a_draft_framework_records_the_intent_and_keeps_the_status(
    admin_client, agreement
):
    framework = factories.DraftFrameworkFactory(title="Gemensam plan för primärvård")

    response = post_change(admin_client, agreement, replaced_by_framework=framework.pk)

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Status.IN_FORCE
    assert agreement.replaced_by == framework
    assert latest_record(agreement).history_change_reason == (
        "Ska ersättas av Gemensam plan för primärvård. Rättning efter granskning"
    )


def test_choosing_both_an_agreement_and_a_framework_is_refused_in_swedish(admin_client, agreement):
    newer, framework = factories.AgreementFactory(), factories.FrameworkFactory()

    response = post_change(
        admin_client,
        agreement,
        replaced_by_agreement=newer.pk,
        replaced_by_framework=framework.pk,
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert REPLACED_BY_BOTH in content
    assert "agreement_replaced_by_one_thing" not in content
    agreement.refresh_from_db()
    assert agreement.replaced_by is None
    assert agreement.status == Status.IN_FORCE


def test_status_replaced_by_a_draft_is_refused_on_the_status_field(admin_client, agreement):
    framework = factories.DraftFrameworkFactory()

    response = post_change(
        admin_client, agreement, replaced_by_framework=framework.pk, status=Status.REPLACED
    )

    assert response.status_code == 200
    assert "Behåll överenskommelsens status" in form_errors(response)["status"][0]
    agreement.refresh_from_db()
    assert agreement.replaced_by is None


def test_a_validity_period_ending_before_it_starts_is_refused_beside_its_field(
    admin_client, agreement
):
    response = post_change(
        admin_client, agreement, valid_from="2024-01-01", valid_until="2023-12-31"
    )

    assert response.status_code == 200
    assert form_errors(response)["valid_until"] == ["Slutdatum kan inte ligga före startdatum."]
    assert "__all__" not in form_errors(response)
    assert "agreement_validity_ordered" not in response.content.decode()


def test_an_edit_records_the_acting_user_and_a_reason(admin_client, agreement, superuser):
    response = post_change(admin_client, agreement, title="Läkarmedverkan i hemsjukvården")

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "Läkarmedverkan i hemsjukvården"
    record = latest_record(agreement)
    assert record.history_user == superuser
    assert record.history_change_reason == "Rättning efter granskning"


def test_an_edit_without_a_reason_is_refused_in_swedish(admin_client, agreement):
    response = post_change(admin_client, agreement, title="Ny titel", change_reason="")

    assert response.status_code == 200
    assert form_errors(response)["change_reason"] == ["Ange varför överenskommelsen ändras."]
    agreement.refresh_from_db()
    assert agreement.title != "Ny titel"


def test_an_agreement_added_in_the_admin_is_registered_with_its_parties(admin_client, superuser):
    region = factories.RegionFactory()
    data = form_data(admin_client.get(ADD_URL))
    data.update(register_id="STY-02292", title="Ramavtal om läkarmedverkan", parties=[region.pk])

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302
    agreement = Agreement.objects.get(register_id="STY-02292")
    assert list(agreement.parties.all()) == [region]
    created = agreement.history.get(history_type="+")
    assert created.history_user == superuser
    assert created.history_change_reason == "Överenskommelse registrerad"


def test_an_agreement_added_as_replaced_by_an_adopted_one_is_replaced(admin_client):
    newer = factories.AgreementFactory(register_id="STY-00200")
    data = form_data(admin_client.get(ADD_URL))
    data.update(
        register_id="STY-00050",
        title="Äldre överenskommelse",
        parties=[factories.RegionFactory().pk],
        status=Status.IN_FORCE,
        replaced_by_agreement=newer.pk,
    )

    assert admin_client.post(ADD_URL, data).status_code == 302

    older = Agreement.objects.get(register_id="STY-00050")
    assert older.status == Status.REPLACED
    assert older.replaced_by == newer


def test_a_duplicate_register_id_in_the_admin_gets_the_swedish_message(admin_client, agreement):
    data = form_data(admin_client.get(ADD_URL))
    data.update(
        register_id=agreement.register_id,
        title="En annan",
        parties=[agreement.parties.get().pk],
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert form_errors(response)["register_id"] == [
        "Det finns redan en överenskommelse med den beteckningen."
    ]
