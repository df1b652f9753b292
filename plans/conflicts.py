"""The answer to a lost update: the text they typed and the newer saved one side by side,
with the form keeping what they typed, ready to save as a merge."""

from django.shortcuts import render

from plans.htmx import in_place_of_form, inline


def conflict_rows(form, current) -> list[tuple[str, str, str]]:
    """(field label, what they typed, what is saved) for every field of the form."""
    rows = []
    for name, field in form.fields.items():
        if name == "revision":
            continue
        mine = form.data.get(form.add_prefix(name), "")
        saved = getattr(current, name, "")
        if hasattr(saved, "all"):  # many-to-many: names on both sides
            saved = ", ".join(str(o) for o in saved.all())
            mine = ", ".join(str(o) for o in field.queryset.filter(pk__in=form.data.getlist(name)))
        rows.append((field.label, mine, "" if saved is None else saved))
    return rows


def conflict_page(request, plan, *, form, current, action, title, item=None):
    """409, in place of the inline form with htmx, else as a page. `current` is what was
    saved meanwhile (None when it was deleted); the form now carries its revision, so
    saving the merge is not refused again."""
    rows = []
    if current is not None:
        rows = conflict_rows(form, current)
        form.data = form.data.copy()
        form.data["revision"] = current.revision
    last = current.history.select_related("history_user").first() if current is not None else None
    context = {
        "plan": plan,
        "form": form,
        "rows": rows,
        "current": current,
        "last": last,
        "action": action,
        "title": title,
        "section": "plans",
    }
    if request.htmx and item is not None:
        context |= inline(item)
        response = render(request, "plans/edit/conflict_fragment.html", context, status=409)
        return in_place_of_form(response, context)
    return render(request, "plans/edit/conflict.html", context, status=409)
