from django.shortcuts import render
from django.utils import timezone

from core.history import history_page
from core.pdf import pdf_response
from core.periods import add_months
from plans import queries
from plans.compare import compare
from plans.forms import AsOfForm, CompareForm, DueFilterForm
from plans.pdf import plan_pdf as render_plan_pdf
from plans.timeline import build_timeline


def plan_list(request):
    return render(
        request,
        "plans/plan_list.html",
        {
            "plans": queries.plans_for_list(request.user),
            "section": "plans",
            "can_create": request.user.has_perm("plans.add_plan"),
        },
    )


def _plan_page(request, plan, tree, template="plans/plan_detail.html", **extra):
    today = timezone.localdate()
    context = {
        "plan": plan,
        "tree": tree,
        "today": today,
        "timeline": build_timeline(tree, today),
        "versions": list(plan.versions.select_related("decision__body")),
        "section": "plans",
        **extra,
    }
    return render(request, template, context)


def plan_detail(request, slug):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    editing = queries.can_edit(request.user, plan) and plan.status != plan.Status.CLOSED
    return _plan_page(
        request,
        plan,
        queries.public_tree(plan, request.user),
        editing=editing,
        can_adopt=editing and request.user.has_perm("plans.adopt_plan"),
        can_publish=editing and request.user.has_perm("plans.publish_plan"),
        reads_last_version=not queries.can_see_drafts(request.user) and not plan.public_reads_live,
    )


def plan_timeline(request, slug):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    tree = queries.public_tree(plan, request.user)
    return _plan_page(request, plan, tree, template="plans/plan_timeline.html")


def plan_version(request, slug, number):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    version = queries.plan_version_get(plan=plan, number=number)
    tree = queries.plan_tree_as_of(plan, version.frozen_at)
    return _plan_page(request, plan, tree, as_of=version.frozen_at, version=version)


def plan_as_of(request, slug):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    form = AsOfForm(request.GET)
    if not form.is_valid():
        return render(
            request,
            "plans/plan_as_of_form.html",
            {"plan": plan, "form": form, "section": "plans"},
            status=400 if request.GET else 200,
        )
    tree = queries.plan_tree_as_of(plan, form.moment())
    return _plan_page(request, plan, tree, as_of=form.moment(), as_of_form=form)


def plan_compare(request, slug):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    form = CompareForm(request.GET)
    comparison = None
    if form.is_valid():
        comparison = compare(
            *(queries.plan_tree_as_of_or_empty(plan, moment) for moment in form.moments())
        )
    return render(
        request,
        "plans/plan_compare.html",
        {"plan": plan, "form": form, "comparison": comparison, "section": "plans"},
        status=400 if request.GET and not form.is_valid() else 200,
    )


def plan_history(request, slug):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    return history_page(request, plan, section="plans")


def due(request):
    today = timezone.localdate()
    form = DueFilterForm(request.GET)
    valid = form.is_valid()
    filters = form.cleaned_data if valid else {}
    months = filters.get("months") or DueFilterForm.DEFAULT_MONTHS
    entries = (
        queries.due_entries(
            user=request.user,
            today=today,
            horizon=add_months(today, months),
            body=filters.get("body"),
            organisation=filters.get("organisation"),
        )
        if valid
        else []
    )
    return render(
        request,
        "plans/due.html",
        {
            "form": form,
            "months": months,
            "overdue": [e for e in entries if e.overdue],
            "upcoming": [e for e in entries if not e.overdue],
            "today": today,
            "section": "due",
        },
        status=200 if valid else 400,
    )


def plan_pdf(request, slug):
    """The whole plan as an archival PDF (rendered once per version of its content)."""
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    content = render_plan_pdf(
        plan,
        base_url=request.build_absolute_uri("/"),
        today=timezone.localdate(),
        public=not queries.can_see_drafts(request.user),
    )
    return pdf_response(content, filename=plan.slug)
