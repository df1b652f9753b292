from django import template

register = template.Library()


@register.filter
def review_overdue(agreement, today):
    return agreement.is_review_overdue(today)
