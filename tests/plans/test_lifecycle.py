"""The plan's life cycle: Utkast -> Publicerad or Fastställd -> Under revidering -> Avslutad.
The public reads only what was published or adopted, everywhere a plan shows."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from plans import queries, services
from plans.models import Milestone, Plan, PlanVersion
from plans.pdf import plan_pdf_context
from plans.reports import plan_summary
from tests import factories

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()
SECRET = "Hemligt utkast till ny tidplan"


@pytest.fixture
def draft(ctb):
    """A draft shaped like plan_with_tree: an area with an initiative and a due milestone."""
    plan = factories.DraftPlanFactory(title="Plan under arbete", slug="under-arbete")
    area = factories.SectionFactory(plan=plan, number=1, title="Personcentrerat arbetssätt")
    area.responsible_bodies.add(ctb)
    initiative = factories.InitiativeFactory(section=area, letter="a", title="SIP")
    factories.MilestoneFactory(
        section=area, initiative=initiative, text="Förslag Q2 2022", period="Q2 2022"
    )
    factories.FollowUpFactory(
        section=area, initiative=initiative, text="Följs upp", period="2022-06-01", reported_to=ctb
    )
    return plan


def _revise(plan, user):
    """A strategist's saved edit: the milestone's text and the plan's title."""
    milestone = Milestone.objects.get(section__plan=plan)
    services.item_update(
        user=user, item=milestone, expected_revision=milestone.revision, text=SECRET
    )
    plan.refresh_from_db()
    services.plan_update(
        user=user, plan=plan, expected_revision=plan.revision, title="Nytt namn i utkast"
    )
    plan.refresh_from_db()
    return plan


def _page(client, name, plan, **params):
    response = client.get(reverse(f"plans:{name}", args=[plan.slug]), params)
    assert response.status_code == 200, name
    return response.content.decode()


# --- publishing and adopting ------------------------------------------------------------


def test_a_draft_is_hidden_until_its_owner_publishes_it(client, draft, strategist):
    assert client.get(draft.get_absolute_url()).status_code == 302  # to the login page
    version = services.plan_publish(user=strategist, plan=draft, on=datetime.date(2024, 5, 1))
    draft.refresh_from_db()
    assert draft.status == Plan.Status.PUBLISHED
    assert draft.public_version == version
    assert (version.kind, version.decision, version.name) == (
        "published",
        None,
        "Publicerad 2024-05-01",
    )
    assert "Förslag Q2 2022" in _page(client, "plan_detail", draft)
    assert "Plan under arbete" in client.get(reverse("plans:plan_list")).content.decode()


def test_a_published_plan_can_be_adopted_as_it_is(draft, strategist, ctb):
    services.plan_publish(user=strategist, plan=draft)
    version = services.plan_adopt(user=strategist, plan=draft, body=ctb, case_number="CTB 2024/3")
    draft.refresh_from_db()
    assert (draft.status, version.number, version.kind) == ("adopted", 2, "adopted")
    assert draft.public_version.decision.case_number_list() == ["CTB 2024/3"]


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("published", "publish"),
        ("adopted", "publish"),
        ("adopted", "adopt"),
        ("closed", "publish"),
        ("closed", "adopt"),
    ],
)
def test_freezing_is_refused_when_nothing_new_would_be_frozen(status, action, ctb, strategist):
    plan = factories.PlanFactory(status=status)
    with pytest.raises(ValidationError):
        if action == "publish":
            services.plan_publish(user=strategist, plan=plan)
        else:
            services.plan_adopt(user=strategist, plan=plan, body=ctb, case_number="CTB 2024/9")
    assert plan.versions.count() == 1


@pytest.mark.parametrize("status", ["published", "adopted", "under_revision"])
def test_the_database_refuses_a_public_status_without_its_version(draft, status):
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=draft.pk).update(status=status)


def test_validation_refuses_a_public_status_without_its_version_in_swedish(draft):
    draft.status = Plan.Status.ADOPTED
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "måste ha en fryst version" in str(error.value)


def test_a_plan_cannot_read_another_plans_version(draft):
    other = factories.PlanFactory()
    draft.status, draft.public_version = Plan.Status.PUBLISHED, other.public_version
    with pytest.raises(ValidationError):
        draft.full_clean()


@pytest.mark.parametrize("status", ["published", "adopted"])
def test_editing_a_published_or_adopted_plan_starts_a_revision(draft, strategist, ctb, status):
    if status == "published":
        services.plan_publish(user=strategist, plan=draft)
    else:
        services.plan_adopt(user=strategist, plan=draft, body=ctb, case_number="CTB 2024/1")
    plan = _revise(draft, strategist)
    assert plan.status == Plan.Status.UNDER_REVISION
    assert plan.public_version.kind == status


