"""The strategist's workbench: creating a plan, editing it through its pages with and without
JavaScript, previews, errors, conflicts, status updates and adopting."""

import pytest
from django.urls import reverse

from plans import services
from plans.models import Initiative, Milestone, Plan, Section
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"plans:{name}", args=args)


# --- services ------------------------------------------------------------------------


def test_creating_a_plan_makes_a_draft_with_its_author_as_editor(strategist):
    plan = services.plan_create(
        user=strategist,
        title="Ny plan",
        kind=Plan.Kind.ACTION_PLAN,
        slug="ny-plan",
        period_text="2023–2024",
    )
    assert plan.status == Plan.Status.DRAFT
    assert list(plan.editors.all()) == [strategist]
    assert plan.period_start.year == 2023 and plan.period_end.year == 2024
    assert plan.history.get().history_user == strategist


# --- views -------------------------------------------------------------------------------


def test_editor_sees_edit_controls_and_readers_do_not(client, plan_with_tree, editor, reader):
    client.force_login(editor)
    assert (
        "Ändra planens uppgifter"
        in client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    )
    client.force_login(reader)
    assert (
        "Ändra planens uppgifter"
        not in client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    )


def test_full_edit_round_trip_without_javascript(editor_client, plan_with_tree):
    plan = plan_with_tree["plan"]
    area4 = plan_with_tree["area4"]
    add = url("item_add", plan.slug, "tidplan") + f"?omrade={area4.pk}"
    assert editor_client.get(add).status_code == 200
    response = editor_client.post(add, {"text": "Ny punkt", "period_text": "hösten 2023"})
    milestone = Milestone.objects.get(text="Ny punkt")
    assert response.status_code == 302
    assert response["Location"].endswith(f"?meny=atgarder-tidplan-{milestone.pk}")
    assert milestone.period_start.month == 8
    edit = url("item_edit", plan.slug, "tidplan", milestone.pk)
    response = editor_client.post(
        edit, {"text": "Ny punkt, ändrad", "period_text": "Q4 2023", "revision": milestone.revision}
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.text == "Ny punkt, ändrad"
    delete = url("item_delete", plan.slug, "tidplan", milestone.pk)
    assert editor_client.get(delete).status_code == 200
    assert editor_client.post(delete, {"revision": milestone.revision}).status_code == 302
    assert not Milestone.objects.filter(pk=milestone.pk).exists()
    deleted_page = editor_client.get(url("deleted", plan.slug)).content.decode()
    assert "Ny punkt, ändrad" in deleted_page


def test_form_preview_reads_the_period_and_warns_without_refusing(editor_client, plan_with_tree):
    response = editor_client.get(url("period_preview"), {"period_text": "Q3 2022"})
    assert "Tolkas som 1 juli – 30 september 2022." in response.content.decode()
    response = editor_client.get(url("period_preview"), {"period_text": "snart"})
    assert "förstår inte" in response.content.decode()
    area4 = plan_with_tree["area4"]
    add = url("item_add", plan_with_tree["plan"].slug, "tidplan") + f"?omrade={area4.pk}"
    assert editor_client.post(add, {"text": "Oklart", "period_text": "snart"}).status_code == 302
    assert not Milestone.objects.get(text="Oklart").period.is_understood


def test_validation_errors_keep_what_was_typed_and_link_each_field(editor_client, plan_with_tree):
    plan = plan_with_tree["plan"]
    response = editor_client.post(
        url("item_add", plan.slug, "insats") + f"?omrade={plan_with_tree['area1'].pk}",
        {"letter": "a", "title": "Dubbel bokstav", "description": "Min långa text"},
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert "Formuläret innehåller fel" in content
    assert "Min långa text" in content
    assert Initiative.objects.filter(section=plan_with_tree["area1"]).count() == 2


def test_conflicting_save_shows_both_versions_and_keeps_the_typed_text(
    editor_client, plan_with_tree, editor
):
    section = plan_with_tree["area4"]
    stale = section.revision
    services.item_update(
        user=editor, item=section, expected_revision=stale, title="Någon annans rubrik"
    )
    response = editor_client.post(
        url("item_edit", plan_with_tree["plan"].slug, "omrade", section.pk),
        {
            "number": 4,
            "title": "Min rubrik",
            "introduction": "",
            "responsibility_text": "",
            "revision": stale,
        },
    )
    content = response.content.decode()
    assert response.status_code == 409
    assert "Min rubrik" in content and "Någon annans rubrik" in content
    assert f'name="revision" value="{stale + 1}"' in content  # saving the merge now works
    section.refresh_from_db()
    assert section.title == "Någon annans rubrik"


def test_htmx_edit_returns_fragments(editor_client, plan_with_tree):
    plan = plan_with_tree["plan"]
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    edit = url("item_edit", plan.slug, "tidplan", milestone.pk)
    form = editor_client.get(edit, headers={"HX-Request": "true"})
    assert form.status_code == 200 and "<html" not in form.content.decode()
    assert 'hx-post="' in form.content.decode()
    saved = editor_client.post(
        edit,
        {"text": "Till beslut", "period_text": "Q2 2022", "revision": milestone.revision},
        headers={"HX-Request": "true"},
    )
    assert saved.status_code == 200
    assert 'id="block-omrade-' in saved.content.decode() and "Till beslut" in saved.content.decode()
    bad = editor_client.post(
        edit,
        {"text": "", "period_text": "", "revision": milestone.revision + 1},
        headers={"HX-Request": "true"},
    )
    assert bad.status_code == 400 and bad["HX-Retarget"].startswith("#form-milestone-")


def test_status_update_is_recorded_with_its_author_and_earlier_ones_listed(
    editor_client, plan_with_tree, editor
):
    sip = plan_with_tree["sip"]
    path = url("status_update", plan_with_tree["plan"].slug, sip.pk)
    editor_client.post(path, {"status": "on_track", "date": "2022-03-01", "comment": "Bra start"})
    editor_client.post(path, {"status": "at_risk", "date": "2022-09-01", "comment": "Försenat"})
    assert sip.status_updates.first().author == editor
    page = editor_client.get(path).content.decode()
    assert "Bra start" in page and "Försenat" in page


def test_adopting_needs_its_own_permission(client, plan_with_tree, editor, register_admin, ctb):
    plan = plan_with_tree["plan"]
    plan.status = Plan.Status.DRAFT
    plan.save()
    client.force_login(editor)
    assert client.get(url("plan_adopt", plan.slug)).status_code == 403
    client.force_login(register_admin)
    response = client.post(
        url("plan_adopt", plan.slug),
        {"body": ctb.pk, "case_number": "ctb  2022 / 7", "decision_date": "2022-05-02"},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ADOPTED
    assert plan.public_version.decision.case_number_list() == ["CTB 2022/7"]


def test_adopting_with_a_case_number_of_another_body_is_refused(
    client, plan_with_tree, register_admin, ctb
):
    client.force_login(register_admin)
    response = client.post(
        url("plan_adopt", plan_with_tree["plan"].slug),
        {"body": ctb.pk, "case_number": "HSN 2022/7"},
    )
    assert response.status_code == 400
    assert "CTB" in response.content.decode()
    assert not plan_with_tree["plan"].versions.filter(kind="adopted").exists()


def test_strategist_creates_a_plan_and_becomes_its_editor(client, strategist):
    client.force_login(strategist)
    response = client.post(
        url("plan_create"),
        {"title": "Handlingsplan 2026", "kind": "action_plan", "period_text": "under 2026"},
    )
    assert response.status_code == 302
    plan = Plan.objects.get(title="Handlingsplan 2026")
    assert plan.editors.filter(pk=strategist.pk).exists()
    assert plan.status == Plan.Status.DRAFT


def test_restore_from_another_plans_history_is_404(editor_client, plan_with_tree):
    other = factories.SectionFactory()
    record = other.history.first()
    response = editor_client.post(
        url("item_restore", plan_with_tree["plan"].slug, "omrade"),
        {"history_id": record.history_id},
    )
    assert response.status_code == 404


def test_adding_an_area_through_the_form_puts_it_last_in_the_plan(editor_client, plan_with_tree):
    plan = plan_with_tree["plan"]
    response = editor_client.post(
        url("item_add", plan.slug, "omrade"), {"number": 7, "title": "Ny fas"}
    )
    assert response.status_code == 302
    added = Section.objects.get(plan=plan, number=7)
    assert added.position == max(plan.sections.values_list("position", flat=True))


@pytest.mark.parametrize("name", ["plan_create", "plan_adopt", "status_update"])
def test_an_empty_post_gets_the_error_summary_not_a_blank_form(
    client, plan_with_tree, register_admin, name
):
    client.force_login(register_admin)
    plan = plan_with_tree["plan"]
    path = {
        "plan_create": url("plan_create"),
        "plan_adopt": url("plan_adopt", plan.slug),
        "status_update": url("status_update", plan.slug, plan_with_tree["sip"].pk),
    }[name]
    response = client.post(path, {})
    assert response.status_code == 400
    assert "Formuläret innehåller fel" in response.content.decode()
