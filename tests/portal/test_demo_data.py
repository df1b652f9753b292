"""The demo data: what `manage.py load_demo` puts in the database, and that it can run twice."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from agreements.models import Agreement, Framework, Status, Topic
from governance.models import BoardReport, Body, Decision, Department, Membership, Organisation
from plans.models import Plan
from tests.demo import load_demo, row_counts
from tests.pdf_checks import outline_titles

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
    assert {d.case_numbers_text for d in decisions} == GOTLAND_ADOPTIONS[register_id]
    # "fastställd av": each is an adoption (beslut), not a recommendation
    assert {d.kind for d in decisions} == {Decision.Kind.ADOPTION}
    assert {d.body.organisations.get().slug for d in decisions} == {"region-gotland"}
    assert all(d.date is None for d in decisions)  # the memo gives no dates


def test_lakarmedverkan_is_adopted_by_both_committees(demo):
    decisions = Decision.objects.filter(subjects__agreement__register_id="STY-05564")
    assert {(d.body.name, d.case_numbers_text) for d in decisions} == {
        ("Hälso- och sjukvårdsnämnden", "HSN 2022/652"),
        ("Socialnämnden", "SON 2022/380"),
    }


def test_rs_2013_460_is_one_decision_about_both_bus_and_suv(demo):
    decision = Decision.objects.get(
        body__slug="gotland-rs", case_numbers__case_number="RS 2013/460"
    )
    assert {s.subject.register_id for s in decision.subjects.all()} == {"STY-10994", "STY-11006"}
    assert Decision.objects.filter(case_numbers__case_number="RS 2013/460").count() == 1


def test_svom_recommends_the_project_plan_without_date_or_case_number(demo):
    # 003: "Utifrån denna bakgrund har Fredagsgruppen samt L-IFO granskat och SVOM beslutat
    # att rekommendera följande projektplan."
    plan = Plan.objects.get(slug="jamtland-projektplan-gemensam-plan")
    decision = Decision.objects.get(
        subjects__content_type=ContentType.objects.get_for_model(Plan), subjects__object_id=plan.pk
    )
    assert decision.body.slug == "jamtland-svom"
    assert decision.kind == Decision.Kind.RECOMMENDATION
    assert "SVOM beslutat att rekommendera följande projektplan" in decision.text
    assert decision.date is None and decision.case_number_list() == [] and decision.title == ""


def test_the_central_collaboration_body_stood_behind_the_digitalisation_strategy(demo):
    # 004: "Centralt samverkansorgan har ställt sig bakom "Strategi för Skånegemensam
    # digitalisering område hälsa""; the strategy is not in the portal, so nothing is linked.
    decision = Decision.objects.get(body__slug="skane-centralt-samverkansorgan")
    assert decision.kind == Decision.Kind.POSITION
    assert decision.title == "Strategi för Skånegemensam digitalisering område hälsa"
    assert decision.text.startswith("Centralt samverkansorgan har ställt sig bakom")
    assert decision.date is None and decision.case_number_list() == []
    assert not decision.subjects.exists()


def test_no_party_decision_is_stated_so_none_is_in_the_demo(demo):
    # Neither seed states a party's answer to a recommendation.
    assert not Decision.objects.filter(responds_to__isnull=False).exists()


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


# 002, "Beredningsansvariga": whom a member represents is stated only where the title names
# the municipality ("socialchef Lycksele", "MAS Umeå"); for the others it is empty.
@pytest.mark.parametrize(
    ("name", "title", "role", "representing"),
    [
        (
            "Erika From",
            "Uppdragsledare, samordnare för samverkan nära vård södra Lappland",
            "leader",
            None,
        ),
        ("Markus Kärnebro", "Strateg beställarenheten", "member", None),
        ("Gunilla Larsson", "Strateg Nära vård", "member", None),
        ("Åsa Nordlund", "strateg NSVOU", "member", None),
        ("Monica Wahlström", "chef FoU socialtjänst Västerbotten", "member", None),
        ("Mai-Greth Abramsson", "Strateg NSVOSL", "member", None),
        ("Ejja Häman Aktell", "Strateg NSVOS", "member", None),
        ("Per Sehlin", "controller", "member", None),
        ("Pernilla Ahlström", "socialchef Lycksele", "member", "Lycksele kommun"),
        ("Ann-Gärd Töyre", "MAS Umeå", "member", "Umeå kommun"),
        ("Britta Edström", "länskoordinator Nära vård", "member", None),
        ("Katarina Lindahl", "länskoordinator Nära vård", "member", None),
    ],
)
def test_vasterbotten_assignment_members_have_their_titles(demo, name, title, role, representing):
    membership = Membership.objects.get(body__name=ASSIGNMENT, person__name=name)
    assert membership.person.title == title
    assert membership.role == role
    assert getattr(membership.representing, "name", None) == representing


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


# --- Nothing the seeds do not state ---------------------------------------------------

# The short codes the seeds write: 000 in its case numbers ("HSN 2020/247, SON 2020/148",
# "RS 2013/460"), 002 "Länssamverkansgruppen (LSG)", 003 names SVOM and L-IFO only by their
# codes, 004 "Styrgruppen Skånegemensam digitalisering (SGD)".
STATED_SHORT_CODES = {
    "gotland-hsn": "HSN",
    "gotland-son": "SON",
    "gotland-rs": "RS",
    "vasterbotten-lsg": "LSG",
    "jamtland-svom": "SVOM",
    "jamtland-l-ifo": "L-IFO",
    "skane-sgd": "SGD",
}


def test_a_body_has_a_short_code_only_where_a_seed_writes_it(demo):
    coded = Body.objects.exclude(short_code="")
    assert dict(coded.values_list("slug", "short_code")) == STATED_SHORT_CODES


@pytest.mark.parametrize(
    "slug",
    ["vasterbotten-rf", "vasterbotten-rs", "vasterbotten-hsn", "vasterbotten-run", "skane-hsn"],
)
def test_bodies_whose_code_no_seed_writes_have_none(demo, slug):
    assert Body.objects.get(slug=slug).short_code == ""


def test_no_seed_gives_topics_so_there_are_none(demo):
    assert not Topic.objects.exists()
    assert not Agreement.objects.filter(topics__isnull=False).exists()


def test_gotland_department_is_named_as_the_memo_writes_it(demo):
    # 000: "Hälsa- och sjukvårdsförvaltningen" (signature), the only spelling it has.
    names = Department.objects.filter(organisation__slug="region-gotland").values_list(
        "name", flat=True
    )
    assert set(names) == {"Hälsa- och sjukvårdsförvaltningen", "Socialförvaltningen"}


def test_lsg_has_only_the_principal_002_names(demo):
    # "LSG utsåg representation från kommunerna": which municipalities is not written.
    lsg = Body.objects.get(slug="vasterbotten-lsg")
    assert list(lsg.organisations.values_list("name", flat=True)) == ["Region Västerbotten"]


def test_demo_reports_are_issued_without_an_invented_moment(demo):
    gotland = BoardReport.objects.get(organisation__slug="region-gotland")
    vasterbotten = BoardReport.objects.get(organisation__slug="region-vasterbotten")
    assert gotland.is_issued and vasterbotten.is_issued
    # 000: "Tjänsteskrivelse … daterad 2024-08-22"; 002 gives no date.
    assert gotland.date == date(2024, 8, 22)
    assert vasterbotten.date is None
    # Neither says when it was dispatched: not the day the demo was loaded.
    assert gotland.issued_at is None and vasterbotten.issued_at is None


def test_issued_demo_report_page_says_the_moment_is_not_given(demo, client):
    report = BoardReport.objects.get(organisation__slug="region-gotland")
    content = client.get(report.get_absolute_url()).content.decode()
    assert "Expedierad, tidpunkt ej angiven." in content


# The section headings of the memos as they stand, in order: the issued PDF's outline (its
# bookmarks, which leave out the title and "Mottagare", the memo's first lines).
GOTLAND_HEADINGS = [
    "Förslag till beslut",
    "Sammanfattning",
    "Ärendebeskrivning",
    # The subject section: the memo's list "Ramverket är tänkt att ersätta flera av våra
    # nuvarande överenskommelser:" as the register holds it.
    "Ramverket och överenskommelserna",
    "Överenskommelser som ramverket ska ersätta",
    "Bedömning",
    "Beslutsunderlag",
]
VASTERBOTTEN_HEADINGS = [
    "Förslag till beslut",
    "Sammanfattning",
    "Bedömda resultat och konsekvenser",
    "Resurser och finansiering",
    "Jämställdhet",
    "Beredningsansvariga",
    "Beslutet expedieras till",
    "Beslutsunderlag",
]


@pytest.mark.parametrize(
    ("organisation", "headings"),
    [("region-gotland", GOTLAND_HEADINGS), ("region-vasterbotten", VASTERBOTTEN_HEADINGS)],
    ids=["000", "002"],
)
def test_an_issued_demo_report_holds_only_the_sections_its_memo_has(demo, organisation, headings):
    report = BoardReport.objects.get(organisation__slug=organisation)
    assert outline_titles(report.pdf.read()) == headings


def test_vasterbotten_report_keeps_its_recommendations_in_its_summary(demo):
    report = BoardReport.objects.get(organisation__slug="region-vasterbotten")
    assert report.case_description == "" and report.assessment == ""
    assert "Samverkansstruktur: En kartläggning visar" in report.summary
    assert "behöver beredas under 2025 för att träda i kraft 2026." in report.summary
    assert "De rekommenderade inriktningarna och åtgärderna bedöms stödja" in report.summary


# --- 001: Region Kalmar län's joint work process ----------------------------------------

KALMAR_PLAN = "kalmar-gemensam-plan-primarvard"


def test_kalmar_joint_plan_is_a_draft_framework_of_the_region_and_its_municipalities(demo):
    plan = Framework.objects.get(slug=KALMAR_PLAN)
    assert plan.title == "Gemensam plan för primärvården i länet"
    assert plan.status == Status.DRAFT
    # "Länets kommuner och regionen kommer att behöva gemensamt bidra …"
    assert set(plan.parties.values_list("name", flat=True)) == KALMAR_MUNICIPALITIES | {
        "Region Kalmar län"
    }
    assert not plan.replaces.exists() and not plan.covers.exists()


@pytest.mark.parametrize(
    "quote",
    [
        "Riksdagen beslutade om ny definition av nationellt primärvårdsuppdrag den 18 nov 2020 "
        "”Inriktningen för en nära och tillgänglig vård – en primärvårdsreform”.",
        "Den kommunala hälso- och sjukvården (inklusive hemsjukvård) är primärvårdsbaserad.",
        "Nationellt primärvårdsuppdrag gäller från 1 juli 2021.",
        "Av hälso- och sjukvårdslagen 2 kap. 6§ följer:",
        "- Möjliggöra medverkan vid genomförande av forskningsarbete",
        "En gemensam plan för primärvården ska tillförsäkra invånare en likvärdig tillgång till "
        "primärvården och alla dess kompetenser.",
        "ta höjd för kommande samsjuklighetsutredning",
        "### Viktiga förutsättningar för arbetet framåt",
        "#### Kartläggning och analys",
        "Såväl ekonomiska som kvalitetsmässiga konsekvenser ska belysas.",
        "såsom t.ex. hemsjukvårdsavtalet och överenskommelsen om barn- och unga",
        "regelbundna avstämningar mellan såväl förtroendevalda som tjänstepersoner",
    ],
)
def test_kalmar_joint_plan_quotes_the_context_seed_001_gives(demo, quote):
    assert quote in Framework.objects.get(slug=KALMAR_PLAN).summary


def test_kalmar_joint_plan_goals_are_the_national_goals(demo):
    goals = Framework.objects.get(slug=KALMAR_PLAN).goals
    assert goals.startswith("Nationell målbild:")
    assert "- Hälso- och sjukvården bör ställa om så att primärvården är navet i vården" in goals
    assert "patienten får en god, nära och samordnad vård som stärker hälsan" in goals
    assert "en effektivare användning av hälso- och sjukvårdens resurser" in goals


def test_kalmar_ledning_carries_its_strengthening_and_the_support_functions(demo):
    mandate = Body.objects.get(slug="kalmar-lansgemensam-ledning").mandate
    assert mandate.startswith("Det finns sedan tidigare en beslutad gemensam ledning")
    assert (
        "Länsgemensam ledning behöver förstärkas för att säkra resurser och förankring" in mandate
    )
    assert "bidra med stödfunktioner inom ekonomi, juridik, analys, HR, kommunikation mm" in mandate
    presidium = Body.objects.get(slug="kalmar-gemensamt-presidium").mandate
    assert "Presidier förstärks" in presidium


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
