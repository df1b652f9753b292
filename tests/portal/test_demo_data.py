"""The demo data: what `manage.py load_demo` puts in the database, and that it can run twice."""

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Agreement, Framework, Status
from governance.models import Body, Decision, Membership, Organisation
from tests.demo import load_demo, row_counts

pytestmark = pytest.mark.django_db

GOTLAND_ADOPTIONS = {
    "STY-02292": {"HSN 2020/247", "SON 2020/148"},
    "STY-05560": {"HSN 2017/491", "SON 2017/398"},
    "STY-05564": {"HSN 2022/652", "SON 2022/380"},
    "STY-29127": {"HSN 2022/253", "SON 2022/133"},
    "STY-05567": {"HSN 2022/58", "SON 2022/48"},
    "STY-10994": {"RS 2013/460"},
    "STY-11006": {"RS 2013/460"},
}

KALMAR_MUNICIPALITIES = {
    "Borgholms kommun",
    "Emmaboda kommun",
    "Hultsfreds kommun",
    "Högsby kommun",
    "Kalmar kommun",
    "Mönsterås kommun",
    "Mörbylånga kommun",
    "Nybro kommun",
    "Oskarshamns kommun",
    "Torsås kommun",
    "Vimmerby kommun",
    "Västerviks kommun",
}

ASSIGNMENT = "Utveckla samspelet mellan sjukhusvården och primärvården i syfte att stödja omställningen till nära vård"


def test_gotland_register_holds_the_seven_agreements_of_the_memo(demo):
    agreements = Agreement.objects.filter(parties__slug="region-gotland")
    assert set(agreements.values_list("register_id", flat=True)) == set(GOTLAND_ADOPTIONS)
    assert {a.status for a in agreements} == {Status.IN_FORCE}


def test_anhorigstod_carries_version_9_0_beside_its_register_id(demo):
    agreement = Agreement.objects.get(register_id="STY-05567")
    assert agreement.version_label == "9.0"
    assert agreement.title == "Anhörigstöd"


@pytest.mark.parametrize("register_id", sorted(GOTLAND_ADOPTIONS))
def test_each_agreement_is_adopted_under_the_case_numbers_in_the_memo(demo, register_id):
    decisions = Decision.objects.filter(subjects__agreement__register_id=register_id)
    assert {d.case_number for d in decisions} == GOTLAND_ADOPTIONS[register_id]
    assert {d.body.organisations.get().slug for d in decisions} == {"region-gotland"}
    assert all(d.date is None for d in decisions)  # the memo gives no dates


def test_lakarmedverkan_is_adopted_by_both_committees(demo):
    decisions = Decision.objects.filter(subjects__agreement__register_id="STY-05564")
    assert {(d.body.name, d.case_number) for d in decisions} == {
        ("Hälso- och sjukvårdsnämnden", "HSN 2022/652"),
        ("Socialnämnden", "SON 2022/380"),
    }


def test_rs_2013_460_is_one_decision_about_both_bus_and_suv(demo):
    decision = Decision.objects.get(body__slug="gotland-rs", case_number="RS 2013/460")
    assert {s.subject.register_id for s in decision.subjects.all()} == {"STY-10994", "STY-11006"}
    assert Decision.objects.filter(case_number="RS 2013/460").count() == 1


def test_the_draft_framework_is_meant_to_replace_the_seven_agreements(demo):
    framework = Framework.objects.get(slug="gotland-ramverk-primarvard")
    assert framework.title == (
        "Gemensamt ramverk för primärvård och primärvårdsnära verksamhet på Gotland"
    )
    assert framework.status == Status.DRAFT
    assert "”handslaget”" in framework.summary
    assert "paraply" in framework.summary
    assert set(framework.replaces.values_list("register_id", flat=True)) == set(GOTLAND_ADOPTIONS)


def test_skane_has_33_municipalities_and_the_region_in_vardsamverkan(demo):
    principals = Body.objects.get(slug="skane-vardsamverkan").organisations
    assert principals.count() == 34
    assert principals.filter(kind=Organisation.Kind.MUNICIPALITY).count() == 33
    assert principals.filter(kind=Organisation.Kind.REGION).get().name == "Region Skåne"


def test_skane_preparatory_bodies_report_upwards(demo):
    delregional = Body.objects.get(slug="skane-delregionala-tjanstemannaberedningar")
    assert delregional.reports_to.name == "Central tjänstemannaberedning"
    assert delregional.reports_to.reports_to.name == "Centralt samverkansorgan"
    assert Body.objects.get(slug="skane-sgd").short_code == "SGD"


