"""What every editing view shares: the plan resolved for editing (`_editing`), the one answer
to an edit form (saved, a lost update, or its errors), the form again as typed (Förhandsgranska
without JavaScript), and the period preview as the user types."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core import periods
from core.revisions import EditConflict
from plans import queries
from plans.conflicts import conflict_page
from plans.htmx import after_save, form_page
from plans.models import Plan
from plans.workbench import period_warning


def _editing(view):
    """Resolve the plan for editing (login, editor, not closed) and map the portal's
    exceptions to answers: login redirect, 403 with a reason, 404."""

    def wrapped(request, slug, *args, **kwargs):
        plan = queries.plan_get_for_edit(user=request.user, slug=slug)
        return view(request, plan, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _save_edit(request, plan, form, *, save, title, action, what, item=None):
    """The one answer to an edit form: saved (to the plan), refused as a lost update (the
    conflict page, naming `what` was changed), or the form again with its errors."""
    if form.is_valid():
        try:
            saved = save(form)
        except EditConflict as conflict:
            return conflict_page(
                request,
                plan,
                form=form,
                current=conflict.current,
                action=action,
                title=what,
                item=item,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return after_save(request, plan, item, **_saved(plan, saved))
    return form_page(request, plan, form, title=title, action=action, status=400, item=item)


def _saved(plan, saved) -> dict:
    """What after_save says about a save: "Sparat.", or that and a warning when the item's
    period lies outside the plan's (a warning, not a refusal: the save went through)."""
    if isinstance(saved, Plan) or not hasattr(saved, "period_text"):
        return {}
    warning = period_warning(saved.period_text, plan.period_text)
    if not warning:
        return {}
    return {"message": f"{_('Sparat.')} {warning}", "level": messages.WARNING}


PREVIEW = "forhandsgranska"


def _as_typed(form_class, data, **kwargs):
    """Förhandsgranska, without JavaScript: the form again as typed, read but not validated
    (a preview saves nothing, so it finds no errors), still carrying the revision it started
    from, so the save that follows is checked against it."""
    bound = form_class(data, **kwargs)
    typed = {
        name: field.widget.value_from_datadict(bound.data, bound.files, bound.add_prefix(name))
        for name, field in bound.fields.items()
    }
    form = form_class(initial=typed, **kwargs)
    form.initial["revision"] = typed.get("revision")
    return form


@require_GET
def period_preview(request):
    """How the portal reads a period, for the edit forms (htmx, as the user types)."""
    text = request.GET.get("period_text", "")[:200]
    return render(
        request,
        "plans/edit/period_preview.html",
        {
            "reading": periods.parse(text) if text.strip() else None,
            "warning": period_warning(text, request.GET.get("plan_period", "")[:200]),
        },
    )
