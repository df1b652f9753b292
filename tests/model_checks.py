"""What a model's own validation says: the rules a form and the admin show in Swedish."""

import pytest
from django.core.exceptions import ValidationError


def full_clean_errors(instance) -> dict[str, list[str]]:
    """The messages full_clean refuses `instance` with, by field (`__all__`: the whole)."""
    with pytest.raises(ValidationError) as excinfo:
        instance.full_clean()
    return excinfo.value.message_dict
