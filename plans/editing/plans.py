"""Creating and editing a plan, and its life cycle: adopting, publishing, closing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import require_permission
from plans import services
from plans.editing.saving import PREVIEW, _as_typed, _editing, _save_edit
from plans.forms import AdoptForm, PlanForm, PublishForm
from plans.htmx import form_page
from plans.models import Plan


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
    return _version_form(
        request,
        plan,
        form,
        freeze=services.plan_adopt,
        template="plans/edit/adopt.html",
        saved=lambda version: (
            _("Planen är fastställd som version %(number)s.") % {"number": version.number},
            version.get_absolute_url(),
        ),
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
    return _version_form(
        request,
        plan,
        form,
        freeze=services.plan_publish,
        template="plans/edit/publish.html",
        saved=lambda version: (
            _("Planen är publicerad som version %(number)s. Allmänheten läser den nu.")
            % {"number": version.number},
            plan.get_absolute_url(),
        ),
    )


def _version_form(request, plan, form, *, freeze, template, saved):
    """Adopting and publishing: the form, then the version frozen by `freeze` (a service),
    said and shown as `saved(version)` gives (message, URL); else the form again, 400 when
    it was sent."""
    if request.method == "POST" and form.is_valid():
        try:
            version = freeze(user=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            message, url = saved(version)
            messages.success(request, message)
            return redirect(url)
    return render(
        request,
        template,
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
