import pytest
from django.utils import timezone

from plans.models import PlanVersion
from tests import factories


@pytest.fixture
def ctb(db):
    return factories.BodyFactory(name="Central tjänstemannaberedning", slug="ctb", short_code="CTB")


@pytest.fixture
def plan_with_tree(ctb):
    """A small plan shaped like seed 004: lettered initiatives in area 1, none in area 4;
    published (version 1), so it can still be adopted."""
    plan = factories.PublishedPlanFactory(
        title="Aktivitets- och tidplan 2022–2025", slug="skane-test"
    )
    area1, sip = factories.first_initiative(plan)
    area1.responsible_bodies.add(ctb)
    sip.responsible_bodies.add(ctb)
    factories.first_items(area1, sip, reported_to=ctb)
    team = factories.InitiativeFactory(section=area1, letter="b", title="Teambaserad vårdform")
    factories.MilestoneFactory(
        section=area1, initiative=team, text="Implementerat", period="vid utgången av år 2025"
    )
    area4 = factories.SectionFactory(plan=plan, number=4, title="Gemensamma digitala lösningar")
    factories.ActivityFactory(section=area4, text="Säkerställa genomförande")
    factories.MilestoneFactory(section=area4, text="Till beslut Q1 2022", period="Q1 2022")
    # Published as it now stands: the version is the moment after its content was written.
    PlanVersion.objects.filter(pk=plan.public_version_id).update(frozen_at=timezone.now())
    return {"plan": plan, "area1": area1, "area4": area4, "sip": sip, "team": team}


@pytest.fixture
def editor(strategist, plan_with_tree):
    """A strategist who is an editor of `plan_with_tree`."""
    plan_with_tree["plan"].editors.add(strategist)
    return strategist


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
