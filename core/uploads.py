"""Uploaded files checked (type, size, content). For an import: kept between the steps that
read them and removed when the import is done or abandoned; every import goes the same way:
its upload page (upload_page), its own steps reading the pending upload, then a job per
upload that the worker runs (import_job_start). And documents people attach (an agreement's
attachments, a board report's underlag), checked by `read_document`.

A pending upload belongs to the user who sent it: another user's id answers 404, so an
upload is never read by anyone else."""

from datetime import timedelta
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.jobs import start_job
from core.models import BackgroundJob, PendingUpload

# An upload not confirmed within this time is abandoned: removed when the next one arrives.
KEPT_FOR = timedelta(days=1)
ZIP_MAGIC = b"PK\x03\x04"  # .xlsx and .docx are zip containers

# Documents people attach: extension -> (media type, the bytes such a file starts with).
# Office files are zip containers. Their size: settings.ATTACHMENT_MAX_BYTES.
DOCUMENT_TYPES = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP_MAGIC,
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP_MAGIC),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ZIP_MAGIC,
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP_MAGIC),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP_MAGIC),
}


def read_document(uploaded_file) -> tuple[bytes, str]:
    """A document's bytes and media type (one of DOCUMENT_TYPES, at most
    ATTACHMENT_MAX_BYTES), or a ValidationError in Swedish."""
    extensions = {extension: magic for extension, (_type, magic) in DOCUMENT_TYPES.items()}
    data = read_upload(uploaded_file, extensions=extensions, limit=settings.ATTACHMENT_MAX_BYTES)
    return data, DOCUMENT_TYPES[PurePath(uploaded_file.name).suffix.lower()][0]


def read_upload(
    uploaded_file, *, extensions: dict[str, bytes | None], limit: int | None = None
) -> bytes:
    """The file's bytes, or a ValidationError in Swedish (code too_large for a 413).
    `extensions`: the accepted endings and the bytes such a file starts with (None: any);
    `limit`: the largest size in bytes, IMPORT_MAX_BYTES unless given."""
    extension = PurePath(uploaded_file.name or "").suffix.lower()
    if extension not in extensions:
        allowed = ", ".join(sorted(ext.lstrip(".").upper() for ext in extensions))
        raise ValidationError(
            _("Filtypen är inte tillåten. Tillåtna filtyper: %(allowed)s.") % {"allowed": allowed},
            code="file_type",
        )
    limit = settings.IMPORT_MAX_BYTES if limit is None else limit
    too_large = ValidationError(
        _("Filen är för stor. Största tillåtna storlek är %(megabytes)s MB.")
        % {"megabytes": round(limit / (1024 * 1024), 1)},
        code="too_large",
    )
    if uploaded_file.size is not None and uploaded_file.size > limit:
        raise too_large
    data = uploaded_file.read(limit + 1)
    if len(data) > limit:
        raise too_large
    if not data:
        raise ValidationError(_("Filen är tom."), code="empty")
    magic = extensions[extension]
    if magic is not None and not data.startswith(magic):
        raise ValidationError(
            _("Filens innehåll stämmer inte med filtypen. Ladda upp en riktig %(type)s-fil.")
            % {"type": extension.lstrip(".").upper()},
            code="file_content",
        )
    return data


@transaction.atomic
def pending_upload_store(*, user, purpose: str, name: str, data: bytes) -> PendingUpload:
    PendingUpload.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
    upload = PendingUpload(user=user, purpose=purpose, name=PurePath(name).name[:255], data=data)
    upload.full_clean(exclude=["data"])
    upload.save()
    return upload


def pending_upload_get(*, user, pk: int, purpose: str) -> PendingUpload:
    upload = PendingUpload.objects.filter(pk=pk, user=user, purpose=purpose).first()
    if upload is None:
        raise Http404(_("Den uppladdade filen finns inte längre. Ladda upp den igen."))
    return upload


class ImportFileForm(forms.Form):
    """The file for an import, read and checked as it is cleaned (`cleaned_data["data"]`)."""

    file = forms.FileField(label=_lazy("Fil"))

    def __init__(self, *args, extensions: dict[str, bytes | None], help_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.extensions = extensions
        self.fields["file"].help_text = help_text
        self.fields["file"].widget.attrs["accept"] = ",".join(extensions)

    def clean(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is not None:
            try:
                self.cleaned_data["data"] = read_upload(uploaded, extensions=self.extensions)
            except ValidationError as error:
                self.add_error("file", error)
        return self.cleaned_data

    @property
    def too_large(self) -> bool:
        return self.has_error("file", code="too_large")

    @property
    def status(self) -> int:
        """413 for a file over the limit, else 400 for what was wrong with it."""
        return 413 if self.too_large else 400


def upload_page(
    request, *, purpose: str, extensions, help_text: str, read, template: str, next_step: str
):
    """An import's first page: the file checked for its type and size, then read by
    `read(data, name)` (a ValidationError in Swedish when it holds nothing to import), kept as
    the person's pending upload for `purpose`, and the person sent on to `next_step` (a URL
    name taking the upload's pk). 400 for a file refused, 413 for one too large."""
    form = ImportFileForm(
        *((request.POST, request.FILES) if request.method == "POST" else ()),
        extensions=extensions,
        help_text=help_text,
    )
    if form.is_bound and form.is_valid():
        name, data = form.cleaned_data["file"].name, form.cleaned_data["data"]
        try:
            read(data, name)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            stored = pending_upload_store(user=request.user, purpose=purpose, name=name, data=data)
            return redirect(next_step, pk=stored.pk)
    status = form.status if form.is_bound else 200
    return render(request, template, {"form": form}, status=status)


def import_job_key(*, purpose: str, upload_id: int) -> str:
    return f"{purpose}-import:{upload_id}"


def import_job_start(
    *, user, upload: PendingUpload, handler: str, label: str, back: str
) -> BackgroundJob:
    """Hand a confirmed import to the worker, `handler(user_id=…, upload_id=…)`: one job per
    upload, so a second click waits for the first; confirming again after a refusal tries
    again. `back`: the URL name (taking the upload's pk) of the step a refused import sends
    the person back to; the import's result replaces it."""
    return start_job(
        key=import_job_key(purpose=upload.purpose, upload_id=upload.pk),
        handler=handler,
        arguments={"user_id": user.pk, "upload_id": upload.pk},
        label=label,
        result_url=reverse(back, args=[upload.pk]),
        retry_failed=True,
    )
