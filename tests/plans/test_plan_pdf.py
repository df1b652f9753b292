"""The plan as a PDF: the whole Skåne plan from the demo data, read back page by page, and
the download: visibility, storage, a new document when the plan changes."""

import io
import re
from datetime import date
from io import StringIO
from types import SimpleNamespace

import pypdf
import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from plans import pdf as plan_pdfs
from plans import queries
from plans.models import Plan
from plans.services import plan_adopt
from tests import factories
from tests.pdf_checks import (
    assert_archival,
    fonts_not_embedded,
    metadata_stream_dict,
    outline_titles,
    page_texts,
    recorded_renders,
    xmp_of,
)
from tests.worker import download

pytestmark = pytest.mark.django_db

SKANE = "skane-aktivitets-och-tidplan-2022-2025"
PRINTED = date(2024, 3, 1)


@pytest.fixture(scope="module")
def skane(django_db_setup, django_db_blocker):
    """The Skåne plan's PDF, rendered once for the module from the demo data (rolled back)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        plan = Plan.objects.select_related("owner_body").get(slug=SKANE)
        tree = queries.plan_tree(plan)
        facts = SimpleNamespace(
            title=plan.title,
            owner=plan.owner_body.name,
            sections=[
                f"{plan.section_label} {node.section.number}. {node.section.title}"
                for node in tree.sections
            ],
            initiatives=[
                f"{node.initiative.letter}) {node.initiative.title}" for node in tree.initiatives
            ],
            # Each area, then its initiatives: how the bookmarks should nest and follow.
            outline=[
                title
                for node in tree.sections
                for title in [
                    f"{plan.section_label} {node.section.number}. {node.section.title}",
                    *(f"{i.initiative.letter}) {i.initiative.title}" for i in node.initiatives),
                ]
            ],
            pdf=plan_pdfs.render_plan_pdf(plan, base_url="http://testserver/", today=PRINTED),
        )
        transaction.set_rollback(True)
    facts.pages = page_texts(facts.pdf)
    facts.reader = pypdf.PdfReader(io.BytesIO(facts.pdf))
    return facts


def test_the_skane_plan_pdf_passes_the_pdfa_2a_validator(skane):
    assert_archival(skane.pdf)


def test_the_skane_plan_pdf_is_a4_and_numbered_sida_n_av_m(skane):
    count = len(skane.pages)
    assert count > 10
    box = skane.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert f"Sida 1 av {count}" in skane.pages[0]
    assert f"Sida {count} av {count}" in skane.pages[-1]


def test_the_cover_names_the_plan_and_who_owns_it(skane):
    cover = skane.pages[0]
    assert skane.title in cover
    assert skane.owner in cover
    # Seed 004 states no adoption: its owner published it on its date.
    assert "Senaste version Version 1: Publicerad 2022-02-22" in cover


def test_every_section_and_initiative_is_in_the_text_in_plan_order(skane):
    # From the first area's page: before it, the contents and the status table list them too.
    first = next(i for i, text in enumerate(skane.pages) if i > 1 and skane.sections[0] in text)
    body = " ".join(skane.pages[first:])
    position = 0
    for heading in [*skane.outline, "Tidslinje", "Bilaga: Ändringar sedan senaste version"]:
        found = body.find(heading, position)
        assert found >= 0, f"{heading!r} saknas eller står i fel ordning"
        position = found


def test_bookmarks_follow_the_sections_and_initiatives(skane):
    titles = outline_titles(skane.pdf)
    assert [t for t in titles if t in set(skane.outline)] == skane.outline
    assert {"Innehåll", "Tidslinje", "Bilaga: Ändringar sedan senaste version"} <= set(titles)


def test_initiatives_are_bookmarked_under_their_area(skane):
    top_level = [item for item in skane.reader.outline if not isinstance(item, list)]
    nested = [item for item in skane.reader.outline if isinstance(item, list)]
    assert {item.title for item in top_level} >= set(skane.sections)
    assert {item.title for group in nested for item in group} >= set(skane.initiatives)


def test_the_contents_give_the_page_each_section_starts_on(skane):
    contents = skane.pages[1]
    assert "Innehåll" in contents
    for item in skane.reader.outline:
        if isinstance(item, list) or item.title not in skane.sections:
            continue
        page_number = skane.reader.get_destination_page_number(item) + 1
        assert re.search(re.escape(item.title) + r"[ .]*" + str(page_number) + r"\b", contents), (
            f"{item.title} ska stå med sidan {page_number} i innehållsförteckningen"
        )
        assert item.title in skane.pages[page_number - 1]


def test_statuses_timeline_and_appendix_are_included(skane):
    text = " ".join(skane.pages)
    assert "Status för insatserna" in text
    assert "Ingen status" in text
    assert "Punkt och tid" in text  # the timeline's table
    assert "Q1 2022" in text
    assert "Jämfört med version 1 (Publicerad 2022-02-22)" in text
    assert "Inga ändringar sedan den versionen." in text


def test_the_running_header_repeats_owner_and_title(skane):
    for text in skane.pages[1:]:
        assert skane.owner in text
        assert skane.title in text


def test_metadata_title_author_subject_and_language(skane):
    meta = skane.reader.metadata
    assert meta.title == skane.title
    assert meta.author == skane.owner
    assert meta.subject == "Aktivitets- och tidplan 2022–2025"
    assert skane.reader.trailer["/Root"]["/Lang"] == "sv"


def test_xmp_says_pdfa_2a_and_is_stored_uncompressed(skane):
    xmp = xmp_of(skane.pdf)
    assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "A")
    assert xmp["dc:language"] == {"sv"}
    assert "/Filter" not in metadata_stream_dict(skane.pdf)


def test_the_pdf_is_tagged_and_its_fonts_embedded(skane):
    root = skane.reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert "/Outlines" in root
    assert fonts_not_embedded(skane.pdf) == []


# --- the download ----------------------------------------------------------------------


@pytest.fixture
def renders(monkeypatch):
    return recorded_renders(monkeypatch, plan_pdfs)


def _pdf_url(plan):
    return reverse("plans:plan_pdf", args=[plan.slug])


def test_the_pdf_is_served_inline_and_valid(client, plan_with_tree, media, renders):
    response = download(client, _pdf_url(plan_with_tree["plan"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="skane-test.pdf"'
    assert_archival(response.content)
    text = " ".join(page_texts(response.content))
    assert "a) Patientkontrakt och SIP" in text
    assert "b) Teambaserad vårdform" in text


def test_a_second_download_is_served_from_storage(client, plan_with_tree, media, renders):
    url = _pdf_url(plan_with_tree["plan"])
    first = download(client, url).content
    second = download(client, url).content
    assert second == first
    assert len(renders) == 1
    assert list((media / "pdf").glob("*.pdf"))


def test_a_change_to_the_plan_gives_a_new_pdf(client, plan_with_tree, media, renders):
    url = _pdf_url(plan_with_tree["plan"])
    first = download(client, url).content
    team = plan_with_tree["team"]
    team.title = "Teambaserad vårdform i hela länet"
    team.save()
    second = download(client, url).content
    assert len(renders) == 2
    assert second != first
    assert "b) Teambaserad vårdform i hela länet" in " ".join(page_texts(second))


def test_a_status_update_gives_a_new_pdf(client, plan_with_tree, media, renders):
    url = _pdf_url(plan_with_tree["plan"])
    download(client, url)
    factories.StatusUpdateFactory(initiative=plan_with_tree["sip"], status="at_risk")
    text = " ".join(page_texts(download(client, url).content))
    assert len(renders) == 2
    assert "Risk för försening" in text


def test_the_appendix_lists_changes_since_the_adopted_version(client, plan_with_tree, ctb, media):
    plan = plan_with_tree["plan"]
    user = factories.ActingUserFactory()
    plan_adopt(user=user, plan=plan, body=ctb, case_number="CTB 2022/7")
    unchanged = " ".join(page_texts(download(client, _pdf_url(plan)).content))
    assert "Inga ändringar sedan den versionen." in unchanged
    assert "Dnr CTB 2022/7" in unchanged  # the cover and the running header

    factories.InitiativeFactory(section=plan_with_tree["area1"], letter="c", title="Ny insats")
    content = download(client, _pdf_url(plan)).content
    assert_archival(content)
    changed = " ".join(page_texts(content))
    assert "Tillagt (1)" in changed
    assert "1c) Ny insats" in changed


def test_anonymous_visitors_are_sent_to_log_in_for_a_draft_plan(client, db, media, renders):
    plan = factories.DraftPlanFactory()
    response = download(client, _pdf_url(plan))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert renders == []


def test_readers_get_a_draft_plan(client, reader, media):
    plan = factories.DraftPlanFactory()
    factories.SectionFactory(plan=plan, title="Utkastets område")
    client.force_login(reader)
    response = download(client, _pdf_url(plan))
    assert response.status_code == 200
    assert_archival(response.content)
    assert "Utkastets område" in " ".join(page_texts(response.content))


def test_a_logged_in_user_without_a_role_may_not_read_a_draft(client, db, media):
    client.force_login(factories.UserFactory())
    assert client.get(_pdf_url(factories.DraftPlanFactory())).status_code == 403


def test_an_unknown_plan_is_404(client, db):
    assert client.get(reverse("plans:plan_pdf", args=["finns-inte"])).status_code == 404


def test_the_plan_page_links_the_pdf(client, plan_with_tree):
    plan = plan_with_tree["plan"]
    response = client.get(plan.get_absolute_url())
    assert f'href="{_pdf_url(plan)}"'.encode() in response.content
