"""A board report's lists (case numbers, supporting documents, signatories, further sections):
rows in order, each with its own history, updated in place when a draft is saved."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import BoardReport, ReportCaseNumber, Signatory
from governance.pdf import board_report_pdf
from governance.services import (
    board_report_correct,
    board_report_create,
    board_report_issue,
    board_report_update,
)
from tests.clients import report_lists

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def save_draft(report, user, **changes):
    """Save the draft as it stands, with `changes` to its fields or lists."""
    current = BoardReport.objects.get(pk=report.pk)
    as_stored = {
        "recipients": list(current.recipients.all()),
        "departments": list(current.departments.all()),
        "case_numbers": current.case_number_list(),
        "supporting_documents": [
            {"title": d.title, "portal_path": d.portal_path}
            for d in current.supporting_documents.all()
        ],
        "signatories": [
            {"name": s.name, "title": s.title, "department": s.department}
            for s in current.signatories.all()
        ],
        "extra_sections": [
            {"heading": s.heading, "text": s.text} for s in current.extra_sections.all()
        ],
    }
    return board_report_update(
        user=user, report=current, expected_revision=current.revision, **as_stored | changes
    )


def progress_report(gotland, user, **lists):
    """A draft lägesrapport to the health care committee, with `lists`."""
    return board_report_create(
        user=user,
        organisation=gotland["region"],
        title="Lägesrapport",
        proposed_decision="Noteras.",
        recipients=[gotland["hsn"]],
        **lists,
    )


def kinds(row) -> list[str]:
    return [record.history_type for record in row.history.order_by("history_date", "history_id")]


def test_editing_one_signatorys_title_records_one_change_for_it_and_leaves_the_other(
    draft, strategist
):
    loob, gardell = draft.signatories.all()

    save_draft(
        draft,
        strategist,
        signatories=[
            {"name": "Marie Loob", "title": "Regiondirektör", "department": loob.department},
            {"name": "Marica Gardell", "title": "Socialdirektör", "department": gardell.department},
        ],
    )

    assert [s.pk for s in draft.signatories.all()] == [loob.pk, gardell.pk]
    assert kinds(loob) == ["+", "~"]
    changed = loob.history.latest()
    assert changed.title == "Regiondirektör" and changed.history_user == strategist
    assert kinds(gardell) == ["+"]


def test_saving_a_draft_unchanged_writes_no_history_for_its_rows(draft, strategist):
    records = {model: model.history.count() for model in (Signatory, ReportCaseNumber, BoardReport)}

    save_draft(draft, strategist)

    assert Signatory.history.count() == records[Signatory]
    assert ReportCaseNumber.history.count() == records[ReportCaseNumber]
    assert BoardReport.history.count() == records[BoardReport] + 1  # the report's own save


def test_a_longer_list_adds_rows_and_a_shorter_one_deletes_the_surplus(draft, strategist):
    (document,) = draft.supporting_documents.all()
    loob, gardell = draft.signatories.all()

    save_draft(
        draft,
        strategist,
        supporting_documents=[
            {"title": document.title, "portal_path": document.portal_path},
            {"title": "Protokollsutdrag", "portal_path": ""},
        ],
        signatories=[{"name": "Marie Loob", "title": loob.title, "department": loob.department}],
    )

    assert [d.title for d in draft.supporting_documents.all()] == [
        "Gemensamt ramverk_utkast",
        "Protokollsutdrag",
    ]
    assert [d.position for d in draft.supporting_documents.all()] == [1, 2]
    assert kinds(document) == ["+"]
    assert [s.pk for s in draft.signatories.all()] == [loob.pk]
    deleted = Signatory.history.get(id=gardell.pk, history_type="-")
    assert deleted.history_user == strategist


def test_case_numbers_are_rows_in_order_stored_in_one_form_with_history(gotland, strategist):
    report = progress_report(gotland, strategist, case_numbers=["son 2024/0190", "HSN  2024 / 310"])

    rows = list(report.case_numbers.all())
    assert [(row.position, row.case_number) for row in rows] == [
        (1, "SON 2024/190"),
        (2, "HSN 2024/310"),
    ]
    assert all(kinds(row) == ["+"] and row.history.get().history_user == strategist for row in rows)


def test_changing_one_case_number_changes_that_row_in_place(gotland, strategist):
    report = progress_report(gotland, strategist, case_numbers=["HSN 2024/310", "SON 2024/190"])
    hsn, son = report.case_numbers.all()

    save_draft(report, strategist, case_numbers=["HSN 2024/311", "SON 2024/190"])

    assert report.case_number_list() == ["HSN 2024/311", "SON 2024/190"]
    assert [row.pk for row in report.case_numbers.all()] == [hsn.pk, son.pk]
    assert kinds(hsn) == ["+", "~"] and kinds(son) == ["+"]


def test_the_edit_form_shows_the_case_numbers_and_saves_the_rows_in_place(
    client, gotland, strategist
):
    report = progress_report(
        gotland,
        strategist,
        case_numbers=["HSN 2024/310", "SON 2024/190"],
        signatories=[{"name": "Marie Loob", "title": "Direktör", "department": ""}],
    )
    (row,) = report.signatories.all()
    client.force_login(strategist)
    url = reverse("governance:board_report_edit", args=[report.pk])
    assert 'value="HSN 2024/310, SON 2024/190"' in client.get(url).content.decode()

    response = client.post(
        url,
        {
            "organisation": gotland["region"].pk,
            "recipients": [gotland["hsn"].pk],
            "title": "Lägesrapport",
            "proposed_decision": "Noteras.",
            "case_numbers": "HSN 2024/310, son 2024/191",
            "revision": report.revision,
        }
        | report_lists(
            undertecknare=[{"name": "Marie Loob", "title": "Hälso- och sjukvårdsdirektör"}]
        ),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert report.case_number_list() == ["HSN 2024/310", "SON 2024/191"]
    assert [s.pk for s in report.signatories.all()] == [row.pk]
    assert kinds(row) == ["+", "~"]


def test_a_correction_carries_the_case_numbers(draft, strategist, register_admin):
    save_draft(draft, strategist, case_numbers=["HSN 2024/310", "SON 2024/190"])
    issued = board_report_issue(
        user=register_admin,
        report=draft,
        issued_at=timezone.now(),
        render_pdf=lambda r: board_report_pdf(
            r, base_url="http://testserver/", draft=False, today=date(2024, 9, 1)
        ),
    )

    correction = board_report_correct(user=strategist, report=issued)

    assert correction.case_number_list() == ["HSN 2024/310", "SON 2024/190"]
    assert issued.case_number_list() == ["HSN 2024/310", "SON 2024/190"]
