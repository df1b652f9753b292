"""Following a plan up: editors report each item's state (in the workbench, or from a round's
page), and the plan's owner side opens and closes follow-up rounds. Writes go through
plans.services; the round pages read plans.rounds. Every form works without JavaScript; the
state form also opens in place with htmx, as the workbench's forms do (plans.htmx)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from plans import kinds, queries, rounds, services
from plans.forms import RoundForm, StateReportForm
from plans.htmx import after_save, form_page
from plans.models import StateReport


def item_state(request, slug, kind, pk):
    """Report an item's state: a small form (state, date done, comment), with the item's
    earlier reports below it. Editors of the plan only, as every edit."""
    plan = queries.plan_get_for_edit(user=request.user, slug=slug)
    kind = kinds.by_word(kind)
    if not kind.carries_state:
        raise Http404(_("Den här typen av innehåll har inget läge."))
    item = kind.get(plan, pk)
    action = reverse("plans:item_state", args=[plan.slug, kind.word, item.pk])
    title = _("Rapportera läge för %(kind)s") % {"kind": kind.definite}
    earlier = list(
        StateReport.objects.filter(item_kind=kind.key, item_id=item.pk).select_related(
            "reported_by", "round"
        )
    )
    if request.method == "POST":
        form = StateReportForm(request.POST)
    else:
        current = earlier[0] if earlier else None
        form = StateReportForm(
            initial={
                "state": current.state if current else StateReport.State.PLANNED,
                "done_on": current.done_on if current else None,
                "omgang": request.GET.get("omgang"),
            }
        )
    if form.is_valid():
        number = form.cleaned_data["omgang"]
        try:
            services.state_report_record(
                user=request.user, item=item, today=timezone.localdate(), **form.report()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Läget är sparat."))
            if number:
                url = reverse("plans:round_detail", args=[plan.slug, number])
                return redirect(f"{url}#{rounds.state_anchor(kind, item)}")
            return after_save(request, plan, item)
    status = 400 if form.is_bound else 200
    if request.htmx:
        return form_page(request, plan, form, title=title, action=action, status=status, item=item)
    context = {
        "plan": plan,
        "item": item,
        "kind": kind,
        "form": form,
        "title": title,
        "action": action,
        "earlier": earlier,
        "section": "plans",
    }
    return render(request, "plans/edit/item_state.html", context, status=status)


def round_list(request, slug):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    context = {
        "plan": plan,
        "rounds": rounds.rounds_visible_to(request.user, plan),
        "can_run": plan.status != plan.Status.CLOSED and rounds.can_run_rounds(request.user, plan),
        "section": "plans",
    }
    return render(request, "plans/rounds/round_list.html", context)


def round_open(request, slug):
    plan = queries.plan_get_for_edit(user=request.user, slug=slug)
    rounds.require_run_rounds(request.user, plan)
    form = RoundForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            opened = services.round_open(user=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s är öppnad. Redaktörerna kan nu rapportera.") % {"name": opened.name},
            )
            return redirect(opened.get_absolute_url())
    context = {"plan": plan, "form": form, "section": "plans"}
    return render(
        request, "plans/rounds/round_open.html", context, status=400 if form.is_bound else 200
    )


def round_detail(request, slug, number):
    follow_up_round = rounds.round_get_for_view(user=request.user, slug=slug, number=number)
    plan = follow_up_round.plan
    editing = follow_up_round.is_open and queries.can_edit(request.user, plan)
    context = {
        "plan": plan,
        "page": rounds.round_page(follow_up_round, user=request.user),
        "round": follow_up_round,
        # Overdue in the round is judged on its reporting date.
        "today": follow_up_round.reporting_date,
        "editing": editing and plan.status != plan.Status.CLOSED,
        "can_close": follow_up_round.is_open and rounds.can_run_rounds(request.user, plan),
        "section": "plans",
    }
    return render(request, "plans/rounds/round_detail.html", context)


def round_close(request, slug, number):
    follow_up_round = rounds.round_get_for_view(user=request.user, slug=slug, number=number)
    plan = follow_up_round.plan
    rounds.require_run_rounds(request.user, plan)
    if request.method == "POST":
        try:
            services.round_close(user=request.user, follow_up_round=follow_up_round)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Uppföljningen är stängd. Den går inte längre att ändra."))
        return redirect(follow_up_round.get_absolute_url())
    context = {"plan": plan, "round": follow_up_round, "section": "plans"}
    return render(request, "plans/rounds/round_close.html", context)
