import logging
import sys
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import defaults
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from core import search
from core.middleware import database_outage_response
from portal.forms import BarrierReportForm
from portal.help import GLOSSARY
from portal.home import DUE_MONTHS, home_for
from portal.services import barrier_report_receive

logger = logging.getLogger(__name__)

TOO_MANY_REPORTS = gettext_lazy(
    "Vi har tagit emot många rapporter från din adress på kort tid. Försök igen om en stund, "
    "eller skriv till oss på annat sätt."
)
TOO_MANY_RESETS = gettext_lazy(
    "Många nya lösenord har beställts från din adress på kort tid. Försök igen om en stund."
)


def _database_ok() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache_ok() -> None:
    key = f"health-{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def _storage_ok() -> None:
    name = default_storage.save(f"health/{uuid.uuid4().hex}", ContentFile(b"ok"))
    default_storage.delete(name)


HEALTH_CHECKS = {"database": _database_ok, "cache": _cache_ok, "storage": _storage_ok}


def server_error(request):
    """Django's 500 page (handler500), except when the error is the database being away, met
    outside any view where DatabaseUnavailableMiddleware sees it: then the outage's 503."""
    return database_outage_response(sys.exception()) or defaults.server_error(request)


@never_cache
def health(request):
    """For the load balancer and monitoring: database, cache and file storage, each "ok" or
    "fel"; 503 when any is down. Uses no session, so it answers during an outage."""
    results = {}
    for name, check in HEALTH_CHECKS.items():
        try:
            check()
        except Exception as error:
            logger.error("Hälsokontroll: %s fungerar inte: %s", name, error)
            results[name] = "fel"
        else:
            results[name] = "ok"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(results, status=200 if healthy else 503)


def home(request):
    today = timezone.localdate()
    return render(
        request,
        "portal/home.html",
        {
            "today": today,
            "home": home_for(user=request.user, today=today),
            "due_months": DUE_MONTHS,
        },
    )


def help_page(request):
    return render(request, "portal/help.html", {"section": "help"})


def glossary(request):
    return render(request, "portal/glossary.html", {"terms": GLOSSARY, "section": "help"})


@ratelimit(
    key="ip", rate=lambda group, request: settings.BARRIER_REPORT_RATE, method="POST", block=False
)
def accessibility(request):
    bound = request.POST if request.method == "POST" else None
    form = BarrierReportForm(bound, initial={"page": request.GET.get("sida", "")[:500]})
    if request.limited:
        form.add_error(None, TOO_MANY_REPORTS)
        return render(request, "portal/accessibility.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        barrier_report_receive(**form.cleaned_data)
        messages.success(
            request, _("Tack! Vi har tagit emot din rapport och återkommer om du lämnat e-post.")
        )
        return redirect("accessibility")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/accessibility.html", {"form": form}, status=status)


@method_decorator(
    ratelimit(
        key="ip",
        rate=lambda group, request: settings.PASSWORD_RESET_RATE,
        method="POST",
        block=False,
    ),
    name="post",
)
class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per address so that nobody floods a mailbox."""

    def post(self, request, *args, **kwargs):
        if request.limited:
            form = self.get_form()
            form.add_error(None, TOO_MANY_RESETS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


def site_search(request):
    """The site search (/sok/?q=): the form alone when nothing is asked, the reason and a 400
    when the question cannot be searched."""
    context = {"query": request.GET.get("q", "")[: search.MAX_QUERY_LENGTH + 1], "results": None}
    kind = request.GET.get("slag", "")
    try:
        if kind and kind not in search.kinds():
            raise search.SearchQueryInvalid(_("Okänt slag av träff."))
        if "q" in request.GET:
            context["results"] = search.search(
                user=request.user,
                query=search.clean_query(request.GET["q"]),
                kind=kind,
                organisation=request.GET.get("organisation", ""),
                status=request.GET.get("status", ""),
            )
    except search.SearchQueryInvalid as invalid:
        context["error"] = str(invalid)
        return render(request, "portal/search.html", context, status=400)
    context.update(kind=kind, organisation=request.GET.get("organisation", ""))
    context["status"] = request.GET.get("status", "")
    return render(request, "portal/search.html", context)
