"""Board reports (tjänsteskrivelser): drafted, saved over their revision, issued once, corrected
by a new report."""

import hashlib
from collections.abc import Sequence
from datetime import datetime
from itertools import zip_longest
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.files import save_with_file
from core.history import save_with_history
from core.revisions import EditConflict, lock_for_edit
from governance.models import (
    BoardReport,
    ReportCaseNumber,
    ReportSection,
    Signatory,
    SupportingDocument,
)

# A report's lists, by related name: each row has a position (1, 2, 3…) in its list.
PARTS = {
    "case_numbers": ReportCaseNumber,
    "supporting_documents": SupportingDocument,
    "signatories": Signatory,
    "extra_sections": ReportSection,
}


class ReportFrozen(Exception):
    """An issued board report never changes; a correction is a new report."""

    def __init__(self, report):
        super().__init__(
            _(
                "Tjänsteskrivelsen är expedierad och kan inte ändras. Gör en rättelse i stället: "
                "en ny tjänsteskrivelse som hänvisar till den här."
            )
        )
        self.report = report


def _lock_draft(report, *, expected_revision: int | None = None):
    current = lock_for_edit(BoardReport.objects, report.pk)
    if current.is_issued:
        raise ReportFrozen(current)
    if expected_revision is not None and current.revision != expected_revision:
        raise EditConflict(
            current, _("Någon annan har ändrat tjänsteskrivelsen sedan du öppnade formuläret.")
        )
    return current


def _write_parts(*, user, report, **parts: Sequence[dict]) -> None:
    """Write a draft's lists in place: the n-th row given updates the n-th row stored, which is
    saved only when it changed, so each row's history says "changed", not "deleted" and
    "created"; further rows are added and surplus rows deleted. A supporting document's `file`
    is the name of a file stored before (kept as it is), or a new File to store."""
    for related_name, rows in parts.items():
        model = PARTS[related_name]
        stored = list(getattr(report, related_name).all())
        for position, (row, values) in enumerate(zip_longest(stored, rows), start=1):
            if values is None:
                row._history_user = user
                row.delete()
                continue
            values = values | {"position": position}
            if row is None:
                row = model(report=report)
            elif all(getattr(row, name) == value for name, value in values.items()):
                continue
            new_file = values.get("file")
            if isinstance(new_file, File):
                values = values | {"file": ""}
            for name, value in values.items():
                setattr(row, name, value)
            if isinstance(new_file, File):
                _save_with_new_file(row, new_file, user=user)
            else:
                save_with_history(row, user=user)


def _save_with_new_file(row, new_file: File, *, user) -> None:
    """Store the file under its SHA-256, in a folder of its own so that it keeps its name
    (the name it is downloaded by)."""
    content = new_file.read()
    digest = hashlib.sha256(content).hexdigest()
    name = PurePath(new_file.name).name[-100:]
    save_with_file(
        row, field="file", name=f"{digest[:16]}/{name}", content=content, user=user, reason=""
    )


def _write_draft(
    *,
    user,
    report: BoardReport,
    reason: str,
    recipients=(),
    departments=(),
    case_numbers: Sequence[str] = (),
    supporting_documents: Sequence[dict] = (),
    signatories: Sequence[dict] = (),
    extra_sections: Sequence[dict] = (),
    **fields,
) -> BoardReport:
    """A draft's content: its fields, the bodies it goes to, the departments it comes from,
    and its lists in order (a case number as text, any other row as the fields it is made of)."""
    for name, value in fields.items():
        setattr(report, name, value)
    save_with_history(report, user=user, reason=reason)
    report.recipients.set(recipients)
    report.departments.set(departments)
    _write_parts(
        user=user,
        report=report,
        case_numbers=[{"case_number": number} for number in case_numbers],
        supporting_documents=supporting_documents,
        signatories=signatories,
        extra_sections=extra_sections,
    )
    return report


@transaction.atomic
def board_report_create(*, user, **content) -> BoardReport:
    """A new draft with `content` as `_write_draft` takes it."""
    return _write_draft(
        user=user,
        report=BoardReport(),
        reason="Tjänsteskrivelse skapad",
        **content | {"status": BoardReport.Status.DRAFT},  # a report is always drafted first
    )


@transaction.atomic
def board_report_update(*, user, report, expected_revision: int, **content) -> BoardReport:
    """Save a draft over the revision its form started from; issued reports never change.
    `content` as `_write_draft` takes it."""
    current = _lock_draft(report, expected_revision=expected_revision)
    current.revision += 1
    return _write_draft(user=user, report=current, reason="Tjänsteskrivelse ändrad", **content)


@transaction.atomic
def board_report_issue(*, user, report, render_pdf, issued_at: datetime | None) -> BoardReport:
    """Expediera: render the PDF once, store it with its SHA-256 and the moment, and freeze
    the report. `render_pdf(report) -> bytes` renders the final (not draft) document.

    `issued_at` is given by the caller (a view passes now); None where the moment is not
    known, as for a document that was dispatched elsewhere and is entered afterwards."""
    current = _lock_draft(report)
    if issued_at and current.date and current.date > timezone.localdate(issued_at):
        raise ValidationError(
            _(
                "Tjänsteskrivelsen är daterad %(date)s, efter dagens datum. Ändra datumet "
                "innan den expedieras."
            )
            % {"date": current.date.isoformat()},
            code="future",
        )
    current.status = current.Status.ISSUED
    current.issued_at = issued_at
    content = render_pdf(current)
    current.pdf_sha256 = hashlib.sha256(content).hexdigest()
    return save_with_file(
        current,
        field="pdf",
        name=f"{current.pk}-{current.pdf_sha256[:12]}.pdf",
        content=content,
        user=user,
        reason="Expedierad",
    )


@transaction.atomic
def board_report_correct(*, user, report) -> BoardReport:
    """Start a correction: a new draft with the same content that refers to the issued one."""
    original = BoardReport.objects.get(pk=report.pk)
    if not original.is_issued:
        raise ValidationError(
            _("Bara en expedierad tjänsteskrivelse rättas; ett utkast ändras direkt.")
        )
    copy = BoardReport(
        organisation=original.organisation,
        date=original.date,
        title=original.title,
        proposed_decision=original.proposed_decision,
        summary=original.summary,
        case_description=original.case_description,
        assessment=original.assessment,
        subject_type=original.subject_type,
        subject_id=original.subject_id,
        corrects=original,
    )
    save_with_history(copy, user=user, reason=f"Rättelse av tjänsteskrivelse {original.pk}")
    copy.recipients.set(original.recipients.all())
    copy.departments.set(original.departments.all())
    for related_name in PARTS:
        for row in getattr(original, related_name).all():
            row.pk = None
            row.report = copy
            save_with_history(row, user=user)
    return copy
