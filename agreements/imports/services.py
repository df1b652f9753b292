"""Writing an imported register: every row or none, in one transaction, each change recorded
with where it came from ("Import från register.xlsx, rad 12"). Run by the worker
(register_import_job) once the person confirms the preview: a large file outlasts a request."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from agreements.imports.columns import fold
from agreements.imports.models import ImportMapping
from agreements.imports.preview import Outcome, Preview, build_preview
from agreements.imports.reading import Sheet, read_sheet
from agreements.models import DUPLICATE_REGISTER_ID, Agreement
from core import search
from core.access import require_permission
from core.history import record_links
from core.jobs import JobRefused, JobResult
from core.models import BackgroundJob
from core.uploads import import_job_start, pending_upload_get
from governance.services import DecisionAbout, decision_record_many


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
BATCH = 500
# The errors a refused import lists on its job page; the preview lists them all.
ERRORS_SHOWN = 10


def require_register_admin(user) -> None:
    reason = _("Bara registeradministratörer kan importera överenskommelser.")
    require_permission(user, "agreements.add_agreement", reason)
    require_permission(user, "agreements.change_agreement", reason)


def register_import_start(*, user, upload) -> BackgroundJob:
    return import_job_start(
        user=user,
        upload=upload,
        handler="agreements.imports.services.register_import_job",
        label=_("överenskommelser från %(file)s") % {"file": upload.name},
        back="agreements:register_import_preview",  # the register replaces it when done
    )


@transaction.atomic
def register_import_job(*, user_id: int, upload_id: int) -> JobResult:
    """The worker's half: the upload read again and imported as the person who confirmed it,
    and removed in the same transaction, so it stays for another try if the import fails."""
    user = get_user_model().objects.get(pk=user_id)
    require_register_admin(user)  # refused (core.jobs.REFUSALS) when the right was lost
    upload = pending_upload_get(user=user, pk=upload_id, purpose=PURPOSE)
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
    # The search index is written once for all the agreements at the end, not at each save
    # and each change of their parties and decisions.
    with search.deferred():
        _create_new(user=user, preview=preview, file_name=file_name)
        _update_changed(user=user, preview=preview, file_name=file_name)
        adoptions = [
            DecisionAbout(
                body=decision.body,
                case_number=decision.case_number,
                subject=row.agreement,
                date=decision.on,
                reason=_reason(file_name, row.number),
            )
            for row in written
            for decision in row.new_decisions
        ]
        try:
            decision_record_many(user=user, adoptions=adoptions)
        except ValidationError as error:
            # A case number taken between the preview and this write: the first row adding
            # a decision says so, and leaving the transaction takes back all the rows.
            next(row for row in written if row.new_decisions).errors.extend(error.messages)
            raise ImportRefused(preview) from error
    agreements = [row.agreement for row in written]
    prefetch_related_objects(agreements, "parties")  # the index names them
    search.index_objects(agreements)
    return preview


def _reason(file_name: str, number: int) -> str:
    return _("Import från %(file)s, rad %(row)s") % {"file": file_name, "row": number}


def _create_new(*, user, preview: Preview, file_name: str) -> None:
    """The new agreements, their history and parties in a few queries whatever their number:
    a thousand rows one by one through agreement_create cost a minute and more. The preview
    checked each against the model and the register in this transaction; the database's own
    constraints check them again."""
    rows = [row for row in preview.rows if row.outcome == Outcome.NEW]
    agreements = [row.agreement for row in rows]
    for row in rows:
        row.agreement._history_user = user
        row.agreement._change_reason = _reason(file_name, row.number)
    try:
        with transaction.atomic():
            bulk_create_with_history(agreements, Agreement, batch_size=BATCH, default_user=user)
    except IntegrityError as error:  # a register id taken since the preview
        taken = set(
            Agreement.objects.filter(
                register_id__in=[a.register_id for a in agreements]
            ).values_list("register_id", flat=True)
        )
        for row in rows:
            if row.agreement.register_id in taken:
                row.errors.append(DUPLICATE_REGISTER_ID)
        raise ImportRefused(preview) from error
    through = Agreement.parties.through
    through.objects.bulk_create(
        [
            through(agreement=row.agreement, organisation=party)
            for row in rows
            for party in row.values.parties or ()
        ],
        batch_size=BATCH,
    )
    # The parties belong to the agreement's first version in its history, as simple-history
    # records them when they are set on a saved one.
    versions = dict(
        Agreement.history.filter(id__in=[a.pk for a in agreements], history_type="+").values_list(
            "id", "history_id"
        )
    )
    record_links(Agreement, "parties", versions, batch_size=BATCH)


def _update_changed(*, user, preview: Preview, file_name: str) -> None:
    """The changed agreements in a few queries whatever their number, each with its new
    history version (and the parties and topics it has then, as simple-history records them);
    the preview checked each against the model in this transaction. New parties are set row
    by row: their change is a version of its own, as when edited by hand."""
    rows = [row for row in preview.rows if row.outcome == Outcome.CHANGED]
    if not rows:
        return
    agreements = [row.agreement for row in rows]
    for row in rows:
        row.agreement._history_user = user
        row.agreement._change_reason = _reason(file_name, row.number)
    fields = sorted({name for row in rows for name in row.values.fields})
    bulk_update_with_history(agreements, Agreement, fields, batch_size=BATCH, default_user=user)
    versions = dict(
        Agreement.history.filter(id__in=[a.pk for a in agreements])
        .values("id")
        .annotate(latest=Max("history_id"))
        .values_list("id", "latest")
    )
    for field in Agreement.history.model._history_m2m_fields:
        record_links(Agreement, field.name, versions, batch_size=BATCH)
    for row in rows:
        parties = row.values.parties
        if parties is not None and set(parties) != set(row.agreement.parties.all()):
            row.agreement.parties.set(parties)  # recorded in its history with the reason above
