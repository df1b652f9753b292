"""Importing a plan from Word, from the seeds' text: read into a tree (in the ways people
write it), created as a draft, all or nothing."""

import pytest
from django.core.exceptions import ValidationError

from core import periods
from core.models import SearchEntry
from plans.imports.parsing import parse
from plans.imports.services import plan_import
from plans.imports.words import find_period
from plans.models import Activity, FollowUp, Initiative, Milestone, Plan, Section
from tests import factories
from tests.plans.plan_documents import jamtland_docx, skane_docx

SKANE_AREAS = [
    "Personcentrerat arbets-och förhållningssätt",
    "Förebyggande och hälsofrämjande insatser",
    "Kompetenssamverkan",
    "Gemensamma digitala lösningar",
    "Barn och ungas hälsa",
    "Rehabilitering",
]


def _shape(draft):
    return [
        (s.number, s.title, [i.letter for i in s.initiatives], {k: len(v) for k, v in s.items()})
        for s in draft.sections
    ]


VARIANTS = {
    "as-written": {},
    "heading-styles": {"headings": True},
    "blocks-as-table-rows": {"tables": "rows"},
    "blocks-as-table-columns": {"tables": "columns"},
    "blank-lines": {"blank_lines": True},
    "other-numbering": {"numbering": "omrade"},
}


@pytest.mark.parametrize("variant", VARIANTS.values(), ids=VARIANTS.keys())
def test_skane_plan_reads_the_same_however_it_is_written(variant):
    draft = parse(skane_docx(**variant))

    assert draft.title.startswith("Aktivitets- och tidplan avseende god och nära vård")
    assert (draft.kind, str(draft.document_date), draft.period_text) == (
        Plan.Kind.ACTIVITY_AND_TIME_PLAN, "2022-02-22", "2022–2025",
    )  # fmt: skip
    assert [s.title for s in draft.sections] == SKANE_AREAS
    # 1 a–d, 2 a–b, 3 a–b, 5 a–c; areas 4 and 6 carry their blocks directly.
    assert [[i.letter for i in s.initiatives] for s in draft.sections] == [
        ["a", "b", "c", "d"], ["a", "b"], ["a", "b"], [], ["a", "b", "c"], [],
    ]  # fmt: skip
    assert _shape(draft) == _shape(parse(skane_docx()))
    counts = draft.counts()
    assert (counts["sections"], counts["initiatives"]) == (6, 11)


def test_skane_blocks_items_and_time_words():
    draft = parse(skane_docx())
    area_1 = draft.sections[0]
    c = area_1.initiatives[2]

    assert c.title.startswith("Etablera en jämlik läkarmedverkan")
    assert [m.period_text for m in c.milestones] == ["Q2 2022", "Q3 2022", "2023-01-01"]
    assert [f.period_text for f in c.follow_ups] == ["2022-06-01", "Q3 2022", "Q4 2023"]
    assert c.responsibility_text.startswith("Underlag för avtal tas fram i samverkan.")
    a = area_1.initiatives[0]
    assert [m.period_text for m in a.milestones] == ["fr o m hösten 2022", "vid utgången av 2025"]
    assert a.milestones[0].period.start.isoformat() == "2022-08-01"
    area_4 = draft.sections[3]
    assert [m.period_text for m in area_4.milestones] == ["under Q1 2022", "Q1/Q2 2022", "årligen"]
    # The paragraph after area 4's bullets belongs to the second activity, as its note.
    assert area_4.activities[1].note.startswith("Det kommande verksamhetsårets handlingsplan")
    # The preamble keeps "Stegvis utveckling" and its numbered list: not areas.
    assert "1. Genomförande av hälso- och sjukvårdsavtalet" in draft.preamble_markdown


def test_what_is_not_understood_is_listed_with_its_place():
    draft = parse(skane_docx())

    places = {p.text: p for p in draft.problems}
    problem = places["Inkludering fler kommuner och verksamheter pågår kontinuerligt."]
    assert problem.place.startswith("stycke ")
    assert "Ingen tid som portalen förstår" in problem.reason


def test_table_rows_the_parser_cannot_place_are_listed():
    import docx

    document = docx.Document()
    document.add_paragraph("Handlingsplan för test 2024")
    document.add_paragraph("1. Ett område")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["x", "y", "z", "w"], strict=True):
        cell.text = text
    draft = parse(_save(document))

    assert [(p.place, p.text) for p in draft.problems] == [("tabell 1, rad 1", "x | y | z | w")]
    assert draft.kind == Plan.Kind.ACTION_PLAN


