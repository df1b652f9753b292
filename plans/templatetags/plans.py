from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def overdue_for(period, closed=False):
    """Overdue: its end has passed and the initiative it belongs to is not done or cancelled."""
    return not closed and period.is_overdue(timezone.localdate())
