"""Importing a plan from Word: upload, a preview as the plan tree with what was not
understood, then create it as a draft. For those who may create plans."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import require_permission
from core.middleware import accepts_files
from core.uploads import ZIP_MAGIC, ImportFileForm, pending_upload_get, pending_upload_store
from plans.imports.parsing import parse
from plans.imports.services import bodies_for_import, plan_import

PURPOSE = "plan-word"


def _require_plan_creator(user) -> None:
    require_permission(user, "plans.add_plan", _("Du har inte behörighet att skapa planer."))


@accepts_files
def upload(request):
    _require_plan_creator(request.user)
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
    _require_plan_creator(request.user)
    stored = pending_upload_get(user=request.user, pk=pk, purpose=PURPOSE)
    draft = parse(bytes(stored.data), bodies=bodies_for_import())
    error = None
    if request.method == "POST":
        try:
            plan = plan_import(draft=draft, file_name=stored.name, user=request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            stored.delete()
            messages.success(request, _("Planen är importerad som utkast. Du är redaktör för den."))
            return redirect(plan.get_absolute_url())
    return render(
        request,
        "plans/imports/plan_preview.html",
        {"draft": draft, "upload": stored, "counts": draft.counts(), "error": error},
        status=400 if error else 200,
    )
