"""The strategist's workbench: the views that edit plans in place. Plain forms and full page
loads work without JavaScript; with htmx the same views answer with fragments (plans.htmx).
Every write goes through plans.services; the kinds of content are plans.kinds."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core import periods
from core.access import require_permission
from core.history import history_entries
from core.revisions import EditConflict
from plans import kinds, queries, services
from plans.conflicts import conflict_page
from plans.forms import AdoptForm, PlanForm, PublishForm, StatusUpdateForm
from plans.htmx import after_save, form_page, section_response
from plans.models import Initiative, Plan, Section
from plans.workbench import menu_id, period_warning


def _editing(view):
    """Resolve the plan for editing (login, editor, not closed) and map the portal's
    exceptions to answers: login redirect, 403 with a reason, 404."""

    def wrapped(request, slug, *args, **kwargs):
        plan = queries.plan_get_for_edit(user=request.user, slug=slug)
        return view(request, plan, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _save_edit(request, plan, form, *, save, title, action, what, item=None):
    """The one answer to an edit form: saved (to the plan), refused as a lost update (the
    conflict page, naming `what` was changed), or the form again with its errors."""
    if form.is_valid():
        try:
            saved = save(form)
        except EditConflict as conflict:
            return conflict_page(
                request,
                plan,
                form=form,
                current=conflict.current,
                action=action,
                title=what,
                item=item,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return after_save(request, plan, item, **_saved(plan, saved))
    return form_page(request, plan, form, title=title, action=action, status=400, item=item)


def _saved(plan, saved) -> dict:
    """What after_save says about a save: "Sparat.", or that and a warning when the item's
    period lies outside the plan's (a warning, not a refusal: the save went through)."""
    if isinstance(saved, Plan) or not hasattr(saved, "period_text"):
        return {}
    warning = period_warning(saved.period_text, plan.period_text)
    if not warning:
        return {}
    return {"message": f"{_('Sparat.')} {warning}", "level": messages.WARNING}


PREVIEW = "forhandsgranska"


def _as_typed(form_class, data, **kwargs):
    """Förhandsgranska, without JavaScript: the form again as typed, read but not validated
    (a preview saves nothing, so it finds no errors), still carrying the revision it started
    from, so the save that follows is checked against it."""
    bound = form_class(data, **kwargs)
    typed = {
        name: field.widget.value_from_datadict(bound.data, bound.files, bound.add_prefix(name))
        for name, field in bound.fields.items()
    }
    form = form_class(initial=typed, **kwargs)
    form.initial["revision"] = typed.get("revision")
    return form


# --- plans ------------------------------------------------------------------------------


