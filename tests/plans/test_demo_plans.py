"""The demo plans: seed 004 (Skåne) and seed 003 (Jämtland) whole, as `load_demo` loads them."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from core.periods import Precision
from plans.models import Activity, FollowUp, Initiative, Milestone, Plan, Section
from tests.demo import load_demo

pytestmark = pytest.mark.django_db

SKANE = "skane-aktivitets-och-tidplan-2022-2025"
JAMTLAND = "jamtland-projektplan-gemensam-plan"
CTB = "skane-central-tjanstemannaberedning"

# The letters written in 004. seeds/README.md speaks of 13 initiatives; the document has 11.
SKANE_INITIATIVES = {1: "abcd", 2: "ab", 3: "ab", 4: "", 5: "abc", 6: ""}

# Every dated row of the project plan's four phases in 003, in order: (date column, start).
JAMTLAND_ROWS = {
    1: ["2021-01-19/20", "2021-01-28", "2021-01-29", "2021-02-10/17", "2021-02-26",
        "2021-03-10", "2021-03-22"],
    2: ["2021-04-14/21", "2021-05-05", "2021-05-19/26", "2021-05-20", "2021-05-21",
        "2021-06-04"],
    3: ["2021-06-01 – 2021-08-31", "2021-09-01 – 2021-09-07", "2021-09-08 – 2021-09-12",
        "2021-09-13", "2021-09-23", "2021-09-24", "2021-10-08"],
    4: ["2021-10-01 – 2021-10-31", "2021-11-19", "2021-12-03", "2021-12-03 – 2021-12-31",
        "2022-01-01"],
}  # fmt: skip


def items(model, slug: str, **filters):
    return model.objects.filter(section__plan__slug=slug, **filters)


def initiative(slug: str, number: int, letter: str) -> Initiative:
    return Initiative.objects.get(section__plan__slug=slug, section__number=number, letter=letter)


# --- both plans -------------------------------------------------------------------------


# Neither seed states an adoption: each plan is published, not adopted.
@pytest.mark.parametrize(
    ("slug", "kind", "period"),
    [
        pytest.param(
            SKANE, Plan.Kind.ACTIVITY_AND_TIME_PLAN, (date(2022, 1, 1), date(2025, 12, 31)),
            id="skane-004",
        ),
        pytest.param(
            JAMTLAND, Plan.Kind.PROJECT_PLAN, (date(2021, 1, 19), date(2021, 12, 3)),
            id="jamtland-003",
        ),
    ],
)  # fmt: skip
def test_each_demo_plan_is_published_with_its_kind_and_period(demo, slug, kind, period):
    plan = Plan.objects.get(slug=slug)
    assert plan.kind == kind
    assert plan.status == Plan.Status.PUBLISHED
    assert (plan.period_start, plan.period_end) == period


# --- Skåne: aktivitets- och tidplan 2022–2025 (004) -------------------------------------


def test_skane_plan_is_published_on_its_date_for_all_34_principals(demo):
    plan = Plan.objects.get(slug=SKANE)
    # 004 is dated: published by its owner on its date.
    assert plan.public_version.name == "Publicerad 2022-02-22"
    assert plan.public_version.decision is None
    assert plan.document_date == date(2022, 2, 22)
    assert plan.parties.count() == 34
    assert plan.owner_body.slug == "skane-vardsamverkan"
    assert "### MÖT PERSONEN DÄR DEN ÄR" in plan.preamble
    assert "### Stegvis utveckling" in plan.preamble
    assert "3. Helt nya satsningar i samverkan" in plan.preamble


def test_skane_has_six_areas_with_the_initiatives_the_document_letters(demo):
    sections = Section.objects.filter(plan__slug=SKANE)
    assert list(sections.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]
    for section in sections:
        letters = "".join(section.initiatives.values_list("letter", flat=True))
        assert letters == SKANE_INITIATIVES[section.number], section
    assert Initiative.objects.filter(section__plan__slug=SKANE).count() == 11


@pytest.mark.parametrize("number", [4, 6])
def test_areas_without_initiatives_hold_their_items_and_responsibility(demo, number):
    section = Section.objects.get(plan__slug=SKANE, number=number)
    assert not section.initiatives.exists()
    for model in (Activity, Milestone, FollowUp):
        rows = model.objects.filter(section=section)
        assert rows.exists(), model
        assert not rows.filter(initiative__isnull=False).exists()
    assert section.responsibility_text
    assert CTB in set(section.responsible_bodies.values_list("slug", flat=True))


def test_skane_counts_every_item_of_the_document(demo):
    assert items(Activity, SKANE).count() == 34
    assert items(Milestone, SKANE).count() == 28
    # 22 follow-up bullets/paragraphs; two of them name two dates and are one row per date.
    assert items(FollowUp, SKANE).count() == 24


@pytest.mark.parametrize("model", [Milestone, FollowUp], ids=["milestone", "follow_up"])
def test_every_stated_time_is_understood(demo, model):
    not_understood = [
        row.period_text
        for row in model.objects.exclude(period_text="")
        if not row.period.is_understood
    ]
    assert not_understood == []


def test_every_skane_time_word_is_quoted_from_its_item(demo):
    for model in (Milestone, FollowUp):
        for row in items(model, SKANE).exclude(period_text=""):
            words = row.period_text.removeprefix("under ")
            assert words in row.text, row


def test_lakarmedverkan_proposal_is_due_by_the_end_of_q2_2022(demo):
    milestone = items(Milestone, SKANE, initiative=initiative(SKANE, 1, "c")).first()
    assert milestone.text == "Förslag till nytt ramavtal för läkarstöd ska vara framtaget Q2 2022."
    assert milestone.period_text == "Q2 2022"
    assert (milestone.period_start, milestone.period_end) == (date(2022, 4, 1), date(2022, 6, 30))
    assert milestone.period_precision == Precision.QUARTER


def test_lakarmedverkan_process_is_followed_up_on_2022_06_01(demo):
    follow_up = items(FollowUp, SKANE, initiative=initiative(SKANE, 1, "c")).first()
    assert follow_up.text == "Processen för ett nytt ramavtal följs upp 2022-06-01"
    assert follow_up.period_end == date(2022, 6, 1)
    # The bullet names no body: none is invented.
    assert follow_up.reported_to is None


def test_a_follow_up_with_two_dates_is_one_row_per_date_reported_to_ctb(demo):
    rows = items(FollowUp, SKANE, initiative=initiative(SKANE, 2, "b"))
    assert [(r.period_end, r.reported_to.slug) for r in rows] == [
        (date(2022, 6, 30), CTB),
        (date(2022, 12, 31), CTB),
    ]
    assert len({r.text for r in rows}) == 1


@pytest.mark.parametrize(
    ("number", "letter", "text_start", "period_text", "end"),
    [
        (1, "a", "Utbildningsinsatser genomförs fortlöpande", "fr o m hösten 2022", None),
        (1, "a", "De skånska uppföljningsmodulen", "vid utgången av 2025", date(2025, 12, 31)),
        (1, "b", "Teambaserat arbetssätt", "vid utgången av år 2025", date(2025, 12, 31)),
        (3, "b", "Arbetet inom plattformen", "under våren 2023", date(2023, 6, 30)),
        (4, "", "Strategi och handlingsplan", "Q1/Q2 2022", date(2022, 6, 30)),
        (5, "a", "Utvärdering av projektet", "februari/mars 2022", date(2022, 3, 31)),
    ],
)
def test_milestone_time_words(demo, number, letter, text_start, period_text, end):
    filters = {"section__number": number, "text__startswith": text_start}
    filters["initiative"] = initiative(SKANE, number, letter) if letter else None
    milestone = items(Milestone, SKANE, **filters).get()
    assert milestone.period_text == period_text
    assert milestone.period.is_understood
    assert milestone.period_end == end


def test_yearly_follow_ups_are_recurring(demo):
    yearly = items(FollowUp, SKANE, period_text="årligen")
    assert yearly.count() == 4
    assert all(row.period_recurring for row in yearly)


def test_a_time_word_the_parser_does_not_know_is_left_out(demo):
    milestone = items(Milestone, SKANE, text__contains="pågår kontinuerligt").get()
    assert milestone.period_text == ""


def test_ansvar_is_kept_as_written_and_its_bodies_linked(demo):
    team = initiative(SKANE, 1, "b")
    assert team.responsibility_text == (
        "Delregionala tjänstemannaberedningar rapporterar till Central "
        "tjänstemannaberedning, Vårdsamverkan Skåne."
    )
    assert set(team.responsible_bodies.values_list("slug", flat=True)) == {
        "skane-delregionala-tjanstemannaberedningar",
        CTB,
        "skane-vardsamverkan",
    }
    digital = Section.objects.get(plan__slug=SKANE, number=4)
    assert set(digital.responsible_bodies.values_list("short_code", flat=True)) >= {"SGD"}


def test_initiative_titles_are_written_without_their_letter(demo):
    assert initiative(SKANE, 1, "a").title == "Patientkontrakt och Samordnad individuell plan, SIP"
    assert initiative(SKANE, 5, "b").title == "Tidiga och samordnade insatser (TSI- Skåne)"
    assert initiative(SKANE, 1, "b").description.startswith(
        "(Området hanteras tillsammans med områdena c) och d) nedan)"
    )


# --- Jämtland: projektplan (003) --------------------------------------------------------


def test_jamtland_project_plan_is_recommended_by_svom(demo):
    plan = Plan.objects.get(slug=JAMTLAND)
    # SVOM "beslutat att rekommendera": a recommendation, not an adoption.
    assert plan.public_version.label == "Rekommenderad av SVOM"
    assert plan.public_version.date is None
    assert plan.owner_body.short_code == "SVOM"
    assert list(plan.parties.values_list("slug", flat=True)) == ["region-jamtland-harjedalen"]
    for heading in ("Bakgrund", "Uppdrag", "Mål (SMART)", "Syfte, effektmål", "Resurser"):
        assert f"### {heading}\n" in plan.preamble
    assert "<" not in plan.preamble  # the HTML of the table cells is Markdown now


def test_jamtland_has_four_phases_and_every_dated_row(demo):
    sections = Section.objects.filter(plan__slug=JAMTLAND)
    assert list(sections.values_list("title", flat=True)) == [
        "Utbildning",
        "Påbörja gemensam plan",
        "Medborgardialog",
        "Slutföra gemensam plan",
    ]
    for section in sections:
        activities = Activity.objects.filter(section=section).order_by("position")
        assert [a.period_text for a in activities] == JAMTLAND_ROWS[section.number]
        assert all(a.period.is_understood and a.period_start for a in activities)
    assert not Initiative.objects.filter(section__plan__slug=JAMTLAND).exists()


def test_jamtland_date_shorthands_and_ranges(demo):
    def activity(period_text):
        return items(Activity, JAMTLAND, period_text=period_text).get()

    webinar = activity("2021-01-19/20")
    assert (webinar.period_start, webinar.period_end) == (date(2021, 1, 19), date(2021, 1, 20))
    dialog = activity("2021-06-01 – 2021-08-31")
    assert (dialog.period_start, dialog.period_end) == (date(2021, 6, 1), date(2021, 8, 31))
    assert dialog.section.number == 3


def test_jamtland_italic_notes_are_kept_as_markdown_emphasis(demo):
    seminar = items(Activity, JAMTLAND, period_text="2021-02-10/17").get()
    assert seminar.text == 'Seminarium "Att formera oss" (SKR)'
    assert seminar.note == (
        "*Arbete med hemuppgift i lokala samverkansgrupper - avstämning med "
        "projektledare/referensgrupper*"
    )


# --- Loading again ----------------------------------------------------------------------


def test_plan_history_is_recorded_as_demo_data(demo):
    version = Plan.objects.get(slug=SKANE).history.earliest()
    assert version.history_change_reason == "Demodata"
    assert version.history_user is None


def test_a_run_restores_a_changed_item_with_one_new_version(demo):
    milestone = items(Milestone, SKANE, period_text="Q2 2022").get()
    milestone.text = "Ändrad"
    milestone.save()
    versions = milestone.history.count()
    load_demo()
    milestone.refresh_from_db()
    assert milestone.text.startswith("Förslag till nytt ramavtal")
    assert milestone.history.count() == versions + 1


def test_a_wrong_reference_in_a_nested_row_names_that_row_and_loads_nothing(db, tmp_path):
    fixtures = Path(settings.BASE_DIR) / "fixtures"
    for name in ("governance.toml", "agreements.toml"):
        (tmp_path / name).write_text((fixtures / name).read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "plans.toml").write_text(
        '[[plans]]\nslug = "x"\ntitle = "X"\nkind = "project_plan"\n'
        '[[plans.sections]]\nnumber = 1\ntitle = "Fas"\n'
        'follow_ups = [{ text = "Rapport", reported_to = "finns-inte" }]\n',
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match=r"follow_ups .*'Rapport'.*does not exist"):
        call_command("load_demo", dir=tmp_path)
    assert not Plan.objects.filter(slug="x").exists()