def test_publishing_needs_its_own_permission(client, draft, strategist, register_admin):
    draft.editors.add(strategist)
    url = reverse("plans:plan_publish", args=[draft.slug])
    client.force_login(strategist)
    assert client.get(url).status_code == 403
    client.force_login(register_admin)
    assert client.get(url).status_code == 200
    response = client.post(url, {"on": "2024-05-01", "label": "Rekommenderad av CTB"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Plan.Status.PUBLISHED
    assert draft.public_version.label == "Rekommenderad av CTB"


def test_the_publish_form_needs_a_date(client, draft, register_admin):
    client.force_login(register_admin)
    response = client.post(reverse("plans:plan_publish", args=[draft.slug]), {"on": ""})
    assert response.status_code == 400
    assert "Formuläret innehåller fel" in response.content.decode()


# --- what the public reads during a revision -------------------------------------------


@pytest.fixture
def revised(draft, strategist, ctb):
    """Published, then edited by a strategist: under revision."""
    services.plan_publish(user=strategist, plan=draft, on=datetime.date(2024, 5, 1))
    return _revise(draft, strategist)


def test_the_public_reads_the_last_version_on_every_plan_page(client, revised):
    for name in ("plan_detail", "plan_timeline", "plan_history"):
        page = _page(client, name, revised)
        assert SECRET not in page and "Nytt namn i utkast" not in page, name
        assert "Plan under arbete" in page, name
    assert "Förslag Q2 2022" in _page(client, "plan_detail", revised)
    assert "Du läser version 1 (Publicerad 2024-05-01)" in _page(client, "plan_detail", revised)
    compare = _page(client, "plan_compare", revised, fran="v1", till="idag")
    assert SECRET not in compare and "Inga skillnader" in compare
    listing = client.get(reverse("plans:plan_list")).content.decode()
    assert "Plan under arbete" in listing and "Nytt namn i utkast" not in listing


def test_those_who_may_read_drafts_read_the_revision(client, revised, reader):
    client.force_login(reader)
    assert SECRET in _page(client, "plan_detail", revised)
    assert SECRET in _page(client, "plan_compare", revised, fran="v1", till="idag")


def test_the_public_due_list_and_body_page_read_the_last_version(client, revised, ctb):
    url = reverse("plans:due") + "?months=12"
    page = client.get(url).content.decode()
    assert "Förslag Q2 2022" in page and SECRET not in page
    assert "Nytt namn i utkast" not in page
    body_page = client.get(ctb.get_absolute_url()).content.decode()
    assert "Följs upp" in body_page and "Plan under arbete" in body_page
    assert "Nytt namn i utkast" not in body_page


def test_the_public_pdf_and_board_reports_quote_the_last_version(revised):
    context = plan_pdf_context(queries.public_faces([revised])[0], today=datetime.date(2024, 6, 1))
    texts = [m.text for m in context["tree"].sections[0].initiatives[0].milestones]
    assert texts == ["Förslag Q2 2022"] and not context["working_copy"]
    working = plan_pdf_context(revised, today=datetime.date(2024, 6, 1), public=False)
    assert working["working_copy"]
    assert working["tree"].sections[0].initiatives[0].milestones[0].text == SECRET
    report = SimpleNamespace(
        date=datetime.date(2024, 6, 1),
        pk=None,
        subject_type=ContentType.objects.get_for_model(Plan),
    )
    _, data = plan_summary(revised, report, today=datetime.date(2024, 6, 1))
    assert data["plan"].title == "Plan under arbete"
    assert [m.text for m in data["tree"].sections[0].initiatives[0].milestones] == [
        "Förslag Q2 2022"
    ]


def test_as_of_a_date_the_public_reads_the_version_of_that_date(client, revised):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    page = _page(client, "plan_as_of", revised, datum=tomorrow)
    assert "Förslag Q2 2022" in page and SECRET not in page
    before = client.get(reverse("plans:plan_as_of", args=[revised.slug]), {"datum": "2000-01-01"})
    assert before.status_code == 404


def test_publishing_the_revision_shows_it_to_the_public(client, revised, strategist):
    services.plan_publish(user=strategist, plan=revised)
    page = _page(client, "plan_detail", revised)
    assert SECRET in page and "Nytt namn i utkast" in page


def test_a_closed_plan_keeps_its_last_version_and_a_never_published_one_stays_hidden(
    client, revised, strategist
):
    services.plan_close(user=strategist, plan=revised)
    assert SECRET not in _page(client, "plan_detail", revised)
    never = factories.DraftPlanFactory(slug="aldrig")
    services.plan_close(user=strategist, plan=never)
    assert client.get(never.get_absolute_url()).status_code == 302
    assert "aldrig" not in client.get(reverse("plans:plan_list")).content.decode()


def test_public_tree_of_a_plan_read_live_costs_no_history(revised, strategist):
    services.plan_publish(user=strategist, plan=revised)
    revised.refresh_from_db()
    assert revised.public_reads_live
    tree = queries.public_tree(revised, ANONYMOUS)
    assert tree.when is None


def test_statuses_are_reported_now_in_the_version_the_public_reads(revised):
    sip = revised.sections.get().initiatives.get()
    factories.StatusUpdateFactory(initiative=sip, status="done", date=datetime.date(2024, 6, 1))
    tree = queries.public_tree(revised, ANONYMOUS)
    assert tree.initiatives[0].status_value == "done"


def test_the_plan_list_shows_the_new_status(client, db):
    factories.PublishedPlanFactory(title="Publicerad plan")
    page = client.get(reverse("plans:plan_list")).content.decode()
    assert "Publicerad plan" in page and "status-published" in page and "Publicerad</span>" in page


def test_version_names_say_what_kind_and_when(db):
    plan = factories.PlanFactory()
    version = PlanVersion(plan=plan, number=9, kind="adopted", date=datetime.date(2022, 2, 22))
    assert version.name == "Fastställd 2022-02-22"
