"""Board reports (tjänsteskrivelser): the list, the preview, the PDF, drafting, issuing and
correcting."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core import documents
from core.access import require_permission
from core.history import history_page
from core.middleware import accepts_files
from core.pagecache import uncached
from core.pdf import pdf_response
from core.revisions import EditConflict
from governance.filters import BoardReportFilter
from governance.forms import BoardReportForm
from governance.pdf import board_report_context, board_report_pdf
from governance.queries import board_reports as queries
from governance.report_preview import PREVIEW, report_preview
from governance.report_rows import ReportLists
from governance.services import board_reports as services


def board_report_list(request):
    reports = BoardReportFilter(
        request.GET, queryset=queries.board_reports_visible_to(request.user), request=request
    )
    valid = reports.is_valid()
    return render(
        request,
        "governance/board_report_list.html",
        {
            "filter": reports,
            "reports": reports.qs if valid else [],
            "can_create": request.user.has_perm("governance.add_boardreport"),
        },
        status=200 if valid else 400,
    )


def board_report_detail(request, pk):
    report = queries.board_report_get_for_view(user=request.user, pk=pk)
    return render(
        request,
        "governance/board_report_detail.html",
        board_report_context(report, today=timezone.localdate())
        | {
            "can_edit": not report.is_issued
            and request.user.has_perm("governance.change_boardreport"),
            "can_issue": not report.is_issued
            and request.user.has_perm("governance.issue_boardreport"),
            "can_correct": report.is_issued and request.user.has_perm("governance.add_boardreport"),
        },
    )


def board_report_pdf_view(request, pk):
    """The issued PDF, the same bytes forever; a draft is rendered afresh and marked UTKAST."""
    report = queries.board_report_get_for_view(user=request.user, pk=pk)
    if report.is_issued:
        try:
            documents.verify(report.pdf, report.pdf_sha256)
        except documents.DocumentUnavailable:
            return documents.unavailable_page(request)
        with report.pdf.open("rb") as stored:
            content = stored.read()
        response = pdf_response(content, filename=report.title)
        response["X-Content-SHA256"] = report.pdf_sha256
        return uncached(response)
    content = board_report_pdf(
        report, base_url=request.build_absolute_uri("/"), draft=True, today=timezone.localdate()
    )
    return pdf_response(content, filename=_("utkast-%(title)s") % {"title": report.title})


def _report_form_page(request, form, lists, *, report=None, status=200):
    return render(
        request,
        "governance/board_report_form.html",
        {"form": form, "lists": lists, "report": report},
        status=status,
    )


def _posted(request):
    return request.POST if request.method == "POST" else None


def _preview_page(request, form, lists, *, report=None):
    """Förhandsgranska: the report as typed, in the body template the detail page and the PDF
    use, above the form as typed; nothing is written (see governance.report_preview)."""
    preview = report_preview(form, lists)
    context = board_report_context(preview, today=timezone.localdate())
    return render(
        request,
        "governance/board_report_form.html",
        context | {"form": form, "lists": lists, "report": report, "preview": preview},
    )


@accepts_files
def board_report_create(request):
    require_permission(request.user, "governance.add_boardreport", queries.WRITE_DENIED)
    form = BoardReportForm(_posted(request))
    lists = ReportLists(_posted(request), request.FILES or None)
    valid = form.is_bound and form.is_valid() & lists.is_valid()
    if valid and PREVIEW in request.POST:
        return _preview_page(request, form, lists)
    if valid:
        try:
            report = services.board_report_create(
                user=request.user, **form.content() | lists.content()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(report.get_absolute_url())
    return _report_form_page(request, form, lists, status=400 if form.is_bound else 200)


@accepts_files
def board_report_edit(request, pk):
    report = queries.board_report_get_for_edit(user=request.user, pk=pk)
    if report.is_issued:
        return _frozen(request, report)
    if request.method != "POST":
        form, lists = BoardReportForm(instance=report), ReportLists(report=report)
        return _report_form_page(request, form, lists, report=report)
    form = BoardReportForm(
        request.POST, instance=queries.board_report_get_for_edit(user=request.user, pk=pk)
    )
    lists = ReportLists(request.POST, request.FILES or None, report=report)
    valid = form.is_valid() & lists.is_valid()
    if valid and PREVIEW in request.POST:
        return _preview_page(request, form, lists, report=report)
    if valid:
        try:
            services.board_report_update(
                user=request.user,
                report=report,
                expected_revision=form.cleaned_data["revision"],
                **form.content() | lists.content(),
            )
        except services.ReportFrozen:
            return _frozen(request, report)
        except EditConflict as conflict:
            return render(
                request,
                "governance/board_report_conflict.html",
                {
                    "form": _resubmittable(form, conflict.current),
                    "lists": lists,
                    "report": conflict.current,
                },
                status=409,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(report.get_absolute_url())
    return _report_form_page(request, form, lists, report=report, status=400)


def _resubmittable(form, current):
    """The typed form again, now carrying the newer revision so that saving the merge works."""
    form.data = form.data.copy()
    form.data["revision"] = current.revision
    return form


def _frozen(request, report):
    return render(request, "governance/board_report_frozen.html", {"report": report}, status=409)


@require_http_methods(["GET", "POST"])
def board_report_issue(request, pk):
    """GET: what will be frozen, and for ever public, with the button that issues it."""
    report = queries.board_report_get_for_view(user=request.user, pk=pk)
    require_permission(
        request.user,
        "governance.issue_boardreport",
        _("Du har inte behörighet att expediera tjänsteskrivelser."),
    )
    if report.is_issued:
        return _frozen(request, report)
    if request.method == "GET":
        return _issue_page(request, report)
    base_url = request.build_absolute_uri("/")
    try:
        report = services.board_report_issue(
            user=request.user,
            report=report,
            issued_at=timezone.now(),
            render_pdf=lambda r: board_report_pdf(
                r, base_url=base_url, draft=False, today=timezone.localdate()
            ),
        )
    except services.ReportFrozen:
        return _frozen(request, report)
    except ValidationError as error:
        return _issue_page(request, report, errors=error.messages, status=400)
    messages.success(
        request, _("Tjänsteskrivelsen är expedierad. PDF:en är sparad och ändras aldrig.")
    )
    return redirect(report.get_absolute_url())


def _issue_page(request, report, *, errors=(), status=200):
    context = board_report_context(report, today=timezone.localdate())
    return render(
        request, "governance/board_report_issue.html", context | {"errors": errors}, status=status
    )


@require_POST
def board_report_correct(request, pk):
    report = queries.board_report_get_for_view(user=request.user, pk=pk)
    require_permission(request.user, "governance.add_boardreport", queries.WRITE_DENIED)
    try:
        correction = services.board_report_correct(user=request.user, report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(report.get_absolute_url())
    return redirect("governance:board_report_edit", pk=correction.pk)


def board_report_history(request, pk):
    """Every change of the report and of its rows, under the same access as the report."""
    report = queries.board_report_get_for_view(user=request.user, pk=pk)
    return history_page(request, report, section="reports", parts=queries.history_parts(report))


def board_report_document(request, pk, document_pk):
    """A supporting document's file, under the same access as its report."""
    report = queries.board_report_get_for_view(user=request.user, pk=pk)
    document = get_object_or_404(report.supporting_documents.exclude(file=""), pk=document_pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.file_name)
