"""Validators for the identifiers Swedish public bodies write: case and organisation numbers."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# re.ASCII: \d must mean 0-9 only. Unicode digits ("٢٠٢٠", "２０２０") would otherwise pass,
# be stored as typed and slip past the uniqueness of the canonical ASCII form.
CASE_NUMBER_RE = re.compile(
    r"^(?P<code>[A-ZÅÄÖ][A-ZÅÄÖ0-9-]{0,15}) (?P<year>\d{4})/(?P<serial>\d{1,6})$", re.ASCII
)
ORGANISATION_NUMBER_RE = re.compile(r"^(?P<digits>\d{6})-?(?P<rest>\d{4})$", re.ASCII)
MIN_CASE_YEAR, MAX_CASE_YEAR = 1900, 2100


@dataclass(frozen=True)
class CaseNumber:
    """An ärendenummer / diarienummer such as "HSN 2020/247": body code, year, serial."""

    code: str
    year: int
    serial: int

    def __str__(self) -> str:
        return f"{self.code} {self.year}/{self.serial}"


def normalise_case_number(value: str) -> str:
    """Fold the spacing variants people type ("HSN  2020 / 247") into the canonical form."""
    text = " ".join(str(value).split())
    text = re.sub(r"\s*/\s*", "/", text)
    return text.upper()


def parse_case_number(value: str) -> CaseNumber:
    match = CASE_NUMBER_RE.match(normalise_case_number(value))
    if not match:
        raise ValidationError(
            _(
                "Ogiltigt ärendenummer: skriv organets förkortning, år och löpnummer, t.ex. ”HSN 2020/247”."
            ),
            code="invalid_case_number",
        )
    year, serial = int(match["year"]), int(match["serial"])
    if not MIN_CASE_YEAR <= year <= MAX_CASE_YEAR:
        raise ValidationError(
            _("Ogiltigt år i ärendenumret: %(year)s."),
            code="invalid_case_number_year",
            params={"year": year},
        )
    if serial == 0:
        raise ValidationError(
            _("Löpnumret i ett ärendenummer börjar på 1."), code="invalid_case_serial"
        )
    return CaseNumber(code=match["code"], year=year, serial=serial)


def validate_case_number(value: str) -> None:
    parse_case_number(value)


def luhn_checksum_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def normalise_organisation_number(value: str) -> str:
    match = ORGANISATION_NUMBER_RE.match(str(value).strip())
    if not match:
        raise ValidationError(
            _("Ogiltigt organisationsnummer: skriv tio siffror som NNNNNN-NNNN."),
            code="invalid_organisation_number",
        )
    return f"{match['digits']}-{match['rest']}"


def validate_organisation_number(value: str) -> None:
    normalised = normalise_organisation_number(value)
    digits = normalised.replace("-", "")
    # Legal persons have 2 or more as their third digit; lower means a personal identity number,
    # which we must not store as an organisation.
    if int(digits[2]) < 2:
        raise ValidationError(
            _(
                "Organisationsnummer har en tredje siffra på minst 2; detta ser ut som ett personnummer."
            ),
            code="invalid_organisation_number_group",
        )
    if not luhn_checksum_ok(digits):
        raise ValidationError(
            _("Organisationsnumrets kontrollsiffra stämmer inte."),
            code="invalid_organisation_number_checksum",
        )
