"""A row that owns a stored file: the file is written first (the row names it), and removed
again when the row cannot be saved, so no orphan file outlives a failed write."""

from django.core.files.base import ContentFile
from django.db import models, transaction

from core.history import save_with_history


def save_with_file(
    instance: models.Model, *, field: str, name: str, content: bytes, user, reason: str
) -> models.Model:
    stored = getattr(instance, field)
    stored.save(name, ContentFile(content), save=False)
    try:
        with transaction.atomic():
            save_with_history(instance, user=user, reason=reason)
    except Exception:
        stored.delete(save=False)
        raise
    return instance
