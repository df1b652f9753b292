"""Reported states in templates: the roll-up of a node's items on the day the view or command
put in the context as `today` (as core's {% overdue %} tag)."""

from django import template

from plans.queries import state_summary as summarise

register = template.Library()


@register.simple_tag(takes_context=True)
def plan_state_facts(context, tree):
    """{% plan_state_facts tree as summary %}: the plan's roll-up, as stored with its sections
    when the view was served them from the cache (its tree then has no items)."""
    sections = context.get("page_sections")
    if sections and sections.stored is not None:
        return sections.stored.facts
    return summarise(tree.state_items(), context["today"])
