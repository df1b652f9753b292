"""Board reports (tjänsteskrivelser): drafted, previewed, issued once, frozen forever."""

import hashlib
import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from core.revisions import EditConflict
from governance.models import BoardReport
from governance.services import (
    ReportFrozen,
    board_report_correct,
    board_report_issue,
    board_report_update,
)
from tests import factories
from tests.clients import report_lists

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


# The standard headings of a tjänsteskrivelse, in the order the memo gives them.
REPORT_HEADINGS = [
    "Mottagare",
    "Förslag till beslut",
    "Sammanfattning",
    "Ärendebeskrivning",
    "Bedömning",
    "Beslutsunderlag",
]


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def issue(report, user):
    from governance.pdf import board_report_pdf

    return board_report_issue(
        user=user,
        report=report,
        issued_at=timezone.now(),
        render_pdf=lambda r: board_report_pdf(
            r, base_url="http://testserver/", draft=False, today=date.today()
        ),
    )


def test_preview_shows_every_section_and_what_the_framework_replaces(client, draft, reader):
    client.force_login(reader)
    content = client.get(draft.get_absolute_url()).content.decode()
    for text in ["Mottagare", "Förslag till beslut", "Sammanfattning", "Ärendebeskrivning", "Bedömning", "Beslutsunderlag",
                 "Socialnämnden", "Marie Loob", "Socialdirektör", "STY-02292", "ska ersätta"]:  # fmt: skip
        assert text in content, text


def test_what_the_framework_covers_shows_only_when_it_covers_something(
    client, draft, gotland, reader
):
    # "Överenskommelser som ramverket omfattar: Inga" would be a section the memo does not have.
    client.force_login(reader)
    assert "ramverket omfattar" not in client.get(draft.get_absolute_url()).content.decode()
    covered = factories.AgreementFactory(register_id="STY-05560", title="Utskrivning")
    gotland["framework"].covers.add(covered)
    content = client.get(draft.get_absolute_url()).content.decode()
    assert "Överenskommelser som ramverket omfattar" in content and "STY-05560" in content


