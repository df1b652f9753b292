"""The plan page's items, written in Python (plans.markup): a node's lists, its state
summary, an item's period and a reported state, on the day the view or command put in the
context as `today`."""

from django import template
from django.utils.safestring import mark_safe

from plans import markup
from plans.templatetags.workbench import menu_maker, page_store

register = template.Library()


@register.simple_tag(takes_context=True)
def node_items(context, node, level):
    """`{% node_items node 3 %}`: the node's activities, milestones and follow-ups under
    headings of that level, then its responsibility; with actions menus when editing."""
    menu = menu_maker(context) if context.get("editing") else None
    written = page_store(context).setdefault("plan_markup_written", {})
    return markup.node_items(node, level, markup.Page.now(context["today"], menu, written))


@register.simple_tag(takes_context=True)
def node_summary(context, node, label):
    """`{% node_summary node label %}`: "<label>: 3 av 5 klara, 1 förfallen", nothing
    without items."""
    return markup.summary_html(node, label, context["today"])


@register.simple_tag(takes_context=True)
def item_period(context, period, closed=False):
    """`{% item_period period closed %}`: the period's tag, marked when overdue."""
    return markup.period_html(period, closed, markup.Page.now(context["today"]))


@register.simple_tag
def reported_state(state):
    """`{% reported_state state %}`: a reported state, or "no reported state"."""
    return markup.state_html(state)


@register.simple_tag
def initiative_status(status):
    """`{% initiative_status child.status %}`: the initiative's status, or "Ingen status"."""
    return markup.initiative_status_html(status)


@register.simple_tag(takes_context=True)
def add_items(context, section, initiative=None):
    """`{% add_items section initiative %}`: the workbench's links that add an item under the
    initiative (or in the section, without one)."""
    return markup.add_items_html(context["plan"], section, initiative, markup.Page.now(None))


@register.simple_tag
def due_rows(entries):
    """`{% due_rows rows %}`: Bevakning's table rows (plans.markup.due_rows)."""
    return mark_safe(markup.due_rows(entries, markup.Page.now(None)))
