"""The register administrator's pages for a body's decisions: registered, edited over the
revision the form started from and removed, each change with a reason in the history; what a
decision concerns is picked from labelled lists (never a content type or a typed id)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from governance.models import AgendaItem, Decision, DecisionCaseNumber, DecisionSubject
from governance.services import decision_create, decision_update
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def hsn():
    region = factories.RegionFactory(name="Region Gotland", slug="region-gotland")
    return factories.BodyFactory(
        name="Hälso- och sjukvårdsnämnden", short_code="HSN", slug="hsn", organisations=[region]
    )


@pytest.fixture
def agreement():
    return factories.AgreementFactory(register_id="STY-02292", title="Läkarmedverkan")


@pytest.fixture
def decision(hsn, agreement, register_admin):
    return decision_create(
        user=register_admin,
        body=hsn,
        case_numbers=["HSN 2024/310"],
        date="2024-09-12",
        title="Läkarmedverkan",
        subjects=[agreement],
    )


def create_url(body):
    return reverse("governance:decision_create", args=[body.slug])


def edit_url(decision):
    return reverse("governance:decision_edit", args=[decision.pk])


def remove_url(decision):
    return reverse("governance:decision_remove", args=[decision.pk])


def form(**given) -> dict:
    return {
        "kind": Decision.Kind.ADOPTION,
        "date": "2025-03-01",
        "case_numbers": "",
        "title": "",
        "text": "",
        "responds_to": "",
        "revision": "",
        "reason": "",
    } | given


def subject(obj) -> str:
    """The picker's value for an agreement, framework or plan: its kind and id."""
    return f"{obj._meta.model_name}:{obj.pk}"


# --- who may do what --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("reader", 403), ("strategist", 403), ("register_admin", 200)],
)
def test_only_register_admins_open_the_decision_pages(client, request, decision, role, expected):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    for url in (create_url(decision.body), edit_url(decision), remove_url(decision)):
        response = client.get(url)
        assert response.status_code == expected, url
        if expected == 302:
            assert response["Location"].startswith(reverse("login"))
        if expected == 403:
            assert "Du har inte behörighet att registrera eller ändra beslut." in (
                response.content.decode()
            )


@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 302), ("reader", 403), ("strategist", 403)]
)
def test_no_other_role_writes_a_decision(client, request, decision, role, expected):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    typed = form(title="Ändrad", reason="Försök", revision=str(decision.revision))
    for url in (create_url(decision.body), edit_url(decision), remove_url(decision)):
        assert client.post(url, typed).status_code == expected, url
    assert Decision.objects.get().title == "Läkarmedverkan"
    assert Decision.objects.count() == 1


def test_the_body_page_offers_the_links_to_register_admins_alone(client, decision, reader):
    page = client.get(decision.body.get_absolute_url()).content.decode()
    assert "Nytt beslut" not in page and edit_url(decision) not in page
    client.force_login(reader)
    page = client.get(decision.body.get_absolute_url()).content.decode()
    assert "Nytt beslut" not in page and remove_url(decision) not in page


def test_the_body_page_links_new_edit_and_remove(client, decision, register_admin):
    client.force_login(register_admin)
    page = client.get(decision.body.get_absolute_url()).content.decode()
    assert create_url(decision.body) in page
    assert edit_url(decision) in page and remove_url(decision) in page
    assert "Redigera beslutet HSN: HSN 2024/310" in page


def test_an_unknown_body_or_decision_is_404(client, register_admin):
    client.force_login(register_admin)
    assert client.get("/organ/finns-inte/beslut/nytt/").status_code == 404
    assert client.get("/beslut/999999/redigera/").status_code == 404
    assert client.get("/beslut/999999/ta-bort/").status_code == 404


# --- registering --------------------------------------------------------------------------


def test_a_recommendation_without_case_number_is_registered_about_an_agreement_and_a_plan(
    client, hsn, agreement, register_admin
):
    plan = factories.PlanFactory(title="Aktivitets- och tidplan Gotland")
    client.force_login(register_admin)

    response = client.post(
        create_url(hsn),
        form(
            kind=Decision.Kind.RECOMMENDATION,
            title="Rekommendation att anta",
            subjects=[subject(agreement), subject(plan)],
        ),
    )

    assert response.status_code == 302
    created = Decision.objects.get()
    assert response["Location"] == created.get_absolute_url()
    assert (created.kind, created.case_number_list()) == (Decision.Kind.RECOMMENDATION, [])
    assert {link.subject for link in created.subjects.all()} == {agreement, plan}
    record = created.history.get()
    assert (record.history_user, record.history_change_reason) == (
        register_admin,
        "Beslut registrerat",
    )
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Hälso- och sjukvårdsnämnden" in page


