"""{% watch_button obj "plan" %}: the "Bevaka" button on a plan's, agreement's or body's page.
A tag of the top layer, used in the lower apps' templates, so their views need not know of
watches. One query, for logged-in readers only."""

from django import template

from portal.models import Watch

register = template.Library()


@register.inclusion_tag("portal/watch_button.html", takes_context=True)
def watch_button(context, obj, target):
    user = context["request"].user
    if not user.is_authenticated:
        return {"obj": None}
    watching = Watch.objects.filter(user=user, **{target: obj}).exists()
    return {"obj": obj, "target": target, "watching": watching, "request": context["request"]}
