"""Editing a plan's content: adding, editing, deleting, moving and restoring sections,
initiatives and items (one set of views for every kind in plans.kinds), an item's history,
the deleted items, an initiative's status update."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.editing import posted
from core.history import history_entries
from core.revisions import EditConflict
from plans import kinds, services
from plans.editing.saving import PREVIEW, _as_typed, _editing, _save_edit, _saved
from plans.forms import StatusUpdateForm
from plans.htmx import after_save, form_page, section_response
from plans.models import Initiative, Section
from plans.workbench import menu_id


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
    form = StatusUpdateForm(posted(request), initial={"date": timezone.localdate()})
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


@_editing
def section_fragment(request, plan, pk):
    """One section as the editor sees it (htmx: cancelling an inline form)."""
    return section_response(request, plan, pk)
