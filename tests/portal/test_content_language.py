"""Swedish content on English pages (WCAG 3.1.2, language of parts): what the portal holds
(titles, plan texts, body and organisation names, decisions, reports) is written in Swedish
and shown as written, so an English page marks it lang="sv" and a screen reader reads it as
Swedish, while the interface around it stays English. A Swedish page carries no such marks."""

import io
import re

import pypdf
import pytest
from django.template import Context, Template
from django.utils import translation

from core.periods import parse
from governance.models import BoardReport, Body
from plans import pdf as plan_pdfs
from plans.services import plan_publish, plan_update
from tests import factories
from tests.content_language import languages_of
from tests.pdf_checks import assert_archival, recorded_renders
from tests.worker import download

SKANE = "/planer/skane-aktivitets-och-tidplan-2022-2025/"
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load core %}" + source).render(Context(context))


class TestTheMarks:
    def test_an_element_holding_content_gets_the_attribute_on_an_english_page_only(self):
        source = "<td{% content_lang %}>{{ title }}</td>"
        assert render(source, "en", title="Avtal") == '<td lang="sv">Avtal</td>'
        assert render(source, "sv", title="Avtal") == "<td>Avtal</td>"

    def test_a_value_inside_interface_text_is_wrapped_and_still_escaped(self):
        source = "Decided by {{ name|content_lang }}"
        english = render(source, "en", name="Nämnden <b>&</b>")
        assert english == 'Decided by <span lang="sv">Nämnden &lt;b&gt;&amp;&lt;/b&gt;</span>'
        assert render(source, "sv", name="Nämnden <b>") == "Decided by Nämnden &lt;b&gt;"
        assert render(source, "en", name="") == "Decided by "

    def test_a_period_is_marked_only_when_its_words_are_shown_as_written(self):
        source = "{{ period|content_lang }}"
        assert render(source, "en", period=parse("hösten 2022")) == "autumn 2022"
        unknown = parse("när budgeten medger")
        assert render(source, "en", period=unknown) == '<span lang="sv">när budgeten medger</span>'
        assert render(source, "sv", period=unknown) == "när budgeten medger"


def _swedish_marks(page: str) -> int:
    """lang="sv" beyond the html element and the language switch's own name."""
    return len(re.findall(r'lang="sv"', page)) - 2


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestEnglishPages:
    def test_the_agreement_title_and_parties_are_swedish_in_an_english_page(self, client):
        page = client.get("/overenskommelser/STY-02292/", **ENGLISH).content.decode()
        assert languages_of(page, "Övergripande överenskommelse") == {"sv"}
        assert languages_of(page, "Region Gotland") == {"sv"}
        assert languages_of(page, "Review due by") == {"en"}
        assert languages_of(page, "Parties") == {"en"}

    def test_the_register_marks_the_titles_not_the_column_headings(self, client):
        page = client.get("/overenskommelser/", **ENGLISH).content.decode()
        assert languages_of(page, "Samordning för trygg och effektiv utskrivning") == {"sv"}
        assert languages_of(page, "Title") == {"en"}

    def test_the_plan_marks_its_texts_and_bodies_but_reads_periods_in_english(self, client):
        page = client.get(SKANE, **ENGLISH).content.decode()
        title = re.search(r"<h1[^>]*>([^<]+)</h1>", page).group(1)
        assert languages_of(page, title) == {"sv"}
        activity = re.search(r'class="items">\s*<li>.*?</span> <span lang="sv">([^<]+)', page)
        assert activity, "no activity text marked Swedish"
        assert languages_of(page, activity.group(1)) == {"sv"}
        assert languages_of(page, "by the end of 2025") == {"en"}
        assert languages_of(page, "Responsibility") == {"en"}

    def test_a_body_page_marks_the_name_and_mandate(self, client):
        body = Body.objects.exclude(mandate="").order_by("pk").first()
        page = client.get(body.get_absolute_url(), **ENGLISH).content.decode()
        assert languages_of(page, body.name) == {"sv"}
        assert languages_of(page, "Members and roles") == {"en"}

    def test_a_board_report_marks_its_text_not_its_headings(self, client):
        report = BoardReport.objects.order_by("pk").first()
        page = client.get(report.get_absolute_url(), **ENGLISH).content.decode()
        assert languages_of(page, report.title) == {"sv"}
        assert languages_of(page, "Proposed decision") == {"en"}
        recipient = report.recipients.first()
        assert languages_of(page, recipient.name) == {"sv"}

    def test_the_organisations_mark_their_names(self, client):
        page = client.get("/organisationer/", **ENGLISH).content.decode()
        assert languages_of(page, "Region Gotland") == {"sv"}
        assert languages_of(page, "Principals and bodies") == {"en"}

    @pytest.mark.parametrize(
        "path", ["/", "/overenskommelser/", "/overenskommelser/STY-02292/", SKANE, "/sammantraden/"]
    )
    def test_a_swedish_page_carries_no_marks(self, client, path):
        page = client.get(path).content.decode()
        assert '<html lang="sv">' in page
        assert _swedish_marks(page) == 0

    def test_the_plan_pdf_in_english_marks_the_swedish_parts_and_stays_archival(
        self, client, monkeypatch
    ):
        rendered = recorded_renders(monkeypatch, plan_pdfs, keep="html")
        english = download(client, SKANE + "pdf/", **ENGLISH).content
        (html,) = rendered
        # WeasyPrint hyphenates the parts marked Swedish as Swedish; the document stays English.
        title = re.search(r'<h1 id="plan-titel"[^>]*>([^<]+)</h1>', html).group(1)
        assert languages_of(html, title) == {"sv"}
        assert languages_of(html, "Contents") == {"en"}
        assert pypdf.PdfReader(io.BytesIO(english)).trailer["/Root"]["/Lang"] == "en"
        assert_archival(english)


@pytest.mark.django_db
def test_a_plans_history_marks_what_was_written_not_a_choices_label(client, user, strategist):
    plan = factories.PlanFactory(title="Gemensam plan")
    plan_update(user=user, plan=plan, expected_revision=plan.revision, title="Gemensam plan 2026")
    plan_publish(user=user, plan=plan)
    client.force_login(strategist)

    page = client.get(f"/planer/{plan.slug}/historik/", **ENGLISH).content.decode()

    assert languages_of(page, "Gemensam plan 2026") == {"sv"}
    assert languages_of(page, "Published") == {"en"}
