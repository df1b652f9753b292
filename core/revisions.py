"""No lost updates: an edit carries the revision it started from, and saving over a newer one
is refused. One exception, one lock helper and one form mixin serve every editable model
that inherits `core.models.Revisioned`; one pair of services serves the registers whose
objects are registered and edited alike."""

import inspect

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.history import save_with_history


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


def require_reason(reason: str, message) -> None:
    """Every change but a registration says why (the form's `reason` field shows `message`)."""
    if not reason.strip():
        raise ValidationError({"reason": message})


def save_revision(instance, *, user, reason: str, expected_revision: int | None):
    """Save the edits made to `instance` as its next revision, with the reason in its history:
    a reason is required (its model's `reason_prompt` says so, beside the form's field);
    EditConflict when someone saved since `expected_revision` (None: no form started from one,
    as in the admin)."""
    require_reason(reason, instance.reason_prompt)
    current = lock_for_edit(
        type(instance)._default_manager, instance.pk, expected_revision=expected_revision
    )
    instance.revision = current.revision + 1
    return save_with_history(instance, user=user, reason=reason)


def _save_unique(save, *, taken):
    """Run `save`; a lost race for a unique field (two register administrators saving the same
    at once, both past full_clean) answers with `taken` as full_clean would have, never as a
    database error."""
    try:
        with transaction.atomic():
            return save()
    except IntegrityError as error:
        raise ValidationError(str(taken)) from error


def register_services(model, *, registered, taken=None):
    """The create and update services of a register whose objects are written alike: each
    register names its model, the history's reason for a registration (`registered`) and its
    uniqueness rule in words (`taken`, see _save_unique; None: no words, a lost race stays a
    database error).

    `<model>_create(*, user, <model>)` registers the object (built by the caller, unsaved);
    `<model>_update(*, user, <model>, reason, expected_revision=None)` saves the edits made to
    it over the revision the form started from (save_revision). Each is one transaction and
    takes the object under its model's name (`organisation=`), as core.editing.save_new and
    the admin pass it."""
    noun = model._meta.model_name

    def the_object(given: dict):
        if given.keys() != {noun}:
            raise TypeError(f"{noun}_* services take the {model.__name__} as {noun}=")
        return given[noun]

    def save(write):
        return write() if taken is None else _save_unique(write, taken=taken)

    @transaction.atomic
    def create(*, user, **given):
        instance = the_object(given)
        return save(lambda: save_with_history(instance, user=user, reason=str(registered)))

    @transaction.atomic
    def update(*, user, reason: str, expected_revision: int | None = None, **given):
        instance = the_object(given)
        return save(
            lambda: save_revision(
                instance, user=user, reason=reason, expected_revision=expected_revision
            )
        )

    _name(create, f"{noun}_create", "user", noun)
    _name(update, f"{noun}_update", "user", noun, "reason", "expected_revision")
    return create, update


def _name(service, name: str, *keywords: str) -> None:
    # Tracebacks, the shell's help() and inspect.signature then show the service as it is
    # called (`organisation_create(*, user, organisation)`), not as the closure written here.
    service.__name__ = service.__qualname__ = name
    service.__signature__ = inspect.Signature(
        [
            inspect.Parameter(
                keyword,
                inspect.Parameter.KEYWORD_ONLY,
                default=None if keyword == "expected_revision" else inspect.Parameter.empty,
            )
            for keyword in keywords
        ]
    )


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


class ReasonForChanges(RevisionFormMixin):
    """The revision an edit started from, and the reason every change records; a new object's
    form asks for none (its history says "registrerad" by itself). `reason_help` gives an
    example fitting the register."""

    reason_help = gettext_lazy("Står i historiken.")
    reason = forms.CharField(label=gettext_lazy("Anledning till ändringen"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = self.reason_help
        if not self.instance.pk:
            self.fields["reason"].required = False
            self.fields["reason"].widget = forms.HiddenInput()
