from django import template

from core import periods
from core.text import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def overdue(context, end, closed=False):
    """core.periods.is_overdue on the day the view or command put in the context as `today`:
    a template never reads the clock itself."""
    return periods.is_overdue(end, today=context["today"], closed=closed)
