"""The strategist's workbench: editing plans in place. Plain forms and full page loads work
without JavaScript; with htmx the same views answer with fragments (django-htmx sets
request.htmx). Every write goes through plans.services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from core import periods
from core.access import require_permission
from core.history import history_entries
from core.revisions import EditConflict
from plans import queries, services
from plans.forms import (
    ActivityForm,
    AdoptForm,
    FollowUpForm,
    InitiativeForm,
    MilestoneForm,
    PlanForm,
    SectionForm,
    StatusUpdateForm,
)
from plans.models import Activity, FollowUp, Initiative, Milestone, Plan, Section

# URL word -> (model, form, Swedish name with article for headings)
KINDS = {
    "omrade": (Section, SectionForm, "området"),
    "insats": (Initiative, InitiativeForm, "insatsen"),
    "aktivitet": (Activity, ActivityForm, "aktiviteten"),
    "tidplan": (Milestone, MilestoneForm, "tidplanspunkten"),
    "uppfoljning": (FollowUp, FollowUpForm, "uppföljningen"),
}
KIND_OF_MODEL = {model: kind for kind, (model, _form, _name) in KINDS.items()}


def _editing(view):
    """Resolve the plan for editing (login, editor, not closed) and map the portal's
    exceptions to answers: login redirect, 403 with a reason, 404."""

    def wrapped(request, slug, *args, **kwargs):
        plan = queries.plan_get_for_edit(user=request.user, slug=slug)
        return view(request, plan, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _kind(kind):
    if kind not in KINDS:
        raise Http404("Okänd typ av innehåll.")
    return KINDS[kind]


def _item(plan, kind, pk):
    model, _form, _name = _kind(kind)
    scope = {"plan": plan} if model is Section else {"section__plan": plan}
    return get_object_or_404(model.objects.select_related(*_related(model)), pk=pk, **scope)


def _related(model):
    if model is Section:
        return ["plan"]
    if model is Initiative:
        return ["section__plan"]
    return ["section__plan", "initiative"]


def _anchor(item) -> str:
    if isinstance(item, Section):
        return item.anchor
    if isinstance(item, Initiative):
        return item.anchor
    return item.initiative.anchor if item.initiative_id else item.section.anchor


def _section_id(item):
    return item.pk if isinstance(item, Section) else item.section_id


def _back(request, plan, item=None):
    """After a save: the plan page at the item (full page), or with htmx the item's section."""
    if request.htmx:
        gone = isinstance(item, Section) and not Section.objects.filter(pk=item.pk).exists()
        if item is None or gone:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return _section_response(request, plan, _section_id(item))
    url = reverse("plans:plan_detail", args=[plan.slug])
    return redirect(f"{url}#{_anchor(item)}" if item is not None else url)


def _section_response(request, plan, section_pk):
    tree = queries.plan_tree(plan)
    node = next((n for n in tree.sections if n.section.pk == section_pk), None)
    if node is None:
        raise Http404("Området finns inte i planen.")
    context = {"plan": plan, "node": node, "editing": True, "today": timezone.localdate()}
    return render(request, "plans/includes/section.html", context)


def _inline(item) -> dict:
    """Where an inline form sits: its own id, and the section block a save re-renders."""
    section_pk = _section_id(item)
    return {
        "inline": True,
        "form_id": f"form-{type(item)._meta.model_name}-{item.pk or 'ny'}-{section_pk}",
        "section_pk": section_pk,
        "block_id": f"block-omrade-{section_pk}",
    }


def _form_page(request, plan, form, *, title, action, status=200, item=None):
    """The form as a page, or with htmx as a fragment in place of the item it edits."""
    context = {
        "plan": plan,
        "form": form,
        "title": title,
        "action": action,
        "item": item,
        "section": "plans",
    }
    if not request.htmx or plan is None or item is None:
        return render(request, "plans/edit/item_form.html", context, status=status)
    context |= _inline(item)
    response = render(request, "plans/edit/item_form_fragment.html", context, status=status)
    if status != 200:  # errors: replace the form, not the section
        response["HX-Retarget"] = f"#{context['form_id']}"
        response["HX-Reswap"] = "outerHTML"
    return response


def _conflict_page(request, plan, *, form, current, action, title, item=None):
    """Their text and the newer saved one side by side; the form keeps what they typed."""
    rows = []
    if current is not None:
        for name, field in form.fields.items():
            if name == "revision":
                continue
            mine = form.data.get(form.add_prefix(name), "")
            saved = getattr(current, name, "")
            if hasattr(saved, "all"):
                saved = ", ".join(str(o) for o in saved.all())
                mine = ", ".join(
                    str(o) for o in field.queryset.filter(pk__in=form.data.getlist(name))
                )
            rows.append((field.label, mine, "" if saved is None else saved))
        form.data = form.data.copy()
        form.data["revision"] = current.revision
    last = current.history.select_related("history_user").first() if current is not None else None
    context = {
        "plan": plan,
        "form": form,
        "rows": rows,
        "current": current,
        "last": last,
        "action": action,
        "title": title,
        "section": "plans",
    }
    if request.htmx and item is not None:
        context |= _inline(item)
        response = render(request, "plans/edit/conflict_fragment.html", context, status=409)
        response["HX-Retarget"] = f"#{context['form_id']}"
        response["HX-Reswap"] = "outerHTML"
        return response
    return render(request, "plans/edit/conflict.html", context, status=409)