def test_case_numbers_are_stored_as_rows_in_their_canonical_form(client, hsn, register_admin):
    client.force_login(register_admin)
    response = client.post(create_url(hsn), form(case_numbers="Dnr hsn2024/0310, HSN 2025/7"))
    assert response.status_code == 302
    assert Decision.objects.get().case_number_list() == ["HSN 2024/310", "HSN 2025/7"]


@pytest.mark.parametrize(
    ("given", "field", "message"),
    [
        (
            {"case_numbers": "SON 2024/1"},
            "case_numbers",
            "Ärendenumret ska börja med organets förkortning HSN.",
        ),
        ({"case_numbers": "SOU 2018:33"}, "case_numbers", "SOU 2018:33"),
        ({"date": "2999-01-01"}, "date", "Beslutsdatumet kan inte ligga i framtiden."),
        ({"kind": "beslutat"}, "kind", "Välj ett giltigt alternativ."),
        ({"subjects": ["agreement:999999"]}, "subjects", "Välj ett giltigt alternativ."),
        ({"subjects": ["contenttype:1"]}, "subjects", "Välj ett giltigt alternativ."),
    ],
    ids=["another-body", "not-a-case-number", "future", "kind", "gone", "no-such-kind"],
)
def test_bad_input_is_refused_beside_its_field_in_swedish(
    client, hsn, register_admin, given, field, message
):
    client.force_login(register_admin)
    response = client.post(create_url(hsn), form(**given))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    assert not Decision.objects.exists() and not DecisionCaseNumber.objects.exists()


def test_a_case_number_the_body_has_used_is_refused_in_swedish(client, decision, register_admin):
    client.force_login(register_admin)
    response = client.post(create_url(decision.body), form(case_numbers="HSN 2024/310"))
    assert response.status_code == 400
    assert response.context["form"].errors["case_numbers"] == [
        "Organet har redan ett beslut med ärendenumret HSN 2024/310."
    ]
    assert Decision.objects.count() == 1


def test_a_party_decision_answers_a_recommendation(client, hsn, register_admin):
    svom = factories.BodyFactory(name="SVOM", short_code="")
    recommendation = decision_create(
        user=register_admin, body=svom, kind=Decision.Kind.RECOMMENDATION, date="2024-05-02"
    )
    client.force_login(register_admin)
    page = client.get(create_url(hsn)).content.decode()
    assert "SVOM: Rekommendation, 2024-05-02" in page

    response = client.post(create_url(hsn), form(responds_to=str(recommendation.pk)))

    assert response.status_code == 302
    assert Decision.objects.get(body=hsn).responds_to == recommendation


def test_the_picker_names_kinds_and_items_never_a_content_type(
    client, hsn, agreement, register_admin
):
    framework = factories.FrameworkFactory(title="Gemensamt ramverk för primärvård")
    plan = factories.PlanFactory(title="Aktivitets- och tidplan Skåne")
    client.force_login(register_admin)
    page = client.get(create_url(hsn)).content.decode()
    for label in (
        "Överenskommelser",
        "STY-02292 Läkarmedverkan",
        "Ramverk",
        "Gemensamt ramverk för primärvård",
        "Planer",
        "Aktivitets- och tidplan Skåne",
    ):
        assert label in page
    for obj in (agreement, framework, plan):
        assert f'value="{subject(obj)}"' in page
    content_type = ContentType.objects.get_for_model(agreement)
    assert f'value="{content_type.pk}:' not in page and "Content type" not in page


# --- editing ------------------------------------------------------------------------------


def test_an_edit_saves_with_its_reason_and_replaces_the_subjects(
    client, decision, agreement, register_admin
):
    framework = factories.FrameworkFactory()
    client.force_login(register_admin)
    page = client.get(edit_url(decision))
    assert page.context["form"].initial["case_numbers"] == "HSN 2024/310"
    assert page.context["form"].initial["subjects"] == [subject(agreement)]

    response = client.post(
        edit_url(decision),
        form(
            date="",
            case_numbers="HSN 2024/311",
            subjects=[subject(framework)],
            revision=str(decision.revision),
            reason="Fel ärende rättat enligt protokollet",
        ),
    )

    assert response.status_code == 302
    decision.refresh_from_db()
    assert (decision.date, decision.case_number_list()) == (None, ["HSN 2024/311"])
    assert [link.subject for link in decision.subjects.all()] == [framework]
    reasons = {
        record.history_change_reason
        for history in (Decision.history, DecisionSubject.history, DecisionCaseNumber.history)
        for record in history.filter(history_type__in="~-")
    }
    assert reasons == {"Fel ärende rättat enligt protokollet"}
    assert decision.revision == 2


def test_an_edit_without_a_reason_is_refused(client, decision, register_admin):
    client.force_login(register_admin)
    response = client.post(
        edit_url(decision), form(title="Ny rubrik", revision=str(decision.revision))
    )
    assert response.status_code == 400
    assert "reason" in response.context["form"].errors
    decision.refresh_from_db()
    assert decision.title == "Läkarmedverkan"


