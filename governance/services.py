"""State changes in governance: each a plain function, keyword-only, in one transaction."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from core.history import save_with_history
from core.revisions import EditConflict, lock_for_edit
from core.validators import normalise_case_number
from governance.models import (
    BoardReport,
    Decision,
    DecisionSubject,
    Person,
    ReportSection,
    Signatory,
    SupportingDocument,
)


@transaction.atomic
def decision_record(
    *,
    user,
    body,
    case_number: str,
    subjects: list[models.Model],
    date=None,
    title: str = "",
    text: str = "",
) -> Decision:
    """Record a body's decision, or add subjects to the decision already under that case number.

    One decision may concern several agreements (RS 2013/460 adopted both BUS and SUV).
    """
    case_number = normalise_case_number(case_number)
    decision = (
        Decision.objects.select_for_update().filter(body=body, case_number=case_number).first()
    )
    if decision is None:
        decision = Decision(body=body, case_number=case_number, date=date, title=title, text=text)
        try:
            with transaction.atomic():
                save_with_history(decision, user=user, reason="Beslut registrerat")
        except IntegrityError as error:  # a concurrent request recorded it first
            raise ValidationError(
                {"case_number": "Beslutet registrerades samtidigt av någon annan. Försök igen."}
            ) from error
    for subject in subjects:
        link = DecisionSubject(
            decision=decision,
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
        )
        if not DecisionSubject.objects.filter(
            decision=decision, content_type=link.content_type, object_id=link.object_id
        ).exists():
            save_with_history(link, user=user)
    return decision


@transaction.atomic
def person_remove(*, user, person: Person) -> None:
    """Remove a person and their memberships; their historical rows keep the record of who sat where."""
    for membership in person.memberships.all():
        membership._history_user = user
        membership.delete()
    person._history_user = user
    person.delete()


# --- board reports ------------------------------------------------------------------------


class ReportFrozen(Exception):
    """An issued board report never changes; a correction is a new report."""

    def __init__(self, report):
        super().__init__(
            "Tjänsteskrivelsen är expedierad och kan inte ändras. Gör en rättelse i stället: "
            "en ny tjänsteskrivelse som hänvisar till den här."
        )
        self.report = report


def _lock_draft(report, *, expected_revision: int | None = None):
    current = lock_for_edit(BoardReport.objects, report.pk)
    if current.is_issued:
        raise ReportFrozen(current)
    if expected_revision is not None and current.revision != expected_revision:
        raise EditConflict(
            current, "Någon annan har ändrat tjänsteskrivelsen sedan du öppnade formuläret."
        )
    return current


def _replace_parts(*, user, report, supporting_documents, signatories, extra_sections):
    """Replace the lists of a draft: Beslutsunderlag, signatories and further sections, in order."""
    for model, rows, related in (
        (SupportingDocument, supporting_documents, report.supporting_documents),
        (Signatory, signatories, report.signatories),
        (ReportSection, extra_sections, report.extra_sections),
    ):
        for old in related.all():
            old._history_user = user
            old.delete()
        for position, row in enumerate(rows, start=1):
            save_with_history(model(report=report, position=position, **row), user=user)


@transaction.atomic
def board_report_create(
    *,
    user,
    recipients=(),
    departments=(),
    supporting_documents=(),
    signatories=(),
    extra_sections=(),
    **fields,
):
    report = BoardReport(**fields)
    report.status = BoardReport.Status.DRAFT
    save_with_history(report, user=user, reason="Tjänsteskrivelse skapad")
    report.recipients.set(recipients)
    report.departments.set(departments)
    _replace_parts(
        user=user,
        report=report,
        supporting_documents=supporting_documents,
        signatories=signatories,
        extra_sections=extra_sections,
    )
    return report


@transaction.atomic
def board_report_update(
    *,
    user,
    report,
    expected_revision: int,
    recipients=(),
    departments=(),
    supporting_documents=(),
    signatories=(),
    extra_sections=(),
    **fields,
):
    """Save a draft over the revision its form started from; issued reports never change."""
    current = _lock_draft(report, expected_revision=expected_revision)
    for name, value in fields.items():
        setattr(current, name, value)
    current.revision += 1
    save_with_history(current, user=user, reason="Tjänsteskrivelse ändrad")
    current.recipients.set(recipients)
    current.departments.set(departments)
    _replace_parts(
        user=user,
        report=current,
        supporting_documents=supporting_documents,
        signatories=signatories,
        extra_sections=extra_sections,
    )
    return current


@transaction.atomic
def board_report_issue(*, user, report, render_pdf):
    """Expediera: render the PDF once, store it with its SHA-256 and the moment, and freeze
    the report. `render_pdf(report) -> bytes` renders the final (not draft) document."""
    current = _lock_draft(report)
    current.status = current.Status.ISSUED
    current.issued_at = timezone.now()
    content = render_pdf(current)
    current.pdf_sha256 = hashlib.sha256(content).hexdigest()
    current.pdf.save(
        f"{current.pk}-{current.pdf_sha256[:12]}.pdf", ContentFile(content), save=False
    )
    try:
        with transaction.atomic():
            save_with_history(current, user=user, reason="Expedierad")
    except Exception:
        current.pdf.delete(save=False)
        raise
    return current


@transaction.atomic
def board_report_correct(*, user, report):
    """Start a correction: a new draft with the same content that refers to the issued one."""
    original = BoardReport.objects.get(pk=report.pk)
    if not original.is_issued:
        raise ValidationError(
            "Bara en expedierad tjänsteskrivelse rättas; ett utkast ändras direkt."
        )
    copy = BoardReport(
        organisation=original.organisation,
        date=original.date,
        case_numbers=original.case_numbers,
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
    for related in ("supporting_documents", "signatories", "extra_sections"):
        for row in getattr(original, related).all():
            row.pk = None
            row.report = copy
            save_with_history(row, user=user)
    return copy
