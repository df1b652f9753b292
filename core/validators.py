"""Validators for the identifiers Swedish public bodies write: case and organisation numbers."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# re.ASCII: \d must mean 0-9 only. Unicode digits ("٢٠٢٠", "２０２０") would otherwise pass,
# be stored as typed and slip past the uniqueness of the canonical ASCII form.
# The code is matched lazily so that "RS2022/1000" (no space) reads as RS + 2022; a code may
# itself hold digits ("AB1 2020/5"). "-1" after the serial numbers a document in the case.
CASE_NUMBER_RE = re.compile(
    r"^(?P<code>[A-ZÅÄÖ][A-ZÅÄÖ0-9-]{0,15}?) ?(?P<year>\d{4})/(?P<serial>\d{1,6})"
    r"(?:-(?P<document>\d{1,4}))?$",
    re.ASCII,
)
# What documents write before a case number: "Dnr RS 2022/1275", "Diarienummer: …".
CASE_NUMBER_PREFIX_RE = re.compile(
    r"^(?:DNR|DIARIENR|DIARIENUMMER|ÄRENDENR|ÄRENDENUMMER)(?:[.:] ?| )"
)
# Look-alikes that are not case numbers, refused with the reason.
PUBLICATION_RE = re.compile(r"^[A-ZÅÄÖ.]+ ?\d{4}:\d+$", re.ASCII)  # SOU 2018:33, SFS 2017:725
YEARLESS_RE = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9-]* ?\d{1,3}$", re.ASCII)  # SON 108
ORGANISATION_NUMBER_RE = re.compile(r"^(?P<digits>\d{6})-?(?P<rest>\d{4})$", re.ASCII)
MIN_CASE_YEAR, MAX_CASE_YEAR = 1900, 2100
CASE_NUMBER_EXAMPLE = "”HSN 2020/247”"


@dataclass(frozen=True)
class CaseNumber:
    """An ärendenummer / diarienummer such as "HSN 2020/247": body code, year, serial, and
    the number of one document in the case when written ("RS 2022/713-1")."""

    code: str
    year: int
    serial: int
    document: int | None = None

    def __str__(self) -> str:
        case = f"{self.code} {self.year}/{self.serial}"
        return f"{case}-{self.document}" if self.document else case

    @property
    def case(self) -> "CaseNumber":
        """The case (ärende) itself, without the document's number."""
        return CaseNumber(code=self.code, year=self.year, serial=self.serial)


def _folded(value: str) -> str:
    text = " ".join(str(value).split())
    text = re.sub(r"\s*/\s*", "/", text).upper()
    return CASE_NUMBER_PREFIX_RE.sub("", text)


def normalise_case_number(value: str) -> str:
    """The canonical form ("HSN 2020/247") of whatever way people and documents write it
    ("hsn  2020 / 247", "Dnr HSN 2020/247", "HSN2020/247"); text that is no case number is
    only folded (spaces, case), so the validator can say what is wrong with it."""
    try:
        return str(parse_case_number(value))
    except ValidationError:
        return _folded(value)


def _invalid(reason: str, **params) -> ValidationError:
    return ValidationError(
        _("Ogiltigt ärendenummer: %(reason)s") % {"reason": reason % params if params else reason},
        code="invalid_case_number",
    )


def parse_case_number(value: str) -> CaseNumber:
    """One parser for forms, imports and search: the real forms documents write, refused with
    the reason when a look-alike is not a case number."""
    text = _folded(value)
    match = CASE_NUMBER_RE.match(text)
    if not match:
        if "§" in text:
            raise _invalid(
                _(
                    "”%(text)s” är en paragraf i protokollet; den skrivs för sig, inte som ärendenummer."
                ),
                text=text,
            )
        if PUBLICATION_RE.match(text):
            raise _invalid(
                _(
                    "”%(text)s” är en beteckning på en tryckt skrift (år:nummer), inte ett ärende. "
                    "Ett ärendenummer skrivs med snedstreck, t.ex. %(example)s."
                ),
                text=text,
                example=CASE_NUMBER_EXAMPLE,
            )
        if YEARLESS_RE.match(text):
            raise _invalid(
                _(
                    "året saknas i ”%(text)s”. Skriv organets förkortning, år och löpnummer, "
                    "t.ex. %(example)s."
                ),
                text=text,
                example=CASE_NUMBER_EXAMPLE,
            )
        raise _invalid(
            _("skriv organets förkortning, år och löpnummer, t.ex. %(example)s."),
            example=CASE_NUMBER_EXAMPLE,
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
    document = int(match["document"]) if match["document"] else None
    if document == 0:
        raise ValidationError(
            _("Dokumentnumret i ett ärendenummer börjar på 1."), code="invalid_case_serial"
        )
    return CaseNumber(code=match["code"], year=year, serial=serial, document=document)


def parse_case_numbers(value: str) -> list[CaseNumber]:
    """Several case numbers as a document lists them ("SN 2017/212, SN 2019/16"; commas,
    semicolons or "och"), in order, each once."""
    parts = re.split(r"\s*(?:[,;]|\boch\b)\s*", str(value), flags=re.IGNORECASE)
    numbers: list[CaseNumber] = []
    for part in parts:
        if part.strip() and (number := parse_case_number(part)) not in numbers:
            numbers.append(number)
    return numbers


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