def _save(document) -> bytes:
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_jamtland_project_plan_phases_and_dated_rows():
    draft = parse(jamtland_docx())

    assert draft.kind == Plan.Kind.PROJECT_PLAN
    assert draft.period_text == "2021-01-19 till 2021-12-03"
    assert [(s.label, s.title) for s in draft.sections] == [
        ("FAS 1", "Utbildning"),
        ("FAS 2", "Påbörja gemensam plan"),
        ("FAS 3", "Medborgardialog"),
        ("FAS 4", "Slutföra gemensam plan"),
    ]
    assert [len(s.activities) for s in draft.sections] == [7, 6, 7, 5]
    first = draft.sections[0].activities[0]
    assert (first.period_text, first.text) == (
        "2021-01-19/20",
        "Webinar: Förmöte Gemensam utbildning tjänstepersoner och förtroendevalda (SKR)",
    )
    assert first.period.end.isoformat() == "2021-01-20"
    assert draft.sections[0].activities[2].note.startswith("Lokala samverkansgrupper får i uppdrag")
    assert "### Bakgrund" in draft.preamble_markdown
    assert draft.problems == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Utbildningsinsatser genomförs fortlöpande fr o m hösten 2022", "fr o m hösten 2022"),
        (
            "Teambaserat arbetssätt ska vid utgången av år 2025 vara implementerat",
            "vid utgången av år 2025",
        ),
        ("Nytt ramavtal börjar gälla 2023-01-01.", "2023-01-01"),
        ("Utvärdering av projektet ska vara klar februari/mars 2022.", "februari/mars 2022"),
        ("Handlingsplan och budget revideras årligen.", "årligen"),
        ("Inkludering fler kommuner och verksamheter pågår kontinuerligt.", ""),
    ],
)
def test_time_words_are_found_by_the_period_parser(text, words):
    assert find_period(text) == words
    assert not words or periods.parse(words).is_understood


def test_documents_that_hold_no_plan_are_refused():
    import docx

    document = docx.Document()
    document.add_paragraph("Minnesanteckningar")
    document.add_paragraph("Inget här är en plan.")
    with pytest.raises(ValidationError, match="inga numrerade områden"):
        parse(_save(document))
    with pytest.raises(ValidationError, match="Word-dokument"):
        parse(b"PK\x03\x04 broken")


def test_import_creates_the_whole_draft_with_responsible_bodies(db, strategist):
    central = factories.BodyFactory(name="Central tjänstemannaberedning")
    vardsamverkan = factories.BodyFactory(name="Vårdsamverkan Skåne")
    draft = parse(skane_docx(), bodies=[central, vardsamverkan])

    plan = plan_import(draft=draft, file_name="skane.docx", user=strategist)

    assert plan.status == Plan.Status.DRAFT
    assert list(plan.editors.all()) == [strategist]
    assert plan.history.earliest().history_change_reason == "Importerad från skane.docx"
    assert plan.period.start.isoformat() == "2022-01-01"
    assert Section.objects.filter(plan=plan).count() == 6
    assert Initiative.objects.filter(section__plan=plan).count() == 11
    counts = draft.counts()
    assert Activity.objects.filter(section__plan=plan).count() == counts["activities"]
    assert Milestone.objects.filter(section__plan=plan).count() == counts["milestones"]
    assert FollowUp.objects.filter(section__plan=plan).count() == counts["follow_ups"]
    assert SearchEntry.objects.filter(object_id=plan.pk, title=plan.title).exists()
    d = Initiative.objects.get(section__plan=plan, section__number=1, letter="d")
    assert set(d.responsible_bodies.all()) == {central, vardsamverkan}
    milestone = Milestone.objects.get(initiative=d)
    assert (milestone.period_text, milestone.period_start.isoformat()) == (
        "hösten 2022",
        "2022-08-01",
    )


def test_import_is_all_or_nothing(db, strategist):
    draft = parse(skane_docx())
    draft.sections[4].initiatives[1].milestones[0].text = ""  # a row the model refuses

    with pytest.raises(ValidationError, match="ingenting har sparats"):
        plan_import(draft=draft, file_name="skane.docx", user=strategist)

    assert not Plan.objects.exists()
    assert not Section.objects.exists()
    assert not Plan.history.exists()
