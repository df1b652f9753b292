"""Importing a plan from Word: upload, a preview as the plan tree with what was not
understood, then create it as a draft. For those who may create plans."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.middleware import accepts_files
from core.uploads import ZIP_MAGIC, ImportFileForm, pending_upload_get, pending_upload_store
from plans.imports.parsing import parse
from plans.imports.services import (
    PURPOSE,
    bodies_for_import,
    plan_import_start,
    require_plan_creator,
)


@accepts_files
def upload(request):
    require_plan_creator(request.user)
    form = ImportFileForm(
        *((request.POST, request.FILES) if request.method == "POST" else ()),
        extensions={".docx": ZIP_MAGIC},
        help_text=_("Ett Word-dokument (.docx) med numrerade områden eller faser."),
    )
    if request.method == "POST" and form.is_valid():
        try:
            parse(form.cleaned_data["data"], bodies=())
        except ValidationError as error:
            form.add_error("file", error)
        else:
            stored = pending_upload_store(
                user=request.user,
                purpose=PURPOSE,
                name=form.cleaned_data["file"].name,
                data=form.cleaned_data["data"],
            )
            return redirect("plans:plan_import_preview", pk=stored.pk)
    return render(
        request,
        "plans/imports/plan_upload.html",
        {"form": form},
        status=form.status if form.is_bound else 200,
    )


def preview(request, pk):
    require_plan_creator(request.user)
    stored = pending_upload_get(user=request.user, pk=pk, purpose=PURPOSE)
    if request.method == "POST":
        # The worker reads the file again and creates the plan (all of it or nothing); the
        # person waits on the job's page, which leads to the new draft or says why not.
        job = plan_import_start(user=request.user, upload=stored)
        return redirect("background_job", job.pk)
    draft = parse(bytes(stored.data), bodies=bodies_for_import())
    return render(
        request,
        "plans/imports/plan_preview.html",
        {"draft": draft, "upload": stored, "counts": draft.counts()},
    )
