"""What importing a register file would do, row by row: a new agreement, a change (and what
changes), no change, or an error, before anything is written. The same reading decides what
the import writes (services), so the preview is what happens."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.imports.reading import Sheet
from agreements.imports.rows import DecisionValue, Registers, RowValues, read_row
from agreements.models import Agreement
from core.models import DATES_REVERSED
from governance.models import DecisionCaseNumber


class Outcome(models.TextChoices):
    NEW = "new", gettext_lazy("Ny")
    CHANGED = "changed", gettext_lazy("Ändras")
    UNCHANGED = "unchanged", gettext_lazy("Oförändrad")
    ERROR = "error", gettext_lazy("Fel")


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class RowResult:
    values: RowValues
    outcome: str = Outcome.UNCHANGED
    changes: list[Change] = field(default_factory=list)
    # The agreement as the import leaves it (unsaved), and the decisions it adds.
    agreement: Agreement | None = None
    new_decisions: list[DecisionValue] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.values.number

    @property
    def errors(self) -> list[str]:
        return self.values.errors

    def get_outcome_display(self) -> str:
        return str(Outcome(self.outcome).label)


@dataclass
class Preview:
    rows: list[RowResult]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def counts(self) -> dict[str, int]:
        counts = {outcome.value: 0 for outcome in Outcome}
        for row in self.rows:
            counts[row.outcome] += 1
        return counts

    @property
    def error_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.errors]


def _display(agreement: Agreement, name: str, value) -> str:
    if value in (None, ""):
        return "–"
    model_field = agreement._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def _names(items) -> str:
    return ", ".join(sorted(str(item) for item in items)) or "–"


def _decision_text(decision: DecisionValue) -> str:
    return f"{decision.case_number} ({decision.on})" if decision.on else decision.case_number


def _existing_decisions(agreements) -> dict[int, set[tuple[int, str]]]:
    """(body, case number) of the decisions already about each agreement: one query."""
    rows = DecisionCaseNumber.objects.filter(
        decision__subjects__content_type=ContentType.objects.get_for_model(Agreement),
        decision__subjects__object_id__in=[a.pk for a in agreements],
    ).values_list("decision__subjects__object_id", "body_id", "case_number")
    found: dict[int, set[tuple[int, str]]] = {}
    for agreement_id, body_id, number in rows:
        found.setdefault(agreement_id, set()).add((body_id, number))
    return found


def _compare(result: RowResult, existing: Agreement, decisions: set) -> None:
    values = result.values
    for name, value in values.fields.items():
        old = getattr(existing, name)
        if old != value:
            label = str(existing._meta.get_field(name).verbose_name).capitalize()
            result.changes.append(
                Change(label, _display(existing, name, old), _display(existing, name, value))
            )
            setattr(existing, name, value)
    if values.parties is not None and set(values.parties) != set(existing.parties.all()):
        result.changes.append(
            Change(_("Parter"), _names(existing.parties.all()), _names(values.parties))
        )
    result.new_decisions = [
        d for d in values.decisions if (d.body.pk, d.case_number) not in decisions
    ]
    if result.new_decisions:
        result.changes.append(
            Change(_("Nya beslut"), "–", ", ".join(map(_decision_text, result.new_decisions)))
        )
    result.agreement = existing
    result.outcome = Outcome.CHANGED if result.changes else Outcome.UNCHANGED


# Read from the registers already, so full_clean need not look them up again row by row.
LOOKED_UP = ["responsible_body", "replaced_by_agreement", "replaced_by_framework"]


def _validate(result: RowResult) -> None:
    """The model's own checks (required title, lengths, choices) before any write, without a
    query per row: uniqueness was settled against the file and the register, and the one
    database check an import can break (validity dates in order) is checked here; the
    service's save checks everything again."""
    agreement = result.agreement
    try:
        agreement.full_clean(exclude=LOOKED_UP, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        result.errors.extend(_labelled(error))
    if (
        agreement.valid_from
        and agreement.valid_until
        and agreement.valid_until < agreement.valid_from
    ):
        constraint = next(
            c for c in Agreement._meta.constraints if c.violation_error_code == DATES_REVERSED
        )
        result.errors.append(
            _labelled_message("valid_until", constraint.get_violation_error_message())
        )


def _labelled_message(name: str, message: str) -> str:
    if name == "__all__":
        return message
    return f"{str(Agreement._meta.get_field(name).verbose_name).capitalize()}: {message}"


def _labelled(error: ValidationError) -> list[str]:
    return [
        _labelled_message(name, message)
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def build_preview(sheet: Sheet, keys: list[str]) -> Preview:
    """`keys`: the field each column is mapped to ("" for a column skipped)."""
    columns = {key: index for index, key in enumerate(keys) if key}
    registers = Registers()
    values = [
        read_row(number, {key: cells[i] for key, i in columns.items()}, registers)
        for number, cells in sheet.rows
    ]
    existing = {
        agreement.register_id: agreement
        for agreement in Agreement.objects.filter(
            register_id__in=[v.register_id for v in values if v.register_id]
        )
        .select_related("responsible_body", "replaced_by_agreement", "replaced_by_framework")
        .prefetch_related("parties")
    }
    decisions = _existing_decisions(existing.values())
    first_seen: dict[str, int] = {}
    results = []
    for row in values:
        result = RowResult(values=row)
        results.append(result)
        if row.register_id in first_seen:
            row.errors.append(
                _("Registerbeteckningen %(id)s finns redan på rad %(row)s i filen.")
                % {"id": row.register_id, "row": first_seen[row.register_id]}
            )
        elif row.register_id:
            first_seen[row.register_id] = row.number
        if row.errors:
            result.outcome = Outcome.ERROR
            continue
        if row.register_id in existing:
            agreement = existing[row.register_id]
            _compare(result, agreement, decisions.get(agreement.pk, set()))
        else:
            result.agreement = Agreement(register_id=row.register_id, **row.fields)
            result.new_decisions = list(row.decisions)
            result.outcome = Outcome.NEW
        _validate(result)
        if result.errors:
            result.outcome = Outcome.ERROR
    return Preview(rows=results)
