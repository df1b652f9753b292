from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.queries import awaiting_party_decisions
from core.calendar import calendar_response
from core.exports import export_response, invalid_filter
from core.pagecache import content_versions
from core.pdf import pdf_or_progress
from core.periods import add_months
from governance.queries.adoption import adoption_by_parties, with_parties_awaiting
from plans import exports, history, queries
from plans.calendar import plan_events
from plans.compare import compare
from plans.forms import AsOfForm, CompareForm, DueFilterForm, HistoryFilterForm
from plans.models import Plan, PlanVersion
from plans.pdf import plan_pdf_key
from plans.timeline import build_timeline, parse_scale
from plans.workbench import PageSections, section_keys, sections_key, stored_sections


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
    context = {
        "plan": plan,
        "tree": tree,
        "today": timezone.localdate(),
        "versions": list(
            plan.versions.select_related("decision__body").prefetch_related(
                "decision__case_numbers"
            )
        ),
        "section": "plans",
        **extra,
    }
    return render(request, template, context)


def plan_detail(request, slug):
    # Read before anything the page shows, so the sections are never stored under a version
    # newer than what they were rendered from (core.pagecache says why). Strangers are served
    # whole pages from the page cache, so only people logged in read it here.
    version, code = content_versions() if request.user.is_authenticated else ("", "")
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    editing = queries.can_edit(request.user, plan) and plan.status != plan.Status.CLOSED
    drafts = queries.can_see_drafts(request.user)
    key = sections_key(
        version, plan, editing=editing, drafts=drafts, focus=request.GET.get("meny", "")
    )
    stored = stored_sections(key)
    # With the sections stored (and the plan's state facts with them) the page around them
    # needs no item: those are most of a request served from the cache.
    if stored is not None and drafts:
        tree = queries.plan_tree(plan, items=False)
    else:
        tree = queries.public_tree(plan, request.user)
    # Not stored under this version (the first view after a write): each section is looked up
    # by what it shows, so only those the write changed are rendered.
    keys, today = {}, timezone.localdate()
    if key and stored is None:
        keys = section_keys(plan, tree, code, editing=editing, drafts=drafts, today=today)
    sections = PageSections(key, stored, keys)
    response = _plan_page(
        request,
        plan,
        tree,
        today=today,
        # The parties the reader reads (the public version's, for the public) and their
        # decisions about the plan or its public version.
        adoption=adoption_by_parties(
            subjects=[plan, *filter(None, [plan.public_version])], parties=tree.parties
        ),
        editing=editing,
        can_adopt=editing and request.user.has_perm("plans.adopt_plan"),
        can_publish=editing and request.user.has_perm("plans.publish_plan"),
        reads_last_version=not drafts and not plan.public_reads_live,
        page_sections=sections,
    )
    return sections.filled(response)


def plan_timeline(request, slug):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    tree = queries.public_tree(plan, request.user)
    scale = parse_scale(request.GET.get("skala"))
    # Built here only: the other plan pages show no timeline.
    timeline = build_timeline(tree, timezone.localdate(), scale)
    return _plan_page(request, plan, tree, template="plans/plan_timeline.html", timeline=timeline)


def plan_version(request, slug, number):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    version = queries.plan_version_get(plan=plan, number=number)
    tree = queries.plan_tree_as_of(plan, version.frozen_at)
    return _plan_page(request, plan, tree, as_of=version.frozen_at, version=version)


def plan_as_of(request, slug):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    # Unbound until a date is sent: the first visit shows the form, not an error.
    form = AsOfForm(request.GET or None)
    if not form.is_valid():
        return render(
            request,
            "plans/plan_as_of_form.html",
            {"plan": plan, "form": form, "section": "plans"},
            status=400 if form.is_bound else 200,
        )
    tree = queries.tree_at(plan, form.moment(), request.user)
    version = None
    if not queries.can_see_drafts(request.user):  # the public read a version then
        version = queries.version_then(plan, form.moment())
    return _plan_page(
        request,
        plan,
        tree,
        as_of=version.frozen_at if version else form.moment(),
        version=version,
        as_of_form=form,
    )


