"""Writing an imported register: every row or none, in one transaction, each change recorded
with where it came from ("Import från register.xlsx, rad 12")."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agreements.imports.columns import fold
from agreements.imports.models import ImportMapping
from agreements.imports.preview import Outcome, Preview, build_preview
from agreements.imports.reading import Sheet
from agreements.services import agreement_create, agreement_update
from core import search
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
