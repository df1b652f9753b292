from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import queries
from agreements.calendar import review_events
from agreements.exports import FILENAME, TITLE, register_columns, register_export_rows
from agreements.filters import AgreementFilter
from agreements.forms import AttachmentForm
from agreements.pdf import InvalidFilter
from agreements.pdf import register_pdf as render_register_pdf
from agreements.services import attachment_add
from core import documents
from core.calendar import calendar_response
from core.exports import export_response
from core.history import history_page
from core.middleware import accepts_files
from core.pdf import pdf_response

PAGE_SIZE = 25


def agreement_list(request):
    register = AgreementFilter(
        request.GET, queryset=queries.agreements_visible_to(request.user), request=request
    )
    valid = register.is_valid()
    rows = queries.register_rows(register.qs if valid else register.queryset.none())
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("sida"))
    return render(
        request,
        "agreements/agreement_list.html",
        {
            "filter": register,
            "page": page,
            "today": timezone.localdate(),
            "can_create": request.user.has_perm("agreements.add_agreement"),
        },
        status=200 if valid else 400,
    )


def agreement_detail(request, register_id):
    agreement = queries.agreement_get_for_view(user=request.user, register_id=register_id)
    return _render_agreement(request, agreement, AttachmentForm())


def _render_agreement(request, agreement, form, status=200):
    return render(
        request,
        "agreements/agreement_detail.html",
        {
            "agreement": agreement,
            "adoption": queries.adoption_of(agreement),
            "attachment_form": form,
            "can_upload": request.user.has_perm("agreements.add_attachment"),
            "can_edit": request.user.has_perm("agreements.change_agreement"),
            "today": timezone.localdate(),
        },
        status=status,
    )


@accepts_files
@require_POST
@permission_required("agreements.add_attachment", raise_exception=True)
def attachment_upload(request, register_id):
    agreement = queries.agreement_get_for_view(user=request.user, register_id=register_id)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment_add(
                user=request.user,
                agreement=agreement,
                uploaded_file=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect(agreement.get_absolute_url() + "#bilagor")
    return _render_agreement(request, agreement, form, status=400)


def attachment_download(request, register_id, pk):
    agreement = queries.agreement_get_for_view(user=request.user, register_id=register_id)
    attachment = get_object_or_404(agreement.attachments, pk=pk)
    try:
        documents.verify(attachment.file, attachment.sha256)
    except documents.DocumentUnavailable:
        return documents.unavailable_page(request)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.media_type,
    )
    response["X-Content-SHA256"] = attachment.sha256
    return response


def agreement_history(request, register_id):
    agreement = queries.agreement_get_for_view(user=request.user, register_id=register_id)
    return history_page(
        request, agreement, section="agreements", parts=queries.history_parts(agreement)
    )


def framework_list(request):
    frameworks = queries.framework_list(user=request.user)
    return render(
        request,
        "agreements/framework_list.html",
        {"frameworks": frameworks, "can_create": request.user.has_perm("agreements.add_framework")},
    )


def framework_detail(request, slug):
    framework = queries.framework_get_for_view(user=request.user, slug=slug)
    return render(
        request,
        "agreements/framework_detail.html",
        {
            "framework": framework,
            "adoption": queries.adoption_of(framework),
            "can_edit": request.user.has_perm("agreements.change_framework"),
        },
    )


def framework_history(request, slug):
    framework = queries.framework_get_for_view(user=request.user, slug=slug)
    return history_page(request, framework, section="frameworks")


def register_pdf(request):
    """The register as a PDF, with the same filters as the page (rendered once per version)."""
    try:
        content = render_register_pdf(
            user=request.user, params=request.GET, base_url=request.build_absolute_uri("/")
        )
    except InvalidFilter as error:
        return _invalid_filter(error)
    return pdf_response(content, filename="forteckning-over-overenskommelser")


def register_export(request, export_format):
    """The register as Excel or CSV, with the same filters as the page."""
    try:
        rows = register_export_rows(user=request.user, params=request.GET)
    except InvalidFilter as error:
        return _invalid_filter(error)
    return export_response(
        export_format,
        register_columns(request.build_absolute_uri),
        rows,
        title=str(TITLE),
        filename=FILENAME,
    )


def review_calendar(request):
    """Review dates of the agreements in force, as an iCalendar feed (public)."""
    events = review_events(queries.public_reviews(), link=request.build_absolute_uri)
    return calendar_response(
        request,
        events,
        name=_("Översyn av överenskommelser"),
        feed="agreement-reviews",
        filename="oversyn",
    )


def _invalid_filter(error: InvalidFilter):
    return HttpResponseBadRequest(
        _("Filtret innehåller fel: %(errors)s") % {"errors": "; ".join(error.errors)},
        content_type="text/plain; charset=utf-8",
    )
