"""How the editing views answer htmx: the same views serve plain forms and full pages
without JavaScript, and fragments in place with it (django-htmx sets request.htmx).

A save answers with the section block it changed (htmx swaps it in) and "Sparat." in the
page's status region or, without htmx, a redirect to the plan page at the item with the
message; a form with errors replaces only itself.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRefresh, reswap, retarget

from plans import kinds, queries
from plans.workbench import menu_id


def _section_context(tree, section_pk) -> dict | None:
    """The section as the plan tree has it, with its place in the plan (the loop over the
    sections tells the page; alone, this does), or None when it is gone."""
    for index, node in enumerate(tree.sections):
        if node.section.pk == section_pk:
            last = len(tree.sections) - 1
            return {"node": node, "forloop": {"first": index == 0, "last": index == last}}
    return None


def _editing_context(plan, tree, **extra) -> dict:
    return {"plan": plan, "tree": tree, "editing": True, "today": timezone.localdate(), **extra}


def section_response(request, plan, section_pk):
    tree = queries.plan_tree(plan)
    found = _section_context(tree, section_pk)
    if found is None:
        raise Http404(_("Området finns inte i planen."))
    return render(request, "plans/includes/section.html", _editing_context(plan, tree, **found))


def after_save(
    request, plan, item=None, *, message="", level=messages.SUCCESS, focus="", all_sections=False
):
    """After a save, a message ("Sparat." unless told otherwise), then the plan page with the
    item's actions menu focused (?meny=; `focus` names an entry of it, as after a move);
    with htmx the item's section (every section when `all_sections`: sections moved), the
    outline (titles, numbers and letters change) and the message in the page's status
    region, out of band. The whole page again when there is no section to show (a section
    deleted)."""
    messages.add_message(request, level, message or _("Sparat."))
    if item is not None and not focus:
        focus = menu_id(kinds.of(type(item)).word, item)
    if not request.htmx:
        url = reverse("plans:plan_detail", args=[plan.slug])
        if item is None:
            return redirect(url)
        # No #fragment: a page opened at one focuses nothing (autofocus yields to the
        # target), and the focused menu is scrolled into view anyway.
        return redirect(f"{url}?{urlencode({'meny': focus})}")
    tree = queries.plan_tree(plan)
    found = None
    if item is not None:
        found = _section_context(tree, kinds.of(type(item)).section_id(item))
    if found is None:
        return HttpResponseClientRefresh()
    context = _editing_context(plan, tree, focus_menu=focus, all_sections=all_sections, **found)
    response = render(request, "plans/edit/saved.html", context)
    if all_sections:
        response = reswap(retarget(response, "#omraden"), "outerHTML")
    return response


def inline(item) -> dict:
    """Where an inline form sits: its own id, and the section block a save re-renders."""
    section_pk = kinds.of(type(item)).section_id(item)
    return {
        "inline": True,
        "form_id": f"form-{type(item)._meta.model_name}-{item.pk or 'ny'}-{section_pk}",
        "section_pk": section_pk,
        "block_id": f"block-omrade-{section_pk}",
    }


def in_place_of_form(response, context):
    """Errors and conflicts replace the inline form, not the section its save would swap."""
    return reswap(retarget(response, f"#{context['form_id']}"), "outerHTML")


def form_page(request, plan, form, *, title, action, status=200, item=None):
    """The form as a page, or with htmx as a fragment in place of the item it edits."""
    context = {
        "plan": plan,
        "form": form,
        "title": title,
        "action": action,
        "item": item,
        "section": "plans",
    }
    if not request.htmx or plan is None or item is None:
        return render(request, "plans/edit/item_form.html", context, status=status)
    context |= inline(item)
    if status == 200:  # opened in place: the keyboard goes on into the form
        next(iter(form.visible_fields())).field.widget.attrs["autofocus"] = True
    response = render(request, "plans/edit/item_form_fragment.html", context, status=status)
    return in_place_of_form(response, context) if status != 200 else response
