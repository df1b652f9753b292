"""One row of a register file read into an agreement's values, with what is wrong with it in
Swedish. Organisations and bodies are named as people write them (name, short name, code)
and looked up in the registers, never guessed."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from agreements.imports.columns import BY_KEY
from agreements.models import Agreement, Status
from core.validators import parse_case_numbers
from governance.models import Body, Organisation, case_number_for_body

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$", re.ASCII)
LIST_SEPARATORS = re.compile(r"\s*[;\n]\s*|\s*,\s*")
# Model fields an import writes as they are: the mapped column's text, parsed.
SIMPLE_FIELDS = ("title", "version_label", "kind", "status", "summary")
DATE_FIELDS = ("valid_from", "valid_until", "review_by")


@dataclass
class DecisionValue:
    body: Body
    case_number: str
    on: date | None = None


@dataclass
class RowValues:
    number: int
    register_id: str
    # Model field -> value, only for the columns mapped: an unmapped field is left as it is.
    fields: dict = field(default_factory=dict)
    parties: list[Organisation] | None = None
    decisions: list[DecisionValue] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


class Registers:
    """The organisations and bodies a file may name, read once per import (two queries)."""

    def __init__(self):
        self.organisations: dict[str, Organisation] = {}
        for organisation in Organisation.objects.all():
            for name in (organisation.name, organisation.short_name, organisation.slug):
                if name:
                    self.organisations.setdefault(_folded(name), organisation)
            if organisation.organisation_number:
                self.organisations.setdefault(organisation.organisation_number, organisation)
        self.bodies = list(Body.objects.prefetch_related("organisations"))
        self.bodies_by_name: dict[str, list[Body]] = {}
        for body in self.bodies:
            for name in {_folded(body.name), body.slug, _folded(body.short_code)} - {""}:
                self.bodies_by_name.setdefault(name, []).append(body)

    def bodies_with_code(self, code: str) -> list[Body]:
        return [b for b in self.bodies if b.short_code and b.short_code.upper() == code]


def split_list(text: str) -> list[str]:
    return [part for part in LIST_SEPARATORS.split(text) if part]


def parse_date(text: str, label) -> date | None:
    if not text:
        return None
    match = ISO_DATE.match(text.strip())
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        pass
    raise ValidationError(
        _("%(field)s: ”%(text)s” är inget datum. Skriv datum som ÅÅÅÅ-MM-DD.")
        % {"field": label, "text": text}
    )


def _choice(text: str, choices, label) -> str:
    folded = _folded(text)
    for value, name in choices:
        if folded in (value, _folded(str(name))):
            return value
    allowed = ", ".join(str(name) for _value, name in choices)
    raise ValidationError(
        _("%(field)s: ”%(text)s” är inget giltigt värde. Välj bland: %(allowed)s.")
        % {"field": label, "text": text, "allowed": allowed}
    )


def _parties(text: str, registers: Registers) -> list[Organisation]:
    found, unknown = [], []
    for name in split_list(text):
        organisation = registers.organisations.get(_folded(name))
        if organisation is None:
            unknown.append(name)
        elif organisation not in found:
            found.append(organisation)
    if unknown:
        raise ValidationError(
            _("Parter: %(names)s finns inte bland huvudmännen i registret.")
            % {"names": ", ".join(f"”{n}”" for n in unknown)}
        )
    return found


def _body_named(name: str, registers: Registers) -> Body:
    bodies = registers.bodies_by_name.get(_folded(name), [])
    if len(bodies) != 1:
        message = (
            _("Organet ”%(name)s” finns inte i registret.")
            if not bodies
            else _("Flera organ heter ”%(name)s”. Skriv organets namn i stället för förkortningen.")
        )
        raise ValidationError(message % {"name": name})
    return bodies[0]


def _body_for_code(code: str, parties, registers: Registers) -> Body:
    """The body whose code the case number carries; among several, the one of the parties."""
    bodies = registers.bodies_with_code(code)
    if len(bodies) > 1 and parties:
        party_ids = {p.pk for p in parties}
        bodies = [b for b in bodies if party_ids & {o.pk for o in b.organisations.all()}]
    if len(bodies) != 1:
        message = (
            _("Inget organ i registret har förkortningen %(code)s.")
            if not bodies
            else _(
                "Flera organ har förkortningen %(code)s. Ange organen i kolumnen ”Fastställd av”."
            )
        )
        raise ValidationError(message % {"code": code})
    return bodies[0]


def _decisions(cells: dict, parties, registers: Registers) -> list[DecisionValue]:
    """Case numbers, and the bodies and dates written beside them in the same order (one date
    for all when only one is written)."""
    numbers = parse_case_numbers(cells.get("case_numbers", "").replace("\n", ";"))
    names = split_list(cells.get("decision_bodies", ""))
    dates = [
        parse_date(d, BY_KEY["decision_dates"].label)
        for d in split_list(cells.get("decision_dates", ""))
    ]
    if names and len(names) != len(numbers):
        raise ValidationError(
            _(
                "Fastställd av: %(bodies)s organ men %(numbers)s ärendenummer; skriv ett ärendenummer per organ i samma ordning."
            )
            % {"bodies": len(names), "numbers": len(numbers)}
        )
    if len(dates) > 1 and len(dates) != len(numbers):
        raise ValidationError(
            _("Beslutsdatum: %(dates)s datum men %(numbers)s ärendenummer.")
            % {"dates": len(dates), "numbers": len(numbers)}
        )
    decisions = []
    for index, number in enumerate(numbers):
        if names:
            body = _body_named(names[index], registers)
        else:
            body = _body_for_code(number.code, parties, registers)
        decision_date = dates[index] if len(dates) > 1 else (dates[0] if dates else None)
        decisions.append(
            DecisionValue(body, case_number_for_body(body, str(number)), decision_date)
        )
    return decisions


def read_row(number: int, cells: dict[str, str], registers: Registers) -> RowValues:
    """`cells`: field key -> the cell's text, for the mapped columns."""
    row = RowValues(number=number, register_id=cells.get("register_id", "").strip())
    if not row.register_id:
        row.errors.append(_("Registerbeteckning saknas."))
    for name in (*SIMPLE_FIELDS, *DATE_FIELDS, "responsible_body"):
        if name in cells:
            try:
                row.fields[name] = _value(name, cells[name], registers)
            except ValidationError as error:
                row.errors.extend(error.messages)
    if "parties" in cells:
        try:
            row.parties = _parties(cells["parties"], registers)
        except ValidationError as error:
            row.errors.extend(error.messages)
    try:
        row.decisions = _decisions(cells, row.parties, registers)
    except ValidationError as error:
        row.errors.extend(error.messages)
    return row


def _value(name: str, text: str, registers: Registers):
    if name in DATE_FIELDS:
        return parse_date(text, BY_KEY[name].label)
    if name == "responsible_body":
        return _body_named(text, registers) if text else None
    if name == "kind":
        return (
            _choice(text, Agreement.Kind.choices, BY_KEY[name].label)
            if text
            else Agreement.Kind.AGREEMENT
        )
    if name == "status":
        return _choice(text, Status.choices, BY_KEY[name].label) if text else Status.DRAFT
    return text
