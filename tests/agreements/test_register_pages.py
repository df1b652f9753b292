"""The register administrator's pages for agreements: who may open them, what a save writes
(through the services, with a reason in the history), lost updates (409) and the rules'
Swedish messages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import Agreement, Status
from agreements.services import adoption_add, agreement_update, attachment_add
from core.revisions import EditConflict
from tests import factories
from tests.clients import assert_refused_as_stale, edit_form_data
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def gotland():
    region, hsn = factories.gotland()
    return {"region": region, "hsn": hsn}


@pytest.fixture
def agreement(gotland):
    return factories.AgreementFactory(
        register_id="STY-00100", title="Läkarmedverkan", parties=[gotland["region"]]
    )


def edit_data(agreement, **changes):
    fields = ("register_id", "version_label", "title", "kind", "status", "parties")
    return edit_form_data(agreement, fields, reason="Rättad titel") | changes


def pages(agreement):
    register_id = agreement.register_id
    link = agreement.decisions.first()
    urls = [
        reverse("agreements:agreement_create"),
        reverse("agreements:agreement_edit", args=[register_id]),
        reverse("agreements:agreement_replace", args=[register_id]),
        reverse("agreements:adoption_add", args=[register_id]),
    ]
    if link:
        urls.append(reverse("agreements:adoption_remove", args=[register_id, link.pk]))
    return urls


def test_every_register_page_asks_the_right_roles(any_role_client, agreement, gotland, user):
    adoption_add(user=user, agreement=agreement, body=gotland["hsn"], case_number="HSN 2026/77")
    expected = {"anonymous": 302, "reader": 403, "strategist": 403, "register_admin": 200}
    for url in pages(agreement):
        response = any_role_client.get(url)
        assert response.status_code == expected[any_role_client.role], url
        if any_role_client.role == "anonymous":
            assert "/logga-in/" in response["Location"] or "login" in response["Location"]
        posted = any_role_client.post(url, {})
        assert posted.status_code == {**expected, "register_admin": 400}[any_role_client.role]


def test_links_to_the_pages_show_only_to_register_admins(any_role_client, agreement):
    listing = any_role_client.get(reverse("agreements:agreement_list")).content.decode()
    detail = any_role_client.get(agreement.get_absolute_url()).content.decode()
    allowed = any_role_client.role == "register_admin"
    assert (reverse("agreements:agreement_create") in listing) is allowed
    assert (reverse("agreements:agreement_edit", args=[agreement.register_id]) in detail) is allowed


def test_a_register_admin_registers_an_agreement_with_parties_and_topics(
    client, register_admin, gotland
):
    topic = factories.TopicFactory(name="Läkemedel")
    client.force_login(register_admin)
    response = client.post(
        reverse("agreements:agreement_create"),
        {
            "register_id": "STY-09000",
            "title": "Ny överenskommelse om hemsjukvård",
            "kind": "agreement",
            "status": "draft",
            "parties": [gotland["region"].pk],
            "topics": [topic.pk],
            "responsible_body": gotland["hsn"].pk,
            "valid_from": "2026-01-01",
            "review_by": "2027-06-30",
        },
    )
    assert response.status_code == 302
    created = Agreement.objects.get(register_id="STY-09000")
    assert list(created.parties.all()) == [gotland["region"]]
    assert list(created.topics.all()) == [topic]
    record = created.history.order_by("history_id").first()
    assert record.history_user == register_admin
    assert record.history_change_reason == "Överenskommelse registrerad"


def test_an_edit_needs_a_reason_and_records_it(client, register_admin, agreement):
    client.force_login(register_admin)
    url = reverse("agreements:agreement_edit", args=[agreement.register_id])
    refused = client.post(url, edit_data(agreement, title="Ny titel", reason=""))
    assert refused.status_code == 400
    assert "Anledning till ändringen" in refused.content.decode()

    response = client.post(url, edit_data(agreement, title="Ny titel"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "Ny titel" and agreement.revision == 2
    assert agreement.history.first().history_change_reason == "Rättad titel"


def test_a_stale_edit_is_refused_with_409_and_keeps_what_was_typed(
    client, register_admin, agreement, user
):
    client.force_login(register_admin)
    stale = edit_data(agreement, title="Min titel")
    agreement.title = "Någon annans titel"
    agreement_update(user=user, agreement=agreement, reason="Först", expected_revision=1)

    response = client.post(
        reverse("agreements:agreement_edit", args=[agreement.register_id]), stale
    )

    assert_refused_as_stale(response, typed='value="Min titel"', revision=2)
    agreement.refresh_from_db()
    assert agreement.title == "Någon annans titel"


def test_a_review_date_outside_the_validity_is_refused_in_swedish(
    client, register_admin, agreement
):
    client.force_login(register_admin)
    response = client.post(
        reverse("agreements:agreement_edit", args=[agreement.register_id]),
        edit_data(
            agreement, valid_from="2026-01-01", valid_until="2027-12-31", review_by="2028-06-30"
        ),
    )
    assert response.status_code == 400
    assert "Översynen kan inte ligga efter giltighetens slut." in response.content.decode()


def test_replaced_is_not_a_status_to_pick_without_a_successor(client, register_admin, agreement):
    client.force_login(register_admin)
    response = client.post(
        reverse("agreements:agreement_edit", args=[agreement.register_id]),
        edit_data(agreement, status=Status.REPLACED),
    )
    assert response.status_code == 400
    agreement.refresh_from_db()
    assert agreement.status == Status.IN_FORCE


def test_replacing_shows_on_both_agreements_and_in_both_histories(
    client, register_admin, agreement
):
    newer = factories.AgreementFactory(register_id="STY-00200", title="Läkarmedverkan 2.0")
    client.force_login(register_admin)
    response = client.post(
        reverse("agreements:agreement_replace", args=[agreement.register_id]),
        {"replaced_by_agreement": newer.pk, "revision": 1, "reason": "Ny version"},
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Status.REPLACED
    assert "Ersätter" in client.get(newer.get_absolute_url()).content.decode()
    older_history = client.get(reverse("agreements:agreement_history", args=["STY-00100"]))
    newer_history = client.get(reverse("agreements:agreement_history", args=["STY-00200"]))
    assert "Ersatt av STY-00200" in older_history.content.decode()
    assert "Ersätter STY-00100" in newer_history.content.decode()


def test_replacing_by_both_or_neither_is_refused_in_swedish(client, register_admin, agreement):
    client.force_login(register_admin)
    framework = factories.FrameworkFactory()
    newer = factories.AgreementFactory()
    url = reverse("agreements:agreement_replace", args=[agreement.register_id])
    for data in ({}, {"replaced_by_agreement": newer.pk, "replaced_by_framework": framework.pk}):
        response = client.post(url, data | {"revision": 1})
        assert response.status_code == 400
        content = response.content.decode()
        assert "Välj antingen en överenskommelse eller ett ramverk" in content
        assert "agreement_replaced_by_one_thing" not in content


def test_an_adoption_under_another_bodys_case_number_is_refused(
    client, register_admin, agreement, gotland
):
    son = factories.BodyFactory(name="Socialnämnden", short_code="SON")
    client.force_login(register_admin)
    response = client.post(
        reverse("agreements:adoption_add", args=[agreement.register_id]),
        {"body": son.pk, "case_number": "HSN 2026/77"},
    )
    assert response.status_code == 400
    assert "Ärendenumret ska börja med organets förkortning SON." in response.content.decode()
    assert not agreement.decisions.exists()


def test_an_adoption_dated_in_the_future_is_refused(client, register_admin, agreement, gotland):
    client.force_login(register_admin)
    response = client.post(
        reverse("agreements:adoption_add", args=[agreement.register_id]),
        {"body": gotland["hsn"].pk, "case_number": "HSN 2026/77", "date": "2999-01-01"},
    )
    assert response.status_code == 400
    assert "Beslutsdatumet kan inte ligga i framtiden." in response.content.decode()


def test_the_history_holds_adoptions_and_attachments_and_their_removal(
    client, register_admin, agreement, gotland, media
):
    client.force_login(register_admin)
    response = client.post(
        reverse("agreements:adoption_add", args=[agreement.register_id]),
        {"body": gotland["hsn"].pk, "case_number": "hsn 2026/77", "date": "2026-01-15"},
    )
    assert response.status_code == 302
    link = agreement.decisions.get()
    assert str(link.decision) == "HSN: HSN 2026/77"
    attachment_add(
        user=register_admin,
        agreement=agreement,
        uploaded_file=SimpleUploadedFile("avtal.pdf", PDF_BYTES),
        title="Avtalet",
    )
    remove = reverse("agreements:adoption_remove", args=[agreement.register_id, link.pk])
    assert client.post(remove, {"reason": ""}).status_code == 400
    assert client.post(remove, {"reason": "Fel överenskommelse"}).status_code == 302

    history = client.get(reverse("agreements:agreement_history", args=[agreement.register_id]))
    content = history.content.decode()
    assert "Bilaga ”Avtalet”" in content
    assert "Fastställd genom beslut av Hälso- och sjukvårdsnämnden (HSN)" in content
    assert "Anledning: Fastställande av STY-00100" in content
    assert "Anledning: Fel överenskommelse" in content
    assert "Revision" not in content


def test_a_stale_replace_raises_edit_conflict(user, agreement):
    from agreements.services import agreement_replace

    with pytest.raises(EditConflict):
        agreement_replace(
            user=user,
            agreement=agreement,
            replaced_by=factories.AgreementFactory(),
            expected_revision=7,
        )


def test_the_form_and_the_history_cost_the_same_at_1x_and_10x(
    client, register_admin, agreement, gotland, media
):
    client.force_login(register_admin)
    edit = reverse("agreements:agreement_edit", args=[agreement.register_id])
    history = reverse("agreements:agreement_history", args=[agreement.register_id])

    def grow(times, start):
        for number in range(start, start + times):
            region = factories.RegionFactory()
            factories.BodyFactory(organisations=[region])
            factories.TopicFactory()
            attachment_add(
                user=register_admin,
                agreement=agreement,
                uploaded_file=SimpleUploadedFile(f"{number}.pdf", PDF_BYTES + str(number).encode()),
            )
            adoption_add(
                user=register_admin,
                agreement=agreement,
                body=gotland["hsn"],
                case_number=f"HSN 2026/{number}",
            )

    grow(1, start=1)
    few = (count_queries(client, edit), count_queries(client, history))
    grow(10, start=2)
    assert (count_queries(client, edit), count_queries(client, history)) == few


def test_the_parties_bodies_are_offered_first(client, register_admin, agreement):
    blekinge = factories.RegionFactory(name="Region Blekinge")
    factories.BodyFactory(
        name="Hälso- och sjukvårdsnämnden", short_code="HSN", organisations=[blekinge]
    )
    client.force_login(register_admin)
    for url in (
        reverse("agreements:adoption_add", args=[agreement.register_id]),
        reverse("agreements:agreement_edit", args=[agreement.register_id]),
    ):
        content = client.get(url).content.decode()
        assert content.index('<optgroup label="Region Gotland">') < content.index(
            '<optgroup label="Region Blekinge">'
        )
