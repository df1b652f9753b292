"""Attachments (bilagor) of agreements: checked for type, content and size, stored by their
SHA-256. Their history is part of the agreement's (agreements.queries.history_parts)."""

import hashlib
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agreements.models import Agreement, Attachment
from core.files import save_with_file
from core.uploads import read_document


def attachment_validate(uploaded_file) -> tuple[bytes, str]:
    """Return the file's bytes and media type, or raise a ValidationError in Swedish."""
    return read_document(uploaded_file)


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
