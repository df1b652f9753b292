"""What a register file's columns can be: the agreement's fields an import fills, the words
headings use for them, and the mapping a user last chose (ImportMapping)."""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from agreements.imports.models import ImportMapping


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    # Headings (folded) that mean this field, for the first guess.
    aliases: tuple[str, ...]


COLUMNS = (
    Column("register_id", _("Registerbeteckning"), ("registerbeteckning", "beteckning", "id", "registernummer", "ök", "nummer")),
    Column("title", _("Titel"), ("titel", "namn", "rubrik", "överenskommelse", "benämning")),
    Column("version_label", _("Version"), ("version", "versionsnummer")),
    Column("kind", _("Typ"), ("typ", "slag", "dokumenttyp")),
    Column("status", _("Status"), ("status", "läge")),
    Column("parties", _("Parter"), ("parter", "part", "huvudmän", "huvudman", "organisationer")),
    Column("decision_bodies", _("Fastställd av (organ)"), ("fastställd av", "beslutande organ", "organ", "beslutad av", "antagen av")),
    Column("case_numbers", _("Ärendenummer"), ("ärendenummer", "diarienummer", "dnr", "ärendenr", "diarienr")),
    Column("decision_dates", _("Beslutsdatum"), ("beslutsdatum", "fastställd datum", "datum för beslut", "beslutad")),
    Column("valid_from", _("Gäller från"), ("gäller från", "giltig från", "från", "startdatum")),
    Column("valid_until", _("Gäller till"), ("gäller till", "giltig till", "till", "slutdatum", "giltig t.o.m.")),
    Column("review_by", _("Ses över senast"), ("ses över senast", "revideras senast", "översyn", "revidering", "uppföljningsdatum")),
    Column("responsible_body", _("Ansvarigt organ"), ("ansvarigt organ", "ansvarig", "ägare")),
    Column("summary", _("Sammanfattning"), ("sammanfattning", "beskrivning", "kommentar")),
)  # fmt: skip
BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED = ("register_id", "title")


def fold(heading: str) -> str:
    return " ".join(re.sub(r"[^\wåäö.]+", " ", heading.lower()).split())


def guess(headings: list[str], *, user) -> list[str]:
    """A field key (or "" to skip) per heading: the user's remembered choice for a heading,
    else the field whose words it is; each field taken once."""
    remembered = {}
    mapping = ImportMapping.objects.filter(user=user).first()
    if mapping is not None:
        remembered = mapping.columns
    chosen: list[str] = []
    for heading in headings:
        folded = fold(heading)
        key = remembered.get(folded)
        if key is None:
            key = next((c.key for c in COLUMNS if folded in c.aliases), "")
        chosen.append(key if key in BY_KEY and key not in chosen else "")
    return chosen
