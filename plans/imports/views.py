"""Importing a plan from Word: upload, a preview as the plan tree with what was not
understood, then create it as a draft. For those who may create plans."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.middleware import accepts_files
from core.uploads import ZIP_MAGIC, pending_upload_get, upload_page
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
    return upload_page(
        request,
        purpose=PURPOSE,
        extensions={".docx": ZIP_MAGIC},
        help_text=_("Ett Word-dokument (.docx) med numrerade områden eller faser."),
        read=lambda data, _name: parse(data, bodies=()),
        template="plans/imports/plan_upload.html",
        next_step="plans:plan_import_preview",
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
