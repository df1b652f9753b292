"""The board report as PDF: the same body template as the HTML preview, through core.pdf."""

from datetime import date

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from governance.models import BoardReport
from governance.reports import subject_section

TEMPLATE = "pdf/board_report.html"


def board_report_context(report: BoardReport, *, today: date) -> dict:
    return {
        "report": report,
        "subject_section": subject_section(report, today=today),
        "title": report.title,
        "organisation": report.organisation.name,
        "subject": _("Tjänsteskrivelse"),
    }


def board_report_pdf(report: BoardReport, *, base_url: str, draft: bool, today: date) -> bytes:
    """Draft PDFs say UTKAST on every page; the issued one is rendered once, when issuing."""
    html = render_to_string(TEMPLATE, board_report_context(report, today=today) | {"draft": draft})
    departments = ", ".join(d.name for d in report.departments.all())
    return render_pdf(
        html=html,
        base_url=base_url,
        title=report.title,
        author=f"{report.organisation.name}{', ' + departments if departments else ''}",
        subject=", ".join(
            part
            for part in (
                _("Tjänsteskrivelse"),
                f"{report.date:%Y-%m-%d}" if report.date else "",
                *report.case_number_list(),
            )
            if part
        ),
    )
