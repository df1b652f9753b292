"""The board report as PDF: the same body template as the HTML preview, through core.pdf."""

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.pdf import cached_pdf, render_pdf
from governance.models import AgendaItem, BoardReport, Meeting
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
    """Draft PDFs say UTKAST on every page; the issued one is rendered once, when issuing,
    and always in Swedish: it is the record the committee decides on, whatever language the
    issuer reads the portal in. A draft follows the reader's language."""
    if not draft:
        with translation.override(settings.LANGUAGE_CODE):
            return _board_report_pdf(report, base_url=base_url, draft=draft, today=today)
    return _board_report_pdf(report, base_url=base_url, draft=draft, today=today)


def _board_report_pdf(report: BoardReport, *, base_url: str, draft: bool, today: date) -> bytes:
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


def _organisations(meeting: Meeting) -> str:
    return ", ".join(organisation.name for organisation in meeting.body.organisations.all())


def meeting_notice_pdf(meeting: Meeting, *, base_url: str) -> bytes:
    """The notice (kallelse) with the agenda and its underlag, rendered once per revision of
    the meeting (every change of its agenda bumps it) and of the reports it lists; a draft
    meeting's notice says UTKAST on every page."""
    reports = sorted(
        {
            (report.pk, report.revision)
            for item in meeting.agenda_items.all()
            for report in item.reports.all()
        }
    )
    key = f"meeting-notice:{meeting.pk}:{meeting.revision}:{meeting.status}:{reports}"
    return cached_pdf(key=key, render=lambda: _render_meeting_document(meeting, base_url=base_url))


def protocol_extract_pdf(meeting: Meeting, item: AgendaItem, *, base_url: str) -> bytes:
    """The protocol extract (protokollsutdrag) of one agenda item with its decision."""
    key = f"protocol-extract:{item.pk}:{item.revision}:{meeting.revision}:{meeting.status}"
    return cached_pdf(
        key=key, render=lambda: _render_meeting_document(meeting, base_url=base_url, item=item)
    )


def _render_meeting_document(meeting: Meeting, *, base_url: str, item: AgendaItem | None = None):
    kind = _("Protokollsutdrag") if item else _("Kallelse")
    title = f"{kind} {meeting.body.name} {meeting.date:%Y-%m-%d}"
    html = render_to_string(
        "pdf/protocol_extract.html" if item else "pdf/meeting_notice.html",
        {
            "meeting": meeting,
            "item": item,
            "title": title,
            "organisation": _organisations(meeting),
            "subject": kind,
            "draft": not meeting.is_published,
        },
    )
    case_numbers = item.case_number_list() if item else []
    return render_pdf(
        html=html,
        base_url=base_url,
        title=title,
        author=_organisations(meeting) or meeting.body.name,
        subject=", ".join([kind, meeting.body.name, f"{meeting.date:%Y-%m-%d}", *case_numbers]),
    )