# --- plans ------------------------------------------------------------------------------


RESERVED_SLUGS = {"ny", "bevakning", "tolka-tid"}


def _unique_slug(title: str) -> str:
    base = slugify(title)[:100] or "plan"
    slug, number = base, 2
    while slug in RESERVED_SLUGS or Plan.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def plan_create(request):
    require_permission(request.user, "plans.add_plan", "Du har inte behörighet att skapa planer.")
    form = PlanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        fields = form.edit_fields()
        try:
            plan = services.plan_create(
                user=request.user, slug=_unique_slug(fields["title"]), **fields
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Planen är skapad som utkast. Du är redaktör för den.")
            return redirect(plan.get_absolute_url())
    return _form_page(
        request,
        None,
        form,
        title="Ny plan",
        action=reverse("plans:plan_create"),
        status=400 if form.is_bound else 200,
    )


@_editing
def plan_edit(request, plan):
    action = reverse("plans:plan_edit", args=[plan.slug])
    if request.method != "POST":
        return _form_page(
            request, plan, PlanForm(instance=plan), title="Ändra planens uppgifter", action=action
        )
    form = PlanForm(request.POST, instance=Plan.objects.get(pk=plan.pk))
    if form.is_valid():
        try:
            services.plan_update(
                user=request.user,
                plan=plan,
                expected_revision=form.cleaned_data["revision"],
                **form.edit_fields(),
            )
        except EditConflict as conflict:
            return _conflict_page(
                request,
                plan,
                form=form,
                current=conflict.current,
                action=action,
                title="planens uppgifter",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _back(request, plan)
    return _form_page(
        request, plan, form, title="Ändra planens uppgifter", action=action, status=400
    )


# --- items ------------------------------------------------------------------------------


def _new_item(plan, model, request):
    """An unsaved item placed where the add link pointed (?omrade=, ?insats=)."""
    if model is Section:
        return Section(plan=plan)
    try:
        section = Section.objects.get(pk=int(request.GET.get("omrade", "")), plan=plan)
    except (ValueError, Section.DoesNotExist) as error:
        raise Http404("Området finns inte i planen.") from error
    if model is Initiative:
        return Initiative(section=section)
    initiative = None
    if request.GET.get("insats"):
        try:
            initiative = Initiative.objects.get(pk=int(request.GET["insats"]), section=section)
        except (ValueError, Initiative.DoesNotExist) as error:
            raise Http404("Insatsen finns inte i området.") from error
    return model(section=section, initiative=initiative)


@_editing
def item_add(request, plan, kind):
    model, form_class, _name = _kind(kind)
    instance = _new_item(plan, model, request)
    action = f"{reverse('plans:item_add', args=[plan.slug, kind])}?{request.GET.urlencode()}"
    title = f"Lägg till {model._meta.verbose_name}"
    if request.method != "POST":
        initial = {"number": (plan.sections.count() + 1)} if model is Section else {}
        return _form_page(
            request,
            plan,
            form_class(instance=instance, initial=initial),
            title=title,
            action=action,
            item=None if model is Section else instance,
        )
    form = form_class(request.POST, instance=instance)
    if form.is_valid():
        fields = form.edit_fields()
        parent = {
            f: getattr(instance, f) for f in ("section", "initiative") if hasattr(instance, f)
        }
        try:
            item = services.item_create(
                user=request.user,
                model=model,
                plan=plan,
                bodies=form.cleaned_data.get("responsible_bodies"),
                **parent,
                **fields,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _back(request, plan, item)
    item = None if model is Section else instance
    return _form_page(request, plan, form, title=title, action=action, status=400, item=item)


@_editing
def item_edit(request, plan, kind, pk):
    _model, form_class, name = _kind(kind)
    item = _item(plan, kind, pk)
    action = reverse("plans:item_edit", args=[plan.slug, kind, pk])
    title = f"Ändra {name}"
    if request.method != "POST":
        return _form_page(
            request, plan, form_class(instance=item), title=title, action=action, item=item
        )
    form = form_class(request.POST, instance=_item(plan, kind, pk))
    if form.is_valid():
        try:
            services.item_update(
                user=request.user,
                item=item,
                expected_revision=form.cleaned_data["revision"],
                bodies=form.cleaned_data.get("responsible_bodies"),
                **form.edit_fields(),
            )
        except EditConflict as conflict:
            return _conflict_page(
                request,
                plan,
                form=form,
                current=conflict.current,
                action=action,
                title=name,
                item=item,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _back(request, plan, item)
    return _form_page(request, plan, form, title=title, action=action, status=400, item=item)


@_editing
def item_delete(request, plan, kind, pk):
    model, _form, name = _kind(kind)
    item = _item(plan, kind, pk)
    context = {"plan": plan, "item": item, "name": name, "kind": kind, "section": "plans"}
    if request.method != "POST":
        return render(request, "plans/edit/delete_confirm.html", context)
    try:
        expected = int(request.POST.get("revision", ""))
    except ValueError:
        return HttpResponseBadRequest(
            "Formuläret saknar versionsnummer. Ladda om sidan och försök igen."
        )
    try:
        services.item_delete(user=request.user, item=item, expected_revision=expected)
    except EditConflict as conflict:
        context |= {"item": conflict.current or item, "conflict": True}
        return render(request, "plans/edit/delete_confirm.html", context, status=409)
    messages.success(
        request, f"{name.capitalize()} är borttagen. Du kan ta tillbaka den under ”Borttaget”."
    )
    return _back(
        request, plan, None if model is Section else (item.section if model is Initiative else item)
    )


@require_POST
@_editing
def item_move(request, plan, kind, pk):
    item = _item(plan, kind, pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return HttpResponseBadRequest("Okänd riktning: välj upp eller ned.")
    try:
        services.item_move(user=request.user, item=item, up=direction == "up")
    except EditConflict:
        messages.error(request, "Det du försökte flytta har tagits bort av någon annan.")
    return _back(request, plan, item)


@_editing
def item_history(request, plan, kind, pk):
    item = _item(plan, kind, pk)
    records = list(
        item.history.select_related("history_user").order_by("-history_date", "-history_id")
    )
    return render(
        request,
        "plans/edit/item_history.html",
        {
            "plan": plan,
            "item": item,
            "kind": kind,
            "entries": list(zip(history_entries(item), records, strict=True)),
            "section": "plans",
        },
    )


@require_POST
@_editing
def item_restore(request, plan, kind):
    model, _form, name = _kind(kind)
    try:
        record = model.history.get(history_id=int(request.POST.get("history_id", "")))
    except (ValueError, model.history.model.DoesNotExist) as error:
        raise Http404("Versionen finns inte.") from error
    if services.plan_of_record(record) != plan.pk:
        raise Http404("Versionen hör inte till den här planen.")
    try:
        item = services.item_restore(user=request.user, record=record)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plans:deleted", slug=plan.slug)
    messages.success(request, f"{name.capitalize()} är återställd som en ny version.")
    return _back(request, plan, item)


@_editing
def deleted(request, plan):
    items = [
        (
            KIND_OF_MODEL[record.instance_type],
            record.instance_type._meta.verbose_name.capitalize(),
            getattr(record, "title", None) or record.text,
            record,
        )
        for record in services.deleted_items(plan)
    ]
    return render(
        request, "plans/edit/deleted.html", {"plan": plan, "items": items, "section": "plans"}
    )


@_editing
def status_update(request, plan, pk):
    initiative = _item(plan, "insats", pk)
    # Bound on every POST, an empty one too: it gets the error summary, not a blank form.
    bound = request.POST if request.method == "POST" else None
    form = StatusUpdateForm(bound, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.status_update_record(
            user=request.user,
            initiative=initiative,
            status=form.cleaned_data["status"],
            comment=form.cleaned_data["comment"],
            on=form.cleaned_data["date"],
        )
        return _back(request, plan, initiative)
    earlier = initiative.status_updates.select_related("author")
    return render(
        request,
        "plans/edit/status_update.html",
        {
            "plan": plan,
            "initiative": initiative,
            "form": form,
            "earlier": earlier,
            "section": "plans",
        },
        status=400 if form.is_bound else 200,
    )


@_editing
def plan_adopt(request, plan):
    require_permission(
        request.user, "plans.adopt_plan", "Du har inte behörighet att fastställa planer."
    )
    form = AdoptForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.plan_adopt(user=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Planen är fastställd som version {version.number}.")
            return redirect(version.get_absolute_url())
    return render(
        request,
        "plans/edit/adopt.html",
        {"plan": plan, "form": form, "section": "plans"},
        status=400 if form.is_bound else 200,
    )


@require_GET
def period_preview(request):
    """How the portal reads a period, for the edit forms (htmx, as the user types)."""
    text = request.GET.get("period_text", "")[:200]
    return render(
        request,
        "plans/edit/period_preview.html",
        {"reading": periods.parse(text) if text.strip() else None},
    )


@_editing
def section_fragment(request, plan, pk):
    """One section as the editor sees it (htmx: cancelling an inline form)."""
    return _section_response(request, plan, pk)
