from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Status
from agreements.queries import agreements_visible_to, frameworks_visible_to, reviews_due
from core import search
from governance.models import Body, Organisation
from governance.queries import has_member_page
from portal.forms import BarrierReportForm
from portal.services import barrier_report_receive


def home(request):
    today = timezone.localdate()
    agreements = agreements_visible_to(request.user)
    return render(
        request,
        "portal/home.html",
        {
            "today": today,
            "agreements_in_force": agreements.filter(status=Status.IN_FORCE).count(),
            "agreements_total": agreements.count(),
            "frameworks_total": frameworks_visible_to(request.user).count(),
            "organisations_total": Organisation.objects.count(),
            "bodies_total": Body.objects.count(),
            "reviews_due": list(reviews_due(user=request.user, today=today)[:20]),
            "has_member_page": has_member_page(request.user),
        },
    )


def accessibility(request):
    bound = request.POST if request.method == "POST" else None
    form = BarrierReportForm(bound, initial={"page": request.GET.get("sida", "")[:500]})
    if request.method == "POST" and form.is_valid():
        barrier_report_receive(**form.cleaned_data)
        messages.success(
            request, _("Tack! Vi har tagit emot din rapport och återkommer om du lämnat e-post.")
        )
        return redirect("accessibility")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/accessibility.html", {"form": form}, status=status)


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
