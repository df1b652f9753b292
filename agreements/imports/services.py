"""Writing an imported register: every row or none, in one transaction, each change recorded
with where it came from ("Import från register.xlsx, rad 12"). Run by the worker
(register_import_job) once the person confirms the preview: a large file outlasts a request."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agreements.imports.columns import fold
from agreements.imports.models import ImportMapping
from agreements.imports.preview import Outcome, Preview, build_preview
from agreements.imports.reading import Sheet, read_sheet
from agreements.services import agreement_create, agreement_update
from core import search
from core.access import require_permission
from core.jobs import JobRefused, JobResult, retry_job, start_job
from core.models import BackgroundJob
from core.uploads import pending_upload_get
from governance.services import decision_record


class ImportRefused(Exception):
    """The file has errors: nothing was written. The preview says which rows and why."""

    def __init__(self, preview: Preview):
        super().__init__(_("Importen har fel. Ingenting har sparats."))
        self.preview = preview


def import_mapping_remember(*, user, headings: list[str], keys: list[str]) -> None:
    """Keep the user's choice of field per heading for the next file."""
    mapping, _created = ImportMapping.objects.get_or_create(user=user)
    mapping.columns.update({fold(h): k for h, k in zip(headings, keys, strict=True)})
    mapping.save(update_fields=["columns"])


PURPOSE = "agreement-register"
# The errors a refused import lists on its job page; the preview lists them all.
ERRORS_SHOWN = 10


def require_register_admin(user) -> None:
    reason = _("Bara registeradministratörer kan importera överenskommelser.")
    require_permission(user, "agreements.add_agreement", reason)
    require_permission(user, "agreements.change_agreement", reason)


def import_job_key(upload_id: int) -> str:
    return f"agreement-register-import:{upload_id}"


def register_import_start(*, user, upload) -> BackgroundJob:
    """Hand the confirmed import to the worker: one job per upload, so a second click waits for
    the first; confirming again after a refusal tries again."""
    job = start_job(
        key=import_job_key(upload.pk),
        handler="agreements.imports.services.register_import_job",
        arguments={"user_id": user.pk, "upload_id": upload.pk},
        label=_("överenskommelser från %(file)s") % {"file": upload.name},
        # Where a refused import sends the person back to; the import's result replaces it.
        result_url=reverse("agreements:register_import_preview", args=[upload.pk]),
    )
    if job.status == BackgroundJob.Status.FAILED:
        job = retry_job(job=job)
    return job


@transaction.atomic
def register_import_job(*, user_id: int, upload_id: int) -> JobResult:
    """The worker's half: the upload read again and imported as the person who confirmed it,
    and removed in the same transaction, so it stays for another try if the import fails."""
    user = get_user_model().objects.get(pk=user_id)
    try:
        require_register_admin(user)
        upload = pending_upload_get(user=user, pk=upload_id, purpose=PURPOSE)
    except (PermissionDenied, Http404) as error:
        raise JobRefused(str(error)) from error
    sheet = read_sheet(bytes(upload.data), upload.name)
    try:
        done = register_import(
            user=user, sheet=sheet, keys=upload.options["keys"], file_name=upload.name
        )
    except ImportRefused as refused:
        raise JobRefused(_refusal(refused)) from refused
    upload.delete()
    counts = done.counts
    return JobResult(
        result_url=f"{reverse('agreements:agreement_list')}?imported={upload_id}",
        summary=ngettext(
            "Importen är klar: %(new)s ny överenskommelse, %(changed)s ändrade, %(unchanged)s oförändrade.",
            "Importen är klar: %(new)s nya överenskommelser, %(changed)s ändrade, %(unchanged)s oförändrade.",
            counts["new"],
        )
        % counts,
    )


def _refusal(refused: ImportRefused) -> str:
    lines = [
        _("Rad %(row)s: %(errors)s") % {"row": row.number, "errors": " ".join(row.errors)}
        for row in refused.preview.error_rows[:ERRORS_SHOWN]
    ]
    return " ".join([str(refused), *lines])


@transaction.atomic
def register_import(*, user, sheet: Sheet, keys: list[str], file_name: str) -> Preview:
    """Create the new agreements, update the changed ones (by register id), add the decisions
    that adopted them; the preview is read again inside the transaction, so what is written is
    what the register holds now. One error anywhere and nothing is written (ImportRefused)."""
    preview = build_preview(sheet, keys)
    if preview.has_errors:
        raise ImportRefused(preview)
    written = [row for row in preview.rows if row.outcome != Outcome.UNCHANGED]
    # The search index is written once per agreement at the end, not at each save and each
    # change of its parties and decisions.
    with search.deferred():
        for row in written:
            reason = _("Import från %(file)s, rad %(row)s") % {"file": file_name, "row": row.number}
            try:
                _write(user=user, row=row, reason=reason)
            except ValidationError as error:
                # Another write between the preview and this one (a case number taken
                # meanwhile): the row says so, and leaving the transaction takes back the
                # rows before it.
                row.errors.extend(error.messages)
                row.outcome = Outcome.ERROR
                raise ImportRefused(preview) from error
    for row in written:
        search.index_object(row.agreement)
    return preview


def _write(*, user, row, reason: str) -> None:
    agreement, parties = row.agreement, row.values.parties
    if row.outcome == Outcome.NEW:
        agreement_create(user=user, agreement=agreement, parties=parties or (), reason=reason)
    else:
        agreement_update(user=user, agreement=agreement, reason=reason)
        if parties is not None and set(parties) != set(agreement.parties.all()):
            agreement.parties.set(parties)  # recorded in its history with the reason above
    for decision in row.new_decisions:
        decision_record(
            user=user,
            body=decision.body,
            case_number=decision.case_number,
            subjects=[agreement],
            date=decision.on,
            reason=reason,
        )