def test_kalmar_ledning_belongs_to_the_twelve_municipalities_the_region_and_the_federation(demo):
    ledning = Body.objects.get(name="Läns-gemensam ledning i samverkan")
    municipalities = ledning.organisations.filter(kind=Organisation.Kind.MUNICIPALITY)
    assert set(municipalities.values_list("name", flat=True)) == KALMAR_MUNICIPALITIES
    assert ledning.organisations.count() == 14
    assert "två brukarrepresentanter" in ledning.composition
    assert ledning.reports_to.kind == Body.Kind.PRESIDIUM


@pytest.mark.parametrize("area", ["Barn och unga", "Psykisk hälsa", "Äldre"])
def test_kalmar_coordinating_groups_report_to_the_ledning(demo, area):
    group = Body.objects.get(name=f"Samordnande grupp {area}")
    assert group.kind == Body.Kind.COORDINATING_GROUP
    assert group.reports_to.name == "Läns-gemensam ledning i samverkan"
    assert "ordförande respektive vice ordförande" in group.composition


@pytest.mark.parametrize(
    ("name", "title", "role", "representing"),
    [
        (
            "Erika From",
            "Uppdragsledare, samordnare för samverkan nära vård södra Lappland",
            "leader",
            "Region Västerbotten",
        ),
        ("Markus Kärnebro", "Strateg beställarenheten", "member", "Region Västerbotten"),
        ("Gunilla Larsson", "Strateg Nära vård", "member", "Region Västerbotten"),
        ("Åsa Nordlund", "strateg NSVOU", "member", "Region Västerbotten"),
        ("Monica Wahlström", "chef FoU socialtjänst Västerbotten", "member", "Region Västerbotten"),
        ("Mai-Greth Abramsson", "Strateg NSVOSL", "member", "Region Västerbotten"),
        ("Ejja Häman Aktell", "Strateg NSVOS", "member", "Region Västerbotten"),
        ("Per Sehlin", "controller", "member", "Region Västerbotten"),
        ("Pernilla Ahlström", "socialchef Lycksele", "member", "Lycksele kommun"),
        ("Ann-Gärd Töyre", "MAS Umeå", "member", "Umeå kommun"),
        ("Britta Edström", "länskoordinator Nära vård", "member", "Region Västerbotten"),
        ("Katarina Lindahl", "länskoordinator Nära vård", "member", "Region Västerbotten"),
    ],
)
def test_vasterbotten_assignment_members_have_their_titles(demo, name, title, role, representing):
    membership = Membership.objects.get(body__name=ASSIGNMENT, person__name=name)
    assert membership.person.title == title
    assert membership.role == role
    assert membership.representing.name == representing


def test_vasterbotten_assignment_reports_to_the_council(demo):
    assignment = Body.objects.get(name=ASSIGNMENT)
    assert assignment.reports_to.name == "Regionfullmäktige"
    assert assignment.memberships.count() == 12


@pytest.mark.parametrize("name", ["Fredagsgruppen", "L-IFO"])
def test_jamtland_preparatory_groups_report_to_svom(demo, name):
    body = Body.objects.get(name=name)
    assert body.reports_to.short_code == "SVOM"
    assert body.organisations.get().name == "Region Jämtland Härjedalen"


def test_bodies_of_the_same_name_in_different_regions_are_kept_apart(demo):
    committees = Body.objects.filter(name="Hälso- och sjukvårdsnämnden")
    regions = {body.organisations.get().name for body in committees}
    assert regions == {"Region Gotland", "Region Västerbotten", "Region Skåne"}


def test_demo_history_is_recorded_as_demo_data_without_a_user(demo):
    version = Agreement.objects.get(register_id="STY-02292").history.earliest()
    assert version.history_change_reason == "Demodata"
    assert version.history_user is None


def test_second_run_creates_no_rows_and_no_history(demo):
    before = row_counts()  # after the module's first run
    load_demo()
    assert row_counts() == before


def test_a_run_restores_a_changed_value_with_one_new_version(demo):
    body = Body.objects.get(slug="gotland-son")
    body.name = "Socialnämnd"
    body.save()
    versions = body.history.count()
    load_demo()
    body.refresh_from_db()
    assert body.name == "Socialnämnden"
    assert body.history.count() == versions + 1


def test_a_wrong_reference_loads_nothing(db, tmp_path):
    (tmp_path / "governance.toml").write_text(
        'organisations = [{ slug = "region-x", name = "Region X", kind = "region" }]\n'
        '[[bodies]]\nslug = "x-hsn"\nname = "Nämnden"\nkind = "committee"\n'
        'organisations = ["finns-inte"]\n',
        encoding="utf-8",
    )
    (tmp_path / "agreements.toml").write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="finns-inte"):
        call_command("load_demo", dir=tmp_path)
    assert not Organisation.objects.filter(slug="region-x").exists()
