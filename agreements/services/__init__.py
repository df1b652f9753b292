"""State changes in the agreement register: plain functions, keyword-only, one transaction
each, taking the acting user. Re-exported here, so `from agreements.services import
agreement_create` works from anywhere."""

from agreements.services.attachments import (
    attachment_add,
    attachment_validate,
)
from agreements.services.register import (
    adoption_add,
    adoption_remove,
    agreement_create,
    agreement_replace,
    agreement_update,
    framework_create,
    framework_update,
)

__all__ = [
    "adoption_add",
    "adoption_remove",
    "agreement_create",
    "agreement_replace",
    "agreement_update",
    "attachment_add",
    "attachment_validate",
    "framework_create",
    "framework_update",
]