def test_saving_over_a_newer_revision_is_409_and_keeps_what_was_typed(
    client, decision, register_admin
):
    client.force_login(register_admin)
    opened = decision.revision
    decision_update(user=register_admin, decision=decision, reason="Datum rättat", date=None)

    response = client.post(
        edit_url(decision),
        form(title="Min rubrik", text="Min text", revision=str(opened), reason="Rubrik"),
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert "Någon annan har sparat ändringar" in page
    assert "Min rubrik" in page and "Min text" in page
    assert response.context["form"].data["revision"] == opened + 1
    decision.refresh_from_db()
    assert decision.title == "Läkarmedverkan"


# --- removing -----------------------------------------------------------------------------


def test_removal_needs_a_reason_and_records_it(client, decision, register_admin):
    client.force_login(register_admin)
    refused = client.post(remove_url(decision), {"revision": decision.revision, "reason": ""})
    assert refused.status_code == 400 and Decision.objects.exists()

    response = client.post(
        remove_url(decision), {"revision": decision.revision, "reason": "Registrerat två gånger"}
    )

    assert response.status_code == 302
    assert response["Location"] == decision.body.get_absolute_url() + "#beslut"
    assert not Decision.objects.exists() and not DecisionSubject.objects.exists()
    for history in (Decision.history, DecisionSubject.history, DecisionCaseNumber.history):
        record = history.get(history_type="-")
        assert (record.history_user, record.history_change_reason) == (
            register_admin,
            "Registrerat två gånger",
        )


def test_removing_a_changed_decision_is_409(client, decision, register_admin):
    client.force_login(register_admin)
    decision_update(user=register_admin, decision=decision, reason="Rubrik", title="Ny")
    response = client.post(remove_url(decision), {"revision": "1", "reason": "Dubblett"})
    assert response.status_code == 409
    assert response.context["form"].data["reason"] == "Dubblett"
    assert Decision.objects.exists()


def test_a_recommendation_the_parties_answer_is_not_removed(client, hsn, register_admin):
    recommendation = decision_create(
        user=register_admin, body=hsn, kind=Decision.Kind.RECOMMENDATION
    )
    decision_create(user=register_admin, body=hsn, responds_to=recommendation)
    client.force_login(register_admin)

    response = client.post(
        remove_url(recommendation), {"revision": recommendation.revision, "reason": "Fel"}
    )

    assert response.status_code == 400
    assert "Beslutet kan inte tas bort: 1 beslut svarar på det." in response.content.decode()
    assert Decision.objects.count() == 2


def test_an_agenda_item_keeps_its_protocol_text_when_its_decision_is_removed(
    client, decision, register_admin
):
    item = factories.AgendaItemFactory(
        meeting=factories.MeetingFactory(body=decision.body),
        decision=decision,
        decision_text="Nämnden fastställer överenskommelsen.",
    )
    client.force_login(register_admin)

    client.post(remove_url(decision), {"revision": decision.revision, "reason": "Dubblett"})

    item = AgendaItem.objects.get(pk=item.pk)
    assert (item.decision, item.decision_text) == (None, "Nämnden fastställer överenskommelsen.")
    assert item.history.latest().history_change_reason == "Dubblett"


# --- what the pages cost ------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 10])
def test_the_body_page_costs_the_same_for_1_and_10_times_the_decisions(
    client, hsn, register_admin, size
):
    """Run at 1x and 10x; the budget is one number for both."""
    for n in range(3 * size):
        agreement = factories.AgreementFactory()
        decision_create(
            user=register_admin, body=hsn, case_numbers=[f"HSN 2024/{n + 1}"], subjects=[agreement]
        )
    client.force_login(register_admin)
    assert count_queries(client, hsn.get_absolute_url()) == BODY_PAGE_BUDGET


@pytest.mark.parametrize("size", [1, 10])
def test_the_decision_form_costs_the_same_for_1_and_10_times_the_choices(
    client, hsn, register_admin, size
):
    for _n in range(3 * size):
        factories.AgreementFactory()
        factories.FrameworkFactory()
        factories.PlanFactory()
        decision_create(user=register_admin, body=hsn, kind=Decision.Kind.RECOMMENDATION)
    decision = decision_create(
        user=register_admin,
        body=hsn,
        case_numbers=["HSN 2020/1"],
        subjects=[factories.AgreementFactory()],
    )
    client.force_login(register_admin)
    assert count_queries(client, create_url(hsn)) == NEW_FORM_BUDGET
    assert count_queries(client, edit_url(decision)) == EDIT_FORM_BUDGET


BODY_PAGE_BUDGET = 17
NEW_FORM_BUDGET = 9
EDIT_FORM_BUDGET = 11