def plan_create(request):
    require_permission(
        request.user, "plans.add_plan", _("Du har inte behörighet att skapa planer.")
    )
    if PREVIEW in request.POST:
        return form_page(
            request,
            None,
            _as_typed(PlanForm, request.POST),
            title=_("Ny plan"),
            action=reverse("plans:plan_create"),
        )
    form = PlanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(user=request.user, **form.edit_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Planen är skapad som utkast. Du är redaktör för den."))
            return redirect(plan.get_absolute_url())
    return form_page(
        request,
        None,
        form,
        title=_("Ny plan"),
        action=reverse("plans:plan_create"),
        status=400 if form.is_bound else 200,
    )


@_editing
def plan_edit(request, plan):
    action = reverse("plans:plan_edit", args=[plan.slug])
    title = _("Ändra planens uppgifter")
    if request.method != "POST":
        return form_page(request, plan, PlanForm(instance=plan), title=title, action=action)
    if PREVIEW in request.POST:
        form = _as_typed(PlanForm, request.POST, instance=Plan.objects.get(pk=plan.pk))
        return form_page(request, plan, form, title=title, action=action)
    return _save_edit(
        request,
        plan,
        PlanForm(request.POST, instance=Plan.objects.get(pk=plan.pk)),
        save=lambda form: services.plan_update(
            user=request.user,
            plan=plan,
            expected_revision=form.cleaned_data["revision"],
            **form.edit_fields(),
        ),
        title=title,
        action=action,
        what=_("planens uppgifter"),
    )


@_editing
def plan_adopt(request, plan):
    require_permission(
        request.user, "plans.adopt_plan", _("Du har inte behörighet att fastställa planer.")
    )
    form = AdoptForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.plan_adopt(user=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Planen är fastställd som version %(number)s.") % {"number": version.number},
            )
            return redirect(version.get_absolute_url())
    return render(
        request,
        "plans/edit/adopt.html",
        {"plan": plan, "form": form, "section": "plans"},
        status=400 if form.is_bound else 200,
    )


@_editing
def plan_publish(request, plan):
    """The owning body made the plan public without a formal decision: freeze it as the
    version the public reads (plans.services.plan_publish)."""
    require_permission(
        request.user, "plans.publish_plan", _("Du har inte behörighet att publicera planer.")
    )
    bound = request.POST if request.method == "POST" else None
    form = PublishForm(bound, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            version = services.plan_publish(user=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Planen är publicerad som version %(number)s. Allmänheten läser den nu.")
                % {"number": version.number},
            )
            return redirect(plan.get_absolute_url())
    return render(
        request,
        "plans/edit/publish.html",
        {"plan": plan, "form": form, "section": "plans"},
        status=400 if form.is_bound else 200,
    )


@_editing
def plan_close(request, plan):
    """Those who may adopt plans close them: a page that asks, and the POST that closes."""
    require_permission(
        request.user, "plans.adopt_plan", _("Du har inte behörighet att avsluta planer.")
    )
    if request.method == "POST":
        services.plan_close(user=request.user, plan=plan)
        messages.success(request, _("Planen är avslutad. Den kan läsas men inte längre ändras."))
        return redirect(plan.get_absolute_url())
    return render(request, "plans/edit/close_confirm.html", {"plan": plan, "section": "plans"})


# --- items ------------------------------------------------------------------------------


def _parent_from_query(plan, kind, request) -> dict:
    """Where an item to add hangs (kinds.Parent), from the add link (?omrade=, ?insats=)."""
    parent = {}
    for name in kind.parent.fields:
        if name == "plan":
            parent["plan"] = plan
        elif name == "section":
            try:
                parent["section"] = Section.objects.get(
                    pk=int(request.GET.get(kinds.SECTION_KIND.word, "")), plan=plan
                )
            except (ValueError, Section.DoesNotExist) as error:
                raise Http404(_("Området finns inte i planen.")) from error
        elif name == "initiative":
            parent["initiative"] = None
            if request.GET.get(kinds.INITIATIVE_KIND.word):
                try:
                    parent["initiative"] = Initiative.objects.get(
                        pk=int(request.GET[kinds.INITIATIVE_KIND.word]), section=parent["section"]
                    )
                except (ValueError, Initiative.DoesNotExist) as error:
                    raise Http404(_("Insatsen finns inte i området.")) from error
    return parent


@_editing
def item_add(request, plan, kind):
    kind = kinds.by_word(kind)
    parent = _parent_from_query(plan, kind, request)
    instance = kind.model(**parent)
    action = f"{reverse('plans:item_add', args=[plan.slug, kind.word])}?{request.GET.urlencode()}"
    title = _("Lägg till %(kind)s") % {"kind": kind.name}
    # A new section is added on a page of its own; anything else in place, in its section.
    item = None if kind.parent is kinds.PLAN else instance
    if request.method != "POST":
        initial = {"number": plan.sections.count() + 1} if "number" in kind.form.base_fields else {}
        form = kind.form(instance=instance, initial=initial)
        return form_page(request, plan, form, title=title, action=action, item=item)
    if PREVIEW in request.POST:
        form = _as_typed(kind.form, request.POST, instance=instance)
        return form_page(request, plan, form, title=title, action=action, item=item)
    form = kind.form(request.POST, instance=instance)
    if form.is_valid():
        try:
            created = services.item_create(
                user=request.user,
                model=kind.model,
                plan=plan,
                parent=parent,
                bodies=form.cleaned_data.get("responsible_bodies"),
                **form.edit_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return after_save(request, plan, created, **_saved(plan, created))
    return form_page(request, plan, form, title=title, action=action, status=400, item=item)


@_editing
def item_edit(request, plan, kind, pk):
    kind = kinds.by_word(kind)
    item = kind.get(plan, pk)
    action = reverse("plans:item_edit", args=[plan.slug, kind.word, pk])
    title = _("Ändra %(kind)s") % {"kind": kind.definite}
    if request.method != "POST":
        return form_page(
            request, plan, kind.form(instance=item), title=title, action=action, item=item
        )
    if PREVIEW in request.POST:
        form = _as_typed(kind.form, request.POST, instance=kind.get(plan, pk))
        return form_page(request, plan, form, title=title, action=action, item=item)
    return _save_edit(
        request,
        plan,
        kind.form(request.POST, instance=kind.get(plan, pk)),
        save=lambda form: services.item_update(
            user=request.user,
            item=item,
            expected_revision=form.cleaned_data["revision"],
            bodies=form.cleaned_data.get("responsible_bodies"),
            **form.edit_fields(),
        ),
        title=title,
        action=action,
        what=kind.definite,
        item=item,
    )


@_editing
def item_delete(request, plan, kind, pk):
    kind = kinds.by_word(kind)
    item = kind.get(plan, pk)
    context = {"plan": plan, "item": item, "kind": kind, "section": "plans"}
    if request.method != "POST":
        return render(request, "plans/edit/delete_confirm.html", context)
    try:
        expected = int(request.POST.get("revision", ""))
    except ValueError:
        return HttpResponseBadRequest(
            _("Formuläret saknar versionsnummer. Ladda om sidan och försök igen.")
        )
    try:
        services.item_delete(user=request.user, item=item, expected_revision=expected)
    except EditConflict as conflict:
        context |= {"item": conflict.current or item, "conflict": True}
        return render(request, "plans/edit/delete_confirm.html", context, status=409)
    return after_save(
        request,
        plan,
        kind.parent_of(item),
        message=_("%(kind)s är borttagen. Du kan ta tillbaka den under ”Borttaget”.")
        % {"kind": capfirst(kind.definite)},
    )


@require_POST
@_editing
def item_move(request, plan, kind, pk):
    kind = kinds.by_word(kind)
    item = kind.get(plan, pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return HttpResponseBadRequest(_("Okänd riktning: välj upp eller ned."))
    try:
        moved = services.item_move(user=request.user, item=item, up=direction == "up")
    except EditConflict:
        return after_save(
            request,
            plan,
            item,
            message=_("Det du försökte flytta har tagits bort av någon annan."),
            level=messages.ERROR,
        )
    item = kind.get(plan, pk)  # its number or letter may have followed the move
    return after_save(
        request,
        plan,
        item,
        message=_moved_message(kind, item, moved=moved, up=direction == "up"),
        focus=f"{menu_id(kind.word, item)}:{direction}",
        all_sections=kind is kinds.SECTION_KIND,
    )


def _moved_message(kind, item, *, moved, up) -> str:
    """What a move did, in words: a screen reader hears the new number or letter."""
    if not moved:
        return (
            _("Ingenting flyttades: den står redan först.")
            if up
            else _("Ingenting flyttades: den står redan sist.")
        )
    if kind is kinds.SECTION_KIND:
        return _("Sparat: %(title)s är nu %(label)s %(number)s.") % {
            "title": item.title,
            "label": item.plan.section_label.lower(),
            "number": item.number,
        }
    if kind is kinds.INITIATIVE_KIND:
        return _("Sparat: %(title)s är nu %(letter)s).") % {
            "title": item.title,
            "letter": item.letter,
        }
    return _("Sparat: flyttad upp.") if up else _("Sparat: flyttad ned.")


@_editing
def item_history(request, plan, kind, pk):
    kind = kinds.by_word(kind)
    item = kind.get(plan, pk)
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
    kind = kinds.by_word(kind)
    try:
        record = kind.model.history.get(history_id=int(request.POST.get("history_id", "")))
    except (ValueError, kind.model.history.model.DoesNotExist) as error:
        raise Http404(_("Versionen finns inte.")) from error
    if services.plan_of_record(record) != plan.pk:
        raise Http404(_("Versionen hör inte till den här planen."))
    try:
        item = services.item_restore(user=request.user, record=record)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plans:deleted", slug=plan.slug)
    return after_save(
        request,
        plan,
        item,
        message=_("%(kind)s är återställd som en ny version.") % {"kind": capfirst(kind.definite)},
    )


@_editing
def deleted(request, plan):
    items = []
    for record in services.deleted_items(plan):
        kind = kinds.of(record.instance_type)
        text = getattr(record, "title", None) or record.text
        items.append((kind, capfirst(kind.name), text, record))
    return render(
        request, "plans/edit/deleted.html", {"plan": plan, "items": items, "section": "plans"}
    )


@_editing
def status_update(request, plan, pk):
    initiative = kinds.INITIATIVE_KIND.get(plan, pk)
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
        return after_save(request, plan, initiative)
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


@require_GET
def period_preview(request):
    """How the portal reads a period, for the edit forms (htmx, as the user types)."""
    text = request.GET.get("period_text", "")[:200]
    return render(
        request,
        "plans/edit/period_preview.html",
        {
            "reading": periods.parse(text) if text.strip() else None,
            "warning": period_warning(text, request.GET.get("plan_period", "")[:200]),
        },
    )


@_editing
def section_fragment(request, plan, pk):
    """One section as the editor sees it (htmx: cancelling an inline form)."""
    return section_response(request, plan, pk)
