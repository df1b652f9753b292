"""The one way an edit form is answered, whatever it edits: shown (200), saved and redirected
(302), refused with the form's Swedish messages (400), or refused because someone saved first
(409: the typed form again, now carrying the newer revision, so that saving once more
overwrites knowingly)."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy

from core.revisions import EditConflict

CONFLICT = gettext_lazy(
    "Någon annan har sparat ändringar sedan du öppnade formuläret. "
    "Kontrollera uppgifterna och spara igen."
)


def posted(request):
    """The form's data when posted, else None (an unbound form)."""
    return request.POST if request.method == "POST" else None


def edit_form(request, form_class, fetch, **address):
    """The object as saved (`fetch(user=…, **address)`), for the page's heading and links, and a
    form editing a copy of its own, fetched again: a refused save must not change what the
    page shows."""
    shown = fetch(user=request.user, **address)
    return shown, form_class(posted(request), instance=fetch(user=request.user, **address))


def save_new(request, form, service, *, then=None, more=dict):
    """form_page's `save` for a form's object: `service` writes it (its keyword is the model's
    name); `more()` gives further arguments, read once the form is valid; `then`: where to go
    (else the object's page)."""

    def save():
        instance = form.instance
        saved = service(user=request.user, **{instance._meta.model_name: instance}, **more())
        return then or saved.get_absolute_url()

    return save


def save_change(request, form, service, *, then=None, more=dict):
    """save_new for a change: over the revision the form started from, with the reason typed."""
    return save_new(
        request,
        form,
        service,
        then=then,
        more=lambda: {
            "reason": form.cleaned_data["reason"],
            "expected_revision": form.cleaned_data["revision"],
            **more(),
        },
    )


def form_page(request, form, *, template: str, context: dict, save, done: str):
    """`save()` writes through a service and returns where to go; `done` is the message after
    saving. A ValidationError from the service lands beside its field, or above the form."""
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            try:
                target = save()
            except EditConflict as conflict:
                form.data = form.data.copy()
                form.data["revision"] = conflict.current.revision if conflict.current else 0
                messages.error(request, CONFLICT)
                status = 409
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, done)
                return redirect(target)
    return render(request, template, context | {"form": form}, status=status)


@dataclass(frozen=True)
class PageTexts:
    """What a form page says, as a row of its module's table of pages (`PAGES`, by the page's
    URL name, which is its view's: core.urls.standard_pages): its `heading`, the message
    after saving (`done`), the button (`submit`, else "Spara") and an `intro` saying what
    the save does. The heading and the intro name the page's objects (%(body)s), as its
    view gives them: a page is one row, and a view that reads its address and calls its
    service."""

    heading: str
    done: str
    submit: str | None = None
    intro: str = ""

    def answer(self, request, form, *, template: str, context: dict, save, names: dict):
        """form_page with these texts, naming `names`."""
        context = context | {
            "heading": self.heading % names,
            "submit": self.submit,
            "intro": self.intro % names,
        }
        return form_page(
            request, form, template=template, context=context, save=save, done=self.done
        )


def _add_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