def test_draft_is_not_public(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 302
    assert client.get(reverse("governance:board_report_pdf", args=[draft.pk])).status_code == 302


def test_draft_pdf_says_utkast_on_every_page(client, draft, reader):
    client.force_login(reader)
    response = client.get(reverse("governance:board_report_pdf", args=[draft.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader_pdf = PdfReader(io.BytesIO(response.content))
    assert all("UTKAST" in page.extract_text() for page in reader_pdf.pages)


def test_a_draft_pdf_for_an_english_reader_is_in_english(client, draft, reader):
    client.force_login(reader)
    url = reverse("governance:board_report_pdf", args=[draft.pk])
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content
    reader_pdf = PdfReader(io.BytesIO(english))
    assert reader_pdf.trailer["/Root"]["/Lang"] == "en"
    text = pdf_text(english)
    assert "DRAFT" in text and "UTKAST" not in text and "Page 1 of" in text
    assert "Proposed decision" in text


def test_the_issued_report_is_the_swedish_record_whoever_issues_it(draft, register_admin):
    with translation.override("en"):
        report = issue(draft, register_admin)
    stored = report.pdf.read()
    assert PdfReader(io.BytesIO(stored)).trailer["/Root"]["/Lang"] == "sv"
    text = pdf_text(stored)
    assert "Förslag till beslut" in text and "Sida 1 av" in text and "Page" not in text


def test_issuing_stores_the_pdf_once_with_its_sha256_and_freezes_the_report(
    client, draft, register_admin
):
    report = issue(draft, register_admin)
    stored = report.pdf.read()
    assert hashlib.sha256(stored).hexdigest() == report.pdf_sha256
    text = pdf_text(stored)
    positions = [text.index(heading) for heading in REPORT_HEADINGS]
    assert positions == sorted(positions)
    assert "UTKAST" not in text and "Sida 1 av" in text
    first = client.get(reverse("governance:board_report_pdf", args=[report.pk]))
    second = client.get(reverse("governance:board_report_pdf", args=[report.pk]))
    assert first.content == second.content == stored  # the same bytes, forever, to anyone
    assert first["X-Content-SHA256"] == report.pdf_sha256


def test_issuing_twice_is_refused(draft, register_admin):
    issue(draft, register_admin)
    with pytest.raises(ReportFrozen):
        issue(draft, register_admin)


def test_an_issued_report_cannot_be_edited_by_form_or_service(client, draft, register_admin):
    report = issue(draft, register_admin)
    with pytest.raises(ReportFrozen):
        board_report_update(
            user=register_admin, report=report, expected_revision=report.revision, title="Ny rubrik"
        )
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:board_report_edit", args=[report.pk]), {"title": "Ny rubrik"}
    )
    assert response.status_code == 409
    assert "ändras aldrig" in response.content.decode()
    again = client.post(reverse("governance:board_report_issue", args=[report.pk]))
    assert again.status_code == 409
    report.refresh_from_db()
    assert report.title.startswith("Statusuppdatering")


def test_an_issued_report_is_read_only_in_the_admin(client, draft, register_admin, superuser):
    report = issue(draft, register_admin)
    client.force_login(superuser)
    change_url = reverse("admin:governance_boardreport_change", args=[report.pk])
    response = client.post(change_url, {"title": "Ändrad i admin"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.title.startswith("Statusuppdatering")
    assert (
        client.post(
            reverse("admin:governance_boardreport_delete", args=[report.pk]), {"post": "yes"}
        ).status_code
        == 403
    )


def test_a_correction_is_a_new_draft_that_refers_to_the_issued_report(
    draft, register_admin, strategist
):
    report = issue(draft, register_admin)
    correction = board_report_correct(user=strategist, report=report)
    assert correction.corrects == report and not correction.is_issued
    assert [s.name for s in correction.signatories.all()] == ["Marie Loob", "Marica Gardell"]
    report.refresh_from_db()
    assert report.is_issued


def test_a_save_over_a_newer_draft_is_refused(draft, strategist):
    board_report_update(
        user=strategist, report=draft, expected_revision=draft.revision, title="Först"
    )
    with pytest.raises(EditConflict):
        board_report_update(
            user=strategist, report=draft, expected_revision=draft.revision, title="Sedan"
        )


def test_strategist_drafts_in_the_browser_and_register_admin_issues(
    client, gotland, strategist, register_admin
):
    client.force_login(strategist)
    response = client.post(
        reverse("governance:board_report_create"),
        {
            "organisation": gotland["region"].pk,
            "date": "2024-08-22",
            "case_numbers": "hsn 2024/310,  SON 2024/190",
            "recipients": [gotland["hsn"].pk, gotland["son"].pk],
            "title": "Lägesrapport",
            "proposed_decision": "Informationen noteras.",
            "subject": "",
        }
        | report_lists(
            underlag=[
                {"title": "Ramverkens lista", "portal_path": "/ramverk/"},
                {"title": "Ramverket", "portal_path": "/ramverk/gotland-ramverk/"},
                {"title": ""},  # an empty row is left out
            ],
            undertecknare=[
                {
                    "name": "Marie Loob",
                    "title": "Hälso- och sjukvårdsdirektör",
                    "department": "Hälso- och sjukvårdsförvaltningen",
                }
            ],
            avsnitt=[{"heading": "Jämställdhet", "text": "-"}],
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report = BoardReport.objects.get(title="Lägesrapport")
    assert ", ".join(report.case_number_list()) == "HSN 2024/310, SON 2024/190"
    assert [d.portal_path for d in report.supporting_documents.all()] == [
        "/ramverk/",
        "/ramverk/gotland-ramverk/",
    ]
    assert [s.department for s in report.signatories.all()] == ["Hälso- och sjukvårdsförvaltningen"]
    assert [s.heading for s in report.extra_sections.all()] == ["Jämställdhet"]
    assert (
        client.post(reverse("governance:board_report_issue", args=[report.pk])).status_code == 403
    )
    client.force_login(register_admin)
    assert (
        client.post(reverse("governance:board_report_issue", args=[report.pk])).status_code == 302
    )
    report.refresh_from_db()
    assert report.is_issued
    client.logout()
    assert client.get(report.get_absolute_url()).status_code == 200  # issued reports are public


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("case_numbers", "HSN 20/1", "ärendenummer"),
        ("underlag-0-portal_path", "https://example.com/", "sida i portalen"),
        ("underlag-0-portal_path", "/ramverk/x/", "Ge underlaget en titel."),
        ("avsnitt-0-text", "text utan rubrik", "Ge avsnittet en överskrift."),
    ],
)
def test_bad_input_is_refused_with_a_swedish_message_and_nothing_saved(
    client, gotland, strategist, field, value, message
):
    client.force_login(strategist)
    data = {
        "organisation": gotland["region"].pk,
        "date": "2024-08-22",
        "recipients": [gotland["hsn"].pk],
        "title": "Lägesrapport",
        "proposed_decision": "Noteras.",
    } | report_lists(underlag=[{"title": ""}], avsnitt=[{"heading": ""}])
    data[field] = value
    response = client.post(reverse("governance:board_report_create"), data)
    assert response.status_code == 400
    assert message.lower() in response.content.decode().lower()
    assert not BoardReport.objects.exists()


def test_demo_reports_from_seeds_000_and_002_are_issued_from_the_data(client):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    gotland = BoardReport.objects.get(organisation__slug="region-gotland")
    vasterbotten = BoardReport.objects.get(organisation__slug="region-vasterbotten")
    assert gotland.is_issued and vasterbotten.is_issued
    assert [b.name for b in gotland.recipients.order_by("name")] == [
        "Hälso- och sjukvårdsnämnden",
        "Socialnämnden",
    ]
    assert [s.name for s in gotland.signatories.all()] == ["Marie Loob", "Marica Gardell"]
    assert gotland.subject.slug == "gotland-ramverk-primarvard"
    text = pdf_text(gotland.pdf.read())
    for heading in REPORT_HEADINGS:
        assert heading in text
    assert "STY-11006" in text and "Marica Gardell" in text
    assert "Rapporten godkänns." in pdf_text(vasterbotten.pdf.read())
    sha = gotland.pdf_sha256
    call_command("load_demo", verbosity=0)
    gotland.refresh_from_db()
    assert gotland.pdf_sha256 == sha and BoardReport.objects.count() == 2


def test_issued_pdf_is_archival_tagged_and_described(draft, register_admin):
    from tests.pdf_checks import assert_archival, fonts_not_embedded, outline_titles, xmp_of

    content = issue(draft, register_admin).pdf.read()
    assert_archival(content)  # PDF/A-2a by the independent validator
    xmp = xmp_of(content)
    assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "A")
    assert "Statusuppdatering" in str(xmp["dc:title"])
    assert "Region Gotland" in str(xmp["dc:creator"])
    assert "sv" in str(xmp["dc:language"])
    reader = PdfReader(io.BytesIO(content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert {"Förslag till beslut", "Sammanfattning", "Beslutsunderlag"} <= set(
        outline_titles(content)
    )
    assert fonts_not_embedded(content) == []


def test_draft_pdf_is_archival_too(client, draft, reader):
    from tests.pdf_checks import assert_archival

    client.force_login(reader)
    assert_archival(client.get(reverse("governance:board_report_pdf", args=[draft.pk])).content)


def test_a_supporting_file_is_served_under_the_reports_access(client, draft, reader):
    from django.core.files.base import ContentFile

    document = draft.supporting_documents.get()
    document.file.save("underlag.pdf", ContentFile(b"%PDF-1.7 underlag"), save=True)
    url = reverse("governance:board_report_document", args=[draft.pk, document.pk])
    assert client.get(url).status_code == 302  # a draft: login first
    client.force_login(reader)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 underlag"
    assert (
        client.get(reverse("governance:board_report_document", args=[draft.pk, 999999])).status_code
        == 404
    )
