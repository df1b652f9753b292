"""The timeline's entries, written in Python (plans.timeline.markup): the chart's rows, the
narrow-screen list's items, the table's rows and the entries without an end; for the page
and the PDF, on the day the view or command put in the context as `today`."""

from django import template
from django.utils.safestring import mark_safe

from plans.markup import Page
from plans.timeline import markup

register = template.Library()


@register.simple_tag(takes_context=True)
def chart_rows(context, chart):
    """`{% chart_rows chart %}`: the chart's headings and items, one `<g>` a line."""
    return mark_safe(markup.chart_rows(chart, Page.now(context["today"])))


@register.simple_tag(takes_context=True)
def lane_items(context, items):
    """`{% lane_items items %}`: the narrow-screen list's items, each with its lane."""
    page = Page.now(context["today"])
    return mark_safe(markup.list_items(items, context["timeline"].lane_grid, page))


@register.simple_tag(takes_context=True)
def table_rows(context, entries):
    """`{% table_rows timeline.entries %}`: the table's rows, linking to the plan's page."""
    page = Page.now(context["today"])
    return mark_safe(markup.table_rows(entries, context["plan"].get_absolute_url(), page))


@register.simple_tag(takes_context=True)
def undated_items(context, entries):
    """`{% undated_items timeline.undated %}`: the entries without an end, as list items."""
    return mark_safe(markup.undated_items(entries, Page.now(context["today"])))


@register.simple_tag
def entry_where(entry):
    """`{% entry_where entry %}`: "3b)" or "3."."""
    return mark_safe(markup.where(entry))


@register.simple_tag(takes_context=True)
def entry_undated(context, entry):
    """`{% entry_undated entry %}`: an entry without an end, its kind, text and words of time."""
    return mark_safe(markup.undated(entry, Page.now(context["today"])))
