"""The workbench's template tag: an item's actions menu (plans.workbench)."""

from django import template

from plans import workbench

register = template.Library()


@register.simple_tag(takes_context=True)
def item_menu(context, kind, obj):
    """`{% item_menu kind obj as menu %}`, inside the loop over the item's list: the loop says
    whether it is first or last (a section re-rendered alone gets a `forloop` of its own).
    A save or move names the menu to focus: in the context (htmx) or as ?meny= (a redirect)."""
    loop = context.get("forloop") or {}
    place = {"first": loop.get("first", False), "last": loop.get("last", False)}
    request = context.get("request")
    focus = context.get("focus_menu") or (request.GET.get("meny", "") if request else "")
    return workbench.item_menu(context["plan"], kind, obj, place=place, focus=focus[:100])
