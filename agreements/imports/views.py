"""The register administrator's import of an agreement register: upload, map the columns,
preview, confirm. Thin: the reading is in reading/rows/preview, the writing in services."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from agreements.imports import columns
from agreements.imports.forms import MappingForm
from agreements.imports.preview import build_preview
from agreements.imports.reading import EXTENSIONS, read_sheet
from agreements.imports.services import (
    PURPOSE,
    import_mapping_remember,
    register_import_start,
    require_register_admin,
)
from core.middleware import accepts_files
from core.uploads import pending_upload_get, upload_page

SAMPLE_ROWS = 3


@accepts_files
def upload(request):
    require_register_admin(request.user)
    return upload_page(
        request,
        purpose=PURPOSE,
        extensions=EXTENSIONS,
        help_text=_(
            "Excel (.xlsx) eller CSV (semikolon eller komma, UTF-8 eller Windows-1252). "
            "Första raden ska innehålla kolumnernas rubriker."
        ),
        read=read_sheet,
        template="agreements/imports/register_upload.html",
        next_step="agreements:register_import_mapping",
    )


def _upload_and_sheet(request, pk):
    require_register_admin(request.user)
    stored = pending_upload_get(user=request.user, pk=pk, purpose=PURPOSE)
    return stored, read_sheet(bytes(stored.data), stored.name)


def _chosen_keys(stored, sheet) -> list[str] | None:
    """The columns chosen for this file, if they were (one per heading)."""
    keys = stored.options.get("keys")
    return keys if keys and len(keys) == len(sheet.headings) else None


def mapping(request, pk):
    stored, sheet = _upload_and_sheet(request, pk)
    samples = [
        "; ".join(cells[i] for _n, cells in sheet.rows[:SAMPLE_ROWS] if cells[i])
        for i in range(len(sheet.headings))
    ]
    form = MappingForm(
        request.POST if request.method == "POST" else None,
        headings=sheet.headings,
        samples=samples,
        initial_keys=_chosen_keys(stored, sheet)
        or columns.guess(sheet.headings, user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        stored.options = {"keys": form.keys()}
        stored.save(update_fields=["options"])
        import_mapping_remember(user=request.user, headings=sheet.headings, keys=form.keys())
        return redirect("agreements:register_import_preview", pk=stored.pk)
    return render(
        request,
        "agreements/imports/register_mapping.html",
        {"form": form, "upload": stored, "row_count": len(sheet.rows)},
        status=400 if form.is_bound else 200,
    )


def preview(request, pk):
    stored, sheet = _upload_and_sheet(request, pk)
    keys = _chosen_keys(stored, sheet)
    if not keys:
        return redirect("agreements:register_import_mapping", pk=stored.pk)
    result = build_preview(sheet, keys)
    if request.method == "POST" and not result.has_errors:
        # The worker reads the file again and imports it (all rows or none); the person
        # waits on the job's page, which leads to the imported agreements or says why not.
        job = register_import_start(user=request.user, upload=stored)
        return redirect("background_job", job.pk)
    return render(
        request,
        "agreements/imports/register_preview.html",
        {"preview": result, "upload": stored, "columns": columns.BY_KEY},
        status=400 if request.method == "POST" else 200,
    )
