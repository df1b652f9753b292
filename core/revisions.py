"""No lost updates: an edit carries the revision it started from, and saving over a newer one
is refused. One exception, one lock helper and one form mixin serve every editable model
that inherits `core.models.Revisioned`."""

from django import forms
from django.utils.translation import gettext as _


class EditConflict(Exception):
    """Someone saved the object after the form was opened; `current` is what they saved
    (None when they deleted it)."""

    def __init__(self, current, message: str = ""):
        super().__init__(message or _("Någon annan har ändrat detta sedan du öppnade formuläret."))
        self.current = current


def lock_for_edit(queryset, pk, *, expected_revision: int | None = None):
    """The row, locked until the transaction ends (SELECT … FOR UPDATE, so two saves of the
    same object take turns); EditConflict when it is gone or newer than `expected_revision`."""
    model = queryset.model
    try:
        current = queryset.select_for_update().get(pk=pk)
    except model.DoesNotExist as error:
        raise EditConflict(current=None) from error
    if expected_revision is not None and current.revision != expected_revision:
        raise EditConflict(current=current)
    return current


class RevisionFormMixin(forms.Form):
    """The hidden revision an edit form started from; 0 for a new object."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and not self.is_bound:
            self.initial["revision"] = instance.revision

    def clean_revision(self):
        return self.cleaned_data.get("revision") or 0
