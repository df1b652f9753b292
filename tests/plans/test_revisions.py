"""Revisions and lost updates: editing a published or adopted plan starts a revision that the
public does not read until it is adopted again; a save or delete over a newer version is
refused; a closed plan is not edited."""

import pytest
from django.core.exceptions import ValidationError

from core.revisions import EditConflict
from plans import queries, services
from plans.models import Milestone, Plan, Section
from tests.plans.edits import edit

pytestmark = pytest.mark.django_db


def test_editing_an_adopted_plan_starts_a_revision_and_leaves_the_adopted_version(
    plan_with_tree, ctb, editor
):
    plan = plan_with_tree["plan"]
    version = services.plan_adopt(user=None, plan=plan, body=ctb, case_number="CTB 2022/1")
    milestone = Milestone.objects.get(text="Förslag Q2 2022")
    edit(milestone, user=editor, text="Förslag Q3", period_text="Q3 2022")
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
    edit(section, user=editor, title="Digitalisering")
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
    edit(section, user=editor, title="Utkast till ny rubrik")
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


def test_a_closed_plan_cannot_be_edited(plan_with_tree, editor):
    services.plan_close(user=None, plan=plan_with_tree["plan"])
    section = plan_with_tree["area4"]
    with pytest.raises(ValidationError):
        services.item_update(
            user=editor, item=section, expected_revision=section.revision, title="x"
        )
