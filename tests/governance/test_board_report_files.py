"""A board report's underlag as rows: a title and either a file (checked as attachments are)
or a link, a saved file kept when the draft is saved again; Förhandsgranska shows the report
as typed and writes nothing; the history lists every row's change."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.models import ContentVersion
from governance.models import BoardReport, SupportingDocument
from governance.services import board_report_issue
from tests.clients import report_lists

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]

PDF = b"%PDF-1.7\n% underlag\n"


def pdf(name="Protokollsutdrag.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def posted(report, **lists):
    """The edit form as stored, with `lists` (underlag, undertecknare, avsnitt) as given."""
    return {
        "revision": report.revision,
        "organisation": report.organisation.pk,
        "date": report.date.isoformat() if report.date else "",
        "recipients": [body.pk for body in report.recipients.all()],
        "title": report.title,
        "proposed_decision": report.proposed_decision,
        "subject": "",
    } | report_lists(**lists)


def edit(client, report, **lists):
    return client.post(
        reverse("governance:board_report_edit", args=[report.pk]), posted(report, **lists)
    )


def test_a_file_uploaded_in_a_row_is_stored_and_read_back(client, strategist, draft):
    client.force_login(strategist)

    response = edit(client, draft, underlag=[{"title": "Protokollsutdrag", "file": pdf()}])

    assert response.status_code == 302, response.content.decode()[:3000]
    document = draft.supporting_documents.get()
    assert (document.title, document.file_name) == ("Protokollsutdrag", "Protokollsutdrag.pdf")
    download = client.get(reverse("governance:board_report_document", args=[draft.pk, document.pk]))
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="Protokollsutdrag.pdf"' in download["Content-Disposition"]


def test_a_saved_file_is_kept_when_the_draft_is_saved_again_without_it(client, strategist, draft):
    client.force_login(strategist)
    edit(client, draft, underlag=[{"title": "Protokollsutdrag", "file": pdf()}])
    document = draft.supporting_documents.get()
    form = client.get(reverse("governance:board_report_edit", args=[draft.pk])).content.decode()
    assert f'name="underlag-0-document" value="{document.pk}"' in form
    assert "Sparad fil:" in form and "Protokollsutdrag.pdf" in form

    draft.refresh_from_db()
    response = edit(
        client,
        draft,
        underlag=[
            {"title": "Ny underlagsrad först", "portal_path": "/ramverk/"},
            {"title": "Protokollsutdrag, justerat", "document": document.pk},
        ],
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    first, second = draft.supporting_documents.all()
    assert (first.file, first.portal_path) == ("", "/ramverk/")
    assert second.title == "Protokollsutdrag, justerat"
    assert second.file.name == document.file.name
    assert second.file.read() == PDF


def test_a_saved_file_is_removed_from_its_row_only_when_asked(client, strategist, draft):
    client.force_login(strategist)
    edit(client, draft, underlag=[{"title": "Protokollsutdrag", "file": pdf()}])
    document = draft.supporting_documents.get()
    draft.refresh_from_db()

    response = edit(
        client,
        draft,
        underlag=[
            {
                "title": "Ramverket",
                "document": document.pk,
                "remove_file": "on",
                "portal_path": "/ramverk/",
            }
        ],
    )

    assert response.status_code == 302
    assert draft.supporting_documents.get().file == ""


def test_a_file_of_another_report_cannot_be_kept_by_naming_its_row(
    client, strategist, draft, gotland
):
    from governance.services import board_report_create

    other = board_report_create(
        user=strategist,
        organisation=gotland["region"],
        title="Annan",
        proposed_decision="Noteras.",
        recipients=[gotland["hsn"]],
    )
    client.force_login(strategist)
    edit(client, draft, underlag=[{"title": "Hemligt", "file": pdf()}])
    secret = draft.supporting_documents.get()

    response = edit(client, other, underlag=[{"title": "Stulet", "document": secret.pk}])

    assert response.status_code == 400
    assert "Välj en fil eller ange en länk" in response.content.decode()
    assert not other.supporting_documents.exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"title": "Bara en titel"}, "Välj en fil eller ange en länk till en sida i portalen."),
        (
            {"title": "Båda", "file": pdf(), "portal_path": "/ramverk/"},
            "Ange antingen en fil eller en länk, inte båda.",
        ),
        ({"title": "", "file": pdf()}, "Ge underlaget en titel."),
        ({"title": "Program", "file": pdf("program.exe")}, "Filtypen är inte tillåten."),
        ({"title": "Falsk", "file": pdf("falsk.pdf", b"<html>")}, "stämmer inte med filtypen"),
        ({"title": "Tom", "file": pdf("tom.pdf", b"")}, "Den skickade filen var tom."),
    ],
    ids=["neither", "both", "no-title", "wrong-type", "wrong-content", "empty"],
)
def test_a_bad_underlag_row_is_refused_in_swedish_and_nothing_is_written(
    client, strategist, draft, media, row, message
):
    client.force_login(strategist)
    revision = draft.revision
    before = list(media.rglob("*"))

    response = edit(client, draft, underlag=[row])

    assert response.status_code == 400
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert draft.revision == revision
    assert [d.title for d in draft.supporting_documents.all()] == ["Gemensamt ramverk_utkast"]
    assert list(media.rglob("*")) == before


def test_a_file_over_the_attachment_limit_is_refused(client, strategist, draft, settings):
    settings.ATTACHMENT_MAX_BYTES = len(PDF) - 1
    client.force_login(strategist)

    response = edit(client, draft, underlag=[{"title": "Stor", "file": pdf()}])

    assert response.status_code == 400
    assert "Filen är för stor." in response.content.decode()


def test_the_history_shows_the_file_added_to_a_row(client, strategist, reader, draft):
    client.force_login(strategist)
    edit(client, draft, underlag=[{"title": "Protokollsutdrag", "file": pdf()}])

    client.force_login(reader)
    content = client.get(
        reverse("governance:board_report_history", args=[draft.pk])
    ).content.decode()

    assert "Beslutsunderlag ”Protokollsutdrag”" in content
    assert "Protokollsutdrag.pdf" in content
    assert "Undertecknare Marie Loob" in content


@pytest.mark.parametrize("issued", [False, True], ids=["draft", "issued"])
def test_the_history_page_answers_each_role_as_the_report(any_role_client, draft, issued):
    if issued:
        board_report_issue(
            user=None, report=draft, issued_at=timezone.now(), render_pdf=lambda r: b"%PDF-1.7"
        )
    response = any_role_client.get(reverse("governance:board_report_history", args=[draft.pk]))
    expected = 200 if issued or any_role_client.role != "anonymous" else 302
    assert response.status_code == expected


def test_an_issued_reports_files_stay_as_issued(client, strategist, register_admin, draft):
    client.force_login(strategist)
    edit(client, draft, underlag=[{"title": "Protokollsutdrag", "file": pdf()}])
    board_report_issue(
        user=register_admin,
        report=draft,
        issued_at=timezone.now(),
        render_pdf=lambda r: b"%PDF-1.7",
    )
    document = draft.supporting_documents.get()
    draft.refresh_from_db()

    response = edit(client, draft, underlag=[{"title": "Utbytt", "file": pdf("annan.pdf")}])

    assert response.status_code == 409
    assert draft.supporting_documents.get().file.name == document.file.name


def test_the_preview_answers_each_role_as_the_form_does(any_role_client, draft):
    data = posted(draft) | {"forhandsgranska": "1"}

    response = any_role_client.post(reverse("governance:board_report_edit", args=[draft.pk]), data)

    expected = {"anonymous": 302, "reader": 403, "strategist": 200, "register_admin": 200}
    assert response.status_code == expected[any_role_client.role]
    if response.status_code == 200:
        assert 'id="forhandsgranskning"' in response.content.decode()


def test_the_preview_shows_the_report_as_typed_and_writes_nothing(client, strategist, draft, media):
    client.force_login(strategist)
    history = {model: model.history.count() for model in (BoardReport, SupportingDocument)}
    version = list(ContentVersion.objects.values_list("value", flat=True))
    data = posted(
        draft,
        underlag=[
            {"title": "Ramverket", "portal_path": "/ramverk/"},
            {"title": "Nytt protokoll", "file": pdf()},
        ],
        avsnitt=[{"heading": "Jämställdhet", "text": "Påverkar *inte* jämställdheten."}],
    ) | {"title": "Ny rubrik i förhandsgranskningen", "forhandsgranska": "1"}

    response = client.post(reverse("governance:board_report_edit", args=[draft.pk]), data)

    assert response.status_code == 200
    content = response.content.decode()
    preview = content[content.index("Förhandsgranskning") : content.index('id="utkastformular"')]
    assert "Ny rubrik i förhandsgranskningen" in preview
    assert "<em>inte</em>" in preview and "Jämställdhet" in preview
    assert '<a href="/ramverk/">Ramverket</a>' in preview
    assert "Nytt protokoll" in preview and "välj dem igen" in preview
    # The form is kept as typed, to edit further or to save.
    assert 'value="Ny rubrik i förhandsgranskningen"' in content
    assert f'name="revision" value="{draft.revision}"' in content
    draft.refresh_from_db()
    assert draft.title != "Ny rubrik i förhandsgranskningen"
    assert {model: model.history.count() for model in history} == history
    assert list(media.rglob("*.pdf")) == []
    assert list(ContentVersion.objects.values_list("value", flat=True)) == version


def test_a_preview_of_a_form_with_errors_shows_the_errors_and_no_preview(client, strategist, draft):
    client.force_login(strategist)
    data = posted(draft) | {"title": "", "forhandsgranska": "1"}

    response = client.post(reverse("governance:board_report_edit", args=[draft.pk]), data)

    assert response.status_code == 400
    assert 'id="forhandsgranskning"' not in response.content.decode()


def test_a_new_report_is_previewed_before_it_exists(client, strategist, gotland):
    client.force_login(strategist)
    data = {
        "title": "Lägesrapport",
        "proposed_decision": "Noteras.",
        "organisation": gotland["region"].pk,
        "recipients": [gotland["hsn"].pk],
        "forhandsgranska": "1",
    } | report_lists(undertecknare=[{"name": "Marie Loob", "title": "Direktör"}])

    response = client.post(reverse("governance:board_report_create"), data)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Hälso- och sjukvårdsnämnden" in content and "Marie Loob" in content
    assert not BoardReport.objects.exists()
