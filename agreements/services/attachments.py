"""Attachments (bilagor) of agreements: checked for type, content and size, stored by their
SHA-256. Their history is part of the agreement's (agreements.queries.history_parts)."""

import hashlib
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agreements.models import Agreement, Attachment
from core.files import save_with_file

# Extension -> (media type, the bytes such a file starts with). Office files are zip containers.
ALLOWED_ATTACHMENT_TYPES = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        b"PK\x03\x04",
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", b"PK\x03\x04"),
}


def _read_limited(uploaded_file, limit: int) -> bytes:
    if uploaded_file.size is not None and uploaded_file.size > limit:
        raise ValidationError(_too_large_message(limit), code="too_large")
    data = uploaded_file.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(_too_large_message(limit), code="too_large")
    return data


def _too_large_message(limit: int) -> str:
    return _("Filen är för stor. Största tillåtna storlek är %(megabytes)s MB.") % {
        "megabytes": limit // (1024 * 1024)
    }


def attachment_validate(uploaded_file) -> tuple[bytes, str]:
    """Return the file's bytes and media type, or raise a ValidationError in Swedish."""
    extension = PurePath(uploaded_file.name or "").suffix.lower()
    if extension not in ALLOWED_ATTACHMENT_TYPES:
        allowed = ", ".join(sorted(ext.lstrip(".").upper() for ext in ALLOWED_ATTACHMENT_TYPES))
        raise ValidationError(
            _("Filtypen är inte tillåten. Tillåtna filtyper: %(allowed)s.") % {"allowed": allowed},
            code="file_type",
        )
    data = _read_limited(uploaded_file, settings.ATTACHMENT_MAX_BYTES)
    if not data:
        raise ValidationError(_("Filen är tom."), code="empty")
    media_type, magic = ALLOWED_ATTACHMENT_TYPES[extension]
    if not data.startswith(magic):
        raise ValidationError(
            _(
                "Filens innehåll stämmer inte med filtypen. Ladda upp en riktig PDF- eller Office-fil."
            ),
            code="file_content",
        )
    return data, media_type


@transaction.atomic
def attachment_add(*, user, agreement: Agreement, uploaded_file, title: str = "") -> Attachment:
    data, media_type = attachment_validate(uploaded_file)
    digest = hashlib.sha256(data).hexdigest()
    if agreement.attachments.filter(sha256=digest).exists():
        raise ValidationError(
            _("Samma fil finns redan som bilaga till överenskommelsen."), code="duplicate"
        )
    name = PurePath(uploaded_file.name).name[:255]
    attachment = Attachment(
        agreement=agreement,
        title=(title or PurePath(name).stem)[:300],
        original_name=name,
        media_type=media_type,
        size=len(data),
        sha256=digest,
    )
    return save_with_file(
        attachment, field="file", name=digest, content=data, user=user, reason=_("Bilaga tillagd")
    )
