"""What the board report pages read, and who may read or write drafts."""

from django.utils.translation import gettext_lazy as _

from core.access import get_visible_or_404, has_permission, require_permission
from governance.models import (
    BoardReport,
    ReportCaseNumber,
    ReportSection,
    Signatory,
    SupportingDocument,
)

DRAFT_PERMISSION = "governance.view_boardreport"
WRITE_DENIED = _("Du har inte behörighet att skriva tjänsteskrivelser.")


def can_see_draft_reports(user) -> bool:
    return has_permission(user, DRAFT_PERMISSION)


def board_reports_visible_to(user):
    reports = BoardReport.objects.select_related("organisation").prefetch_related("recipients")
    if not can_see_draft_reports(user):
        reports = reports.filter(status=BoardReport.Status.ISSUED)
    return reports


def board_report_get_for_view(*, user, pk: int) -> BoardReport:
    return get_visible_or_404(
        user,
        BoardReport.objects.select_related(
            "organisation", "corrects", "subject_type"
        ).prefetch_related(
            "recipients",
            "departments",
            "case_numbers",
            "supporting_documents",
            "signatories",
            "extra_sections",
            "corrections",
        ),
        draft_permission=DRAFT_PERMISSION,
        pk=pk,
    )


def board_report_get_for_edit(*, user, pk: int) -> BoardReport:
    require_permission(user, "governance.change_boardreport", WRITE_DENIED)
    return board_report_get_for_view(user=user, pk=pk)


def recently_issued_reports(*, limit: int):
    """Issued board reports with the moment of issue, the latest first (feed of changes)."""
    return BoardReport.objects.filter(
        status=BoardReport.Status.ISSUED, issued_at__isnull=False
    ).order_by("-issued_at", "-pk")[:limit]


def history_parts(report: BoardReport) -> list:
    """The histories of a report's rows (core.history.history_entries), removed rows too:
    one query per list, whatever the number of rows."""
    return [
        (
            ReportCaseNumber.history.filter(report_id=report.pk),
            lambda record: _("Ärendenummer %(number)s") % {"number": record.case_number},
        ),
        (
            SupportingDocument.history.filter(report_id=report.pk),
            lambda record: _("Beslutsunderlag ”%(title)s”") % {"title": record.title},
        ),
        (
            Signatory.history.filter(report_id=report.pk),
            lambda record: _("Undertecknare %(name)s") % {"name": record.name},
        ),
        (
            ReportSection.history.filter(report_id=report.pk),
            lambda record: _("Avsnitt ”%(heading)s”") % {"heading": record.heading},
        ),
    ]
