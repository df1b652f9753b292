"""How the editing views answer htmx: the same views serve plain forms and full pages
without JavaScript, and fragments in place with it (django-htmx sets request.htmx).

A save answers with the section block it changed (htmx swaps it in) or, without htmx, a
redirect to the plan page at the item; a form with errors replaces only itself.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRefresh, reswap, retarget

from plans import kinds, queries


def section_node(plan, section_pk):
    """The section as the plan tree has it, or None when it is gone."""
    tree = queries.plan_tree(plan)
    return next((n for n in tree.sections if n.section.pk == section_pk), None)


def render_section(request, plan, node):
    context = {"plan": plan, "node": node, "editing": True, "today": timezone.localdate()}
    return render(request, "plans/includes/section.html", context)


def section_response(request, plan, section_pk):
    node = section_node(plan, section_pk)
    if node is None:
        raise Http404(_("Området finns inte i planen."))
    return render_section(request, plan, node)


def after_save(request, plan, item=None):
    """After a save: the plan page at the item (full page), or with htmx the item's section;
    the whole page again when there is no section to show (a section deleted)."""
    if not request.htmx:
        url = reverse("plans:plan_detail", args=[plan.slug])
        return redirect(f"{url}#{item.anchor}" if item is not None else url)
    node = None
    if item is not None:
        node = section_node(plan, kinds.of(type(item)).section_id(item))
    if node is None:
        return HttpResponseClientRefresh()
    return render_section(request, plan, node)


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
    response = render(request, "plans/edit/item_form_fragment.html", context, status=status)
    return in_place_of_form(response, context) if status != 200 else response
