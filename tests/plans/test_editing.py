"""The strategist's workbench: editing plans, revisions, conflicts, undo, permissions."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.revisions import EditConflict
from plans import queries, services
from plans.models import Activity, Initiative, Milestone, Plan, Section
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(strategist, plan_with_tree):
    plan_with_tree["plan"].editors.add(strategist)
    return strategist


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


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


def test_editing_an_adopted_plan_starts_a_revision_and_leaves_the_adopted_version(
    plan_with_tree, ctb, editor
):
    plan = plan_with_tree["plan"]
    version = services.plan_adopt(user=None, plan=plan, body=ctb, case_number="CTB 2022/1")
    milestone = Milestone.objects.get(text="Förslag Q2 2022")
    services.item_update(
        user=editor,
        item=milestone,
        expected_revision=milestone.revision,
        text="Förslag Q3",
        period_text="Q3 2022",
    )
    plan.refresh_from_db()
    assert plan.status == Plan.Status.UNDER_REVISION
    adopted = queries.plan_tree_as_of(plan, version.frozen_at)
    assert [m.text for m in adopted.sections[0].initiatives[0].milestones] == ["Förslag Q2 2022"]
    milestone.refresh_from_db()
    assert milestone.period_end.month == 9 and milestone.revision == 2


def test_adopting_a_revision_makes_it_the_current_adopted_version(plan_with_tree, ctb, editor):
    plan = plan_with_tree["plan"]
    services.plan_adopt(user=None, plan=plan, body=ctb, case_number="CTB 2022/1")
    section = plan_with_tree["area4"]
    services.item_update(
        user=editor, item=section, expected_revision=section.revision, title="Digitalisering"
    )
    second = services.plan_adopt(user=None, plan=plan, body=ctb, case_number="CTB 2023/5")
    assert second.number == 3  # after the fixture's publication (1) and the first adoption
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ADOPTED
    assert (
        queries.plan_tree_as_of(plan, second.frozen_at).sections[1].section.title
        == "Digitalisering"
    )


def test_the_public_sees_the_adopted_version_during_a_revision(plan_with_tree, ctb, editor):
    from django.contrib.auth.models import AnonymousUser

    plan = plan_with_tree["plan"]
    services.plan_adopt(user=None, plan=plan, body=ctb, case_number="CTB 2022/1")
    section = plan_with_tree["area4"]
    services.item_update(
        user=editor, item=section, expected_revision=section.revision, title="Utkast till ny rubrik"
    )
    plan.refresh_from_db()
    assert (
        queries.public_tree(plan, AnonymousUser()).sections[1].section.title
        == "Gemensamma digitala lösningar"
    )
    assert queries.public_tree(plan, editor).sections[1].section.title == "Utkast till ny rubrik"


def test_a_save_over_a_newer_version_is_refused(plan_with_tree, editor):
    section = plan_with_tree["area4"]
    services.item_update(
        user=editor, item=section, expected_revision=section.revision, title="Först"
    )
    with pytest.raises(EditConflict) as conflict:
        services.item_update(
            user=editor, item=section, expected_revision=section.revision, title="Sedan"
        )
    assert conflict.value.current.title == "Först"
    section.refresh_from_db()
    assert section.title == "Först"


def test_deleting_something_changed_meanwhile_is_refused(plan_with_tree, editor):
    section = plan_with_tree["area4"]
    services.item_update(
        user=editor, item=section, expected_revision=section.revision, title="Ändrad"
    )
    with pytest.raises(EditConflict):
        services.item_delete(user=editor, item=section, expected_revision=section.revision)
    assert Section.objects.filter(pk=section.pk).exists()


def test_moving_swaps_neighbours_and_keeps_positions_dense(plan_with_tree, editor):
    sip, team = plan_with_tree["sip"], plan_with_tree["team"]
    assert services.item_move(user=editor, item=team, up=True) is True
    in_order = Initiative.objects.filter(section=sip.section).order_by("position")
    assert list(in_order.values_list("title", flat=True)) == [team.title, sip.title]
    assert sorted(in_order.values_list("position", flat=True)) == [1, 2]
    # already first: nothing happens
    assert services.item_move(user=editor, item=team, up=True) is False
    assert Initiative.objects.get(pk=team.pk).position == 1


def test_letters_follow_a_move_in_one_recorded_step(plan_with_tree, editor):
    """Moving a) down makes it b) and b) a): the letters stay in order, the history says so."""
    sip, team = plan_with_tree["sip"], plan_with_tree["team"]
    services.item_move(user=editor, item=sip, up=False)
    in_order = Initiative.objects.filter(section=sip.section).order_by("position")
    assert [(i.letter, i.title) for i in in_order] == [("a", team.title), ("b", sip.title)]
    moved = Initiative.objects.get(pk=sip.pk)
    assert moved.anchor == "insats-1b" and moved.revision == sip.revision + 1
    latest, before = moved.history.order_by("-history_date", "-history_id")[:2]
    assert (before.letter, latest.letter) == ("a", "b")  # no parked letter in between
    assert latest.history_change_reason == "Ordning ändrad" and latest.history_user == editor


def test_section_numbers_follow_a_move_and_a_gap_stays_a_gap(plan_with_tree, editor):
    area1, area4 = plan_with_tree["area1"], plan_with_tree["area4"]
    services.item_move(user=editor, item=area4, up=True)
    sections = Section.objects.filter(plan=area1.plan).order_by("position")
    assert [(s.number, s.title) for s in sections] == [(1, area4.title), (4, area1.title)]
    assert Initiative.objects.get(pk=plan_with_tree["sip"].pk).anchor == "insats-4a"


def test_moving_items_without_labels_changes_only_their_order(plan_with_tree, editor):
    area4 = plan_with_tree["area4"]
    activity = factories.ActivityFactory(section=area4, text="Andra aktiviteten", position=9)
    first = Activity.objects.filter(section=area4).exclude(pk=activity.pk).get()
    services.item_move(user=editor, item=activity, up=True)
    assert list(
        Activity.objects.filter(section=area4).order_by("position").values_list("pk", flat=True)
    ) == [activity.pk, first.pk]


def test_restoring_an_earlier_version_adds_a_new_version(plan_with_tree, editor):
    section = plan_with_tree["area4"]
    original = section.history.earliest()
    services.item_update(
        user=editor, item=section, expected_revision=section.revision, title="Fel rubrik"
    )
    restored = services.item_restore(user=editor, record=original)
    assert restored.title == "Gemensamma digitala lösningar"
    assert section.history.count() == 3
    assert section.history.first().history_change_reason.startswith("Återställd")


def test_a_deleted_item_can_be_brought_back_with_its_children_first_needing_their_parent(
    plan_with_tree, editor
):
    team = plan_with_tree["team"]
    milestone = team.milestones.get()
    services.item_delete(user=editor, item=team, expected_revision=team.revision)
    deleted = services.deleted_items(plan_with_tree["plan"])
    kinds = sorted(type(r.instance).__name__ for r in deleted)
    assert kinds == ["Initiative", "Milestone"]
    # A record is known by its kind and id together: ids are per table, and on SQLite each
    # test's tables count from 1 again, so an initiative and a milestone often share an id.
    milestone_record = next(r for r in deleted if r.instance_type is Milestone)
    initiative_record = next(r for r in deleted if r.instance_type is Initiative)

    with pytest.raises(ValidationError, match="Återställ insatsen först"):
        services.item_restore(user=editor, record=milestone_record)
    assert not Milestone.objects.filter(pk=milestone.pk).exists()
    assert milestone.history.count() == 2  # created, deleted: the refusal wrote nothing

    services.item_restore(user=editor, record=initiative_record)
    services.item_restore(user=editor, record=milestone_record)
    restored = Milestone.objects.get(pk=milestone.pk)
    assert restored.period_text == "vid utgången av år 2025"
    assert (restored.section_id, restored.initiative_id) == (
        plan_with_tree["area1"].pk,
        team.pk,
    )
    assert services.deleted_items(plan_with_tree["plan"]) == []


def test_restoring_brings_back_responsible_bodies(plan_with_tree, editor, ctb):
    sip = plan_with_tree["sip"]
    record = sip.history.order_by("-history_date").first()
    services.item_update(user=editor, item=sip, expected_revision=sip.revision, bodies=[])
    assert list(sip.responsible_bodies.all()) == []
    services.item_restore(user=editor, record=record)
    assert list(Initiative.objects.get(pk=sip.pk).responsible_bodies.all()) == [ctb]


def test_a_closed_plan_cannot_be_edited(plan_with_tree, editor):
    services.plan_close(user=None, plan=plan_with_tree["plan"])
    section = plan_with_tree["area4"]
    with pytest.raises(ValidationError):
        services.item_update(
            user=editor, item=section, expected_revision=section.revision, title="x"
        )


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


# --- who may do what ----------------------------------------------------------------------


def editing_endpoints(data):
    plan = data["plan"].slug
    section, initiative = data["area4"], data["sip"]
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    activity = Activity.objects.filter(section=section).first()
    return [
        ("plan_edit", url("plan_edit", plan), {"title": "x", "kind": "action_plan", "revision": 1}),
        ("item_add", url("item_add", plan, "tidplan") + f"?omrade={section.pk}", {"text": "x"}),
        (
            "item_edit",
            url("item_edit", plan, "tidplan", milestone.pk),
            {"text": "x", "revision": milestone.revision},
        ),
        (
            "item_delete",
            url("item_delete", plan, "aktivitet", activity.pk),
            {"revision": activity.revision},
        ),
        ("item_move", url("item_move", plan, "omrade", section.pk), {"direction": "up"}),
        ("item_history", url("item_history", plan, "omrade", section.pk), None),
        (
            "item_restore",
            url("item_restore", plan, "omrade"),
            {"history_id": section.history.first().history_id},
        ),
        ("deleted", url("deleted", plan), None),
        (
            "status_update",
            url("status_update", plan, initiative.pk),
            {"status": "done", "date": "2022-01-01"},
        ),
        ("section_fragment", url("section_fragment", plan, section.pk), None),
    ]


@pytest.mark.parametrize(
    "role", ["anonymous", "reader", "strategist_not_editor", "strategist_editor", "register_admin"]
)
def test_editing_endpoints_for_each_role_get_and_post(client, plan_with_tree, request, role):
    if role == "strategist_editor":
        user = request.getfixturevalue("strategist")
        plan_with_tree["plan"].editors.add(user)
    elif role == "strategist_not_editor":
        user = request.getfixturevalue("strategist")
    elif role != "anonymous":
        user = request.getfixturevalue(role)
    if role != "anonymous":
        client.force_login(user)
    allowed = role in ("strategist_editor", "register_admin")
    for name, path, data in editing_endpoints(plan_with_tree):
        before = {m: m.objects.count() for m in (Section, Initiative, Milestone, Activity)}
        responses = [("GET", client.get(path))] if name not in ("item_move", "item_restore") else []
        if data is not None:
            responses.append(("POST", client.post(path, data)))
        for method, response in responses:
            if role == "anonymous":
                assert response.status_code == 302 and "/konto/logga-in/" in response["Location"], (
                    name,
                    method,
                )
            elif not allowed:
                assert response.status_code == 403, (name, method, response.status_code)
            else:
                assert response.status_code in (200, 302, 400), (name, method, response.status_code)
        if not allowed:
            assert {
                m: m.objects.count() for m in (Section, Initiative, Milestone, Activity)
            } == before, name


def test_move_and_restore_refuse_get(editor_client, plan_with_tree):
    plan = plan_with_tree["plan"].slug
    assert (
        editor_client.get(url("item_move", plan, "omrade", plan_with_tree["area4"].pk)).status_code
        == 405
    )
    assert editor_client.get(url("item_restore", plan, "omrade")).status_code == 405


@pytest.mark.parametrize("kind", ["okand", "../../etc"])
def test_unknown_kinds_are_404(editor_client, plan_with_tree, kind):
    assert editor_client.get(f"/planer/{plan_with_tree['plan'].slug}/{kind}/ny/").status_code == 404


def test_editing_a_missing_item_is_404(editor_client, plan_with_tree):
    assert (
        editor_client.get(
            url("item_edit", plan_with_tree["plan"].slug, "tidplan", 999999)
        ).status_code
        == 404
    )


def _edit_pages(plan):
    section = plan.sections.first()
    initiative = Initiative.objects.filter(section=section).first()
    milestone = Milestone.objects.filter(section=section).first()
    return [
        plan.get_absolute_url(),
        url("plan_edit", plan.slug),
        url("item_edit", plan.slug, "omrade", section.pk),
        url("item_edit", plan.slug, "insats", initiative.pk),
        url("item_edit", plan.slug, "tidplan", milestone.pk),
        url("item_add", plan.slug, "uppfoljning") + f"?omrade={section.pk}&insats={initiative.pk}",
        url("status_update", plan.slug, initiative.pk),
        url("deleted", plan.slug),
        url("section_fragment", plan.slug, section.pk),
    ]


def test_editing_pages_cost_the_same_queries_whatever_the_plan_size(client, register_admin):
    client.force_login(register_admin)
    body = factories.BodyFactory()
    small = factories.build_synthetic_plan(sections=1, initiatives=1, items=1, body=body)
    large = factories.build_synthetic_plan(sections=5, initiatives=4, items=3, body=body)
    for small_path, large_path in zip(_edit_pages(small), _edit_pages(large), strict=True):
        assert count_queries(client, small_path) == count_queries(client, large_path), large_path


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