def plan_compare(request, slug):
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    # Unbound until two versions are chosen: the first visit shows the choice, not an error.
    form = CompareForm(request.GET or None, moments=queries.plan_moments(plan, request.user))
    comparison = None
    if form.is_valid():
        comparison = compare(
            *(
                queries.moment_tree(plan, form.cleaned_data[name], request.user)
                for name in ("fran", "till")
            )
        )
    return render(
        request,
        "plans/plan_compare.html",
        {"plan": plan, "form": form, "comparison": comparison, "section": "plans"},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def plan_history(request, slug):
    """Every change, field by field, for those who may read drafts; for the public the
    published and adopted versions and what each changed."""
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    everything = queries.can_see_drafts(request.user)
    changes = history.plan_changes(plan) if everything else None
    people = None
    if everything:
        people = sorted({(c.user_id, c.who) for c in changes if c.user_id}, key=lambda p: p[1])
    form = HistoryFilterForm(request.GET or None, kinds=history.KIND_CHOICES, people=people)
    filters = form.cleaned_data if form.is_valid() else {}
    chosen = {
        "kind": filters.get("typ"),
        "start": filters.get("fran"),
        "end": filters.get("till"),
    }
    context = {"plan": plan, "form": form, "section": "plans", "everything": everything}
    if everything:
        found = history.filter_changes(changes, person=filters.get("person"), **chosen)
        context |= {
            "count": len(found),
            "page": Paginator(found, 50).get_page(request.GET.get("sida")),
        }
    else:
        context["versions"] = history.filter_versions(history.version_changes(plan), **chosen)
    return render(
        request,
        "plans/plan_history.html",
        context,
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _due_entries(request, today):
    """Bevakning's filter form, its horizon in months and its entries (none when invalid)."""
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
    return form, months, entries


def due(request):
    today = timezone.localdate()
    form, months, entries = _due_entries(request, today)
    valid = form.is_valid()
    filters = form.cleaned_data if valid else {}
    return render(
        request,
        "plans/due.html",
        {
            "form": form,
            "months": months,
            "overdue": [e for e in entries if e.overdue],
            "upcoming": [e for e in entries if not e.overdue],
            "awaiting": _awaiting_decisions(request.user, filters.get("organisation"))
            if valid
            else [],
            "today": today,
            "section": "due",
        },
        status=200 if valid else 400,
    )


def due_export(request, export_format):
    """Bevakning's overdue and coming entries as Excel or CSV, filtered as on the page."""
    form, _months, entries = _due_entries(request, timezone.localdate())
    if form.errors:
        return invalid_filter(form)
    return export_response(
        export_format,
        exports.due_columns(request.build_absolute_uri),
        entries,
        title=str(_("Bevakning")),
        filename="bevakning",
    )


def plan_export(request, slug, export_format):
    """The plan the reader reads, one row per initiative and item, as Excel or CSV."""
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    tree = queries.public_tree(plan, request.user)
    return export_response(
        export_format,
        exports.PLAN_COLUMNS,
        exports.plan_rows(tree),
        title=plan.title,
        filename=plan.slug,
    )


def plan_calendar(request, slug):
    """The plan's dated content as an iCalendar feed: public, as calendar programs fetch
    without a login (a plan never published is not found)."""
    plan = queries.plan_get_public(slug=slug)
    events = plan_events(
        queries.published_tree(plan), link=request.build_absolute_uri, today=timezone.localdate()
    )
    return calendar_response(
        request, events, name=plan.title, feed=f"plan-{plan.pk}", filename=plan.slug
    )


def plan_pdf(request, slug):
    """The whole plan as an archival PDF: rendered by the worker once per version of its
    content (the person waits on the job's page), then served from storage at once."""
    plan = queries.plan_get_for_view(user=request.user, slug=slug)
    today, public = timezone.localdate(), not queries.can_see_drafts(request.user)
    return pdf_or_progress(
        request,
        key=plan_pdf_key(plan, today=today, public=public),
        handler="plans.pdf.build_plan_pdf",
        arguments={"plan_id": plan.pk, "public": public, "today": today.isoformat()},
        filename=plan.slug,
    )


def _awaiting_decisions(user, organisation) -> list:
    """Agreements, frameworks and plans that wait for a decision by some party: a party's
    decision about a plan may be about the plan or its public version."""
    plans = queries.plans_visible_to(user)
    if organisation is not None:
        plans = plans.filter(parties=organisation)
    plans = with_parties_awaiting(
        plans, subject_fields={Plan: "pk", PlanVersion: "public_version_id"}
    ).filter(parties_awaiting__gt=0)
    return [*awaiting_party_decisions(user=user, organisation=organisation), *plans]
