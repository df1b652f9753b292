"""Watching ("Bevaka") a plan, an agreement or a body, and stopping the daily digest."""

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from agreements.queries import agreements_visible_to
from core.access import LoginRequired
from governance.models import Body
from plans.queries import plans_visible_to
from portal.digest_mail import user_from_token
from portal.services import digest_set_active, watch_toggle

# What may be watched, each as its reader may see it (drafts only for their readers).
WATCHABLE = {
    "plan": plans_visible_to,
    "agreement": agreements_visible_to,
    "body": lambda user: Body.objects.all(),
}


@require_POST
def watch(request, target, pk):
    """Toggle the person's watch of the plan, agreement or body (POST, with CSRF)."""
    if not request.user.is_authenticated:
        raise LoginRequired
    if target not in WATCHABLE:
        return render(request, "404.html", status=404)
    obj = get_object_or_404(WATCHABLE[target](request.user), pk=pk)
    watching = watch_toggle(user=request.user, target=target, obj=obj)
    if request.htmx:
        context = {"target": target, "obj": obj, "watching": watching}
        return render(request, "portal/watch_button.html", context)
    return redirect(obj.get_absolute_url())


# The signed link is the credential (a mail client's one-click POST, RFC 8058, carries no
# CSRF token); GET only asks, so a link checker following it stops nothing.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def digest_unsubscribe(request, token):
    user = user_from_token(token)
    if user is None:
        return render(request, "portal/digest_unsubscribe.html", {"invalid": True}, status=404)
    done = None
    if request.method == "POST":
        done = request.POST.get("action", "stop")
        digest_set_active(user=user, active=done == "start")
    return render(request, "portal/digest_unsubscribe.html", {"token": token, "done": done})
