"""The workbench's template tag: an item's actions menu (plans.workbench)."""

from django import template
from django.middleware.csrf import get_token

from plans import workbench

register = template.Library()


@register.simple_tag(takes_context=True)
def item_menu(context, kind, obj, name):
    """`{% item_menu kind obj name %}`: the item's actions menu, inside the loop over the
    item's list: the loop says whether it is first or last (a section re-rendered alone gets
    a `forloop` of its own). A save or move names the menu to focus: in the context (htmx) or
    as ?meny= (a redirect)."""
    loop = context.get("forloop") or {}
    place = {"first": loop.get("first", False), "last": loop.get("last", False)}
    request = context.get("request")
    focus = context.get("focus_menu") or (request.GET.get("meny", "") if request else "")
    menu = workbench.item_menu(context["plan"], kind, obj, place=place, focus=focus[:100])
    return workbench.menu_html(menu, name=name, csrf_token=_page_token(context))


def _page_token(context) -> str:
    """One CSRF token for every form of the page (masked anew per call, it cost a tenth of
    an editor's plan page); the render context lasts as long as the page's rendering."""
    request = context.get("request")
    if request is None:
        return ""
    token = context.render_context.get("workbench_csrf_token")
    if token is None:
        token = context.render_context["workbench_csrf_token"] = get_token(request)
    return token
