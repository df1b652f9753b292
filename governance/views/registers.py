"""The register administrator's pages for principals, their departments, bodies, people and
memberships: register, edit, end and remove. Thin: the forms read, the services write (governance.services), and
core.editing answers 200, 302, 400 or 409."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import require_permission
from core.editing import edit_form, form_page, posted, save_change, save_new
from governance import services
from governance.models import Body, Department, Membership, Organisation
from governance.queries.registers import (
    WRITE_DENIED,
    body_get_for_edit,
    department_get_for_edit,
    membership_get_for_edit,
    organisation_get_for_edit,
    person_get_for_edit,
)
from governance.register_forms import (
    BodyForm,
    DepartmentForm,
    MembershipEndForm,
    MembershipForm,
    OrganisationForm,
    PersonForm,
    RemoveForm,
)

TEMPLATE = "governance/register_form.html"


def _page(request, form, *, heading, save, done, template=TEMPLATE, submit=None, **about):
    """`about`: what the page is about, for the breadcrumbs and Avbryt (organisation, body,
    person), and an `intro` to say what the save does."""
    shown = about.get("body") or about.get("organisation")
    if shown:
        cancel = shown.get_absolute_url()
    elif "person" in about:
        cancel = reverse("governance:person_edit", args=[about["person"].pk])
    else:
        cancel = reverse("governance:organisation_list")
    context = {"heading": heading, "submit": submit, "cancel_url": cancel, **about}
    return form_page(request, form, template=template, context=context, save=save, done=done)


def _remove(request, instance, service, *, then, **page):
    """A page removing what was registered by mistake: it asks why, and "Ta bort" confirms."""
    form = RemoveForm(posted(request), instance=instance)
    save = save_change(request, form, service, then=then)
    return _page(request, form, save=save, submit=_("Ta bort"), **page)


def organisation_create(request):
    require_permission(request.user, "governance.add_organisation", WRITE_DENIED)
    form = OrganisationForm(posted(request), instance=Organisation())
    return _page(
        request,
        form,
        heading=_("Ny huvudman"),
        save=save_new(request, form, services.organisation_create),
        done=_("Huvudmannen är registrerad."),
    )


def organisation_edit(request, slug):
    organisation, form = edit_form(request, OrganisationForm, organisation_get_for_edit, slug=slug)
    return _page(
        request,
        form,
        heading=_("Redigera %(organisation)s") % {"organisation": organisation},
        save=save_change(request, form, services.organisation_update),
        done=_("Huvudmannen är sparad."),
        organisation=organisation,
    )


def department_create(request, slug):
    require_permission(request.user, "governance.add_department", WRITE_DENIED)
    organisation = get_object_or_404(Organisation, slug=slug)
    form = DepartmentForm(posted(request), instance=Department(organisation=organisation))
    return _page(
        request,
        form,
        heading=_("Ny förvaltning hos %(organisation)s") % {"organisation": organisation},
        save=save_new(
            request, form, services.department_create, then=organisation.get_absolute_url()
        ),
        done=_("Förvaltningen är registrerad."),
        organisation=organisation,
    )


def _department(request, slug, pk, *, permission="change"):
    organisation = get_object_or_404(Organisation, slug=slug)
    return organisation, department_get_for_edit(
        user=request.user, organisation=organisation, pk=pk, permission=permission
    )


def department_edit(request, slug, pk):
    organisation = get_object_or_404(Organisation, slug=slug)
    department, form = edit_form(
        request, DepartmentForm, department_get_for_edit, organisation=organisation, pk=pk
    )
    return _page(
        request,
        form,
        heading=_("Redigera %(department)s") % {"department": department.name},
        save=save_change(
            request, form, services.department_update, then=organisation.get_absolute_url()
        ),
        done=_("Förvaltningen är sparad."),
        organisation=organisation,
    )


def department_remove(request, slug, pk):
    organisation, department = _department(request, slug, pk, permission="delete")
    return _remove(
        request,
        department,
        services.department_remove,
        then=organisation.get_absolute_url(),
        heading=_("Ta bort %(department)s") % {"department": department.name},
        done=_("Förvaltningen är borttagen."),
        organisation=organisation,
        intro=_(
            "Ta bort en förvaltning som registrerats av misstag. En förvaltning som "
            "tjänsteskrivelser kommer från kan inte tas bort. Historiken visar borttagandet."
        ),
    )


def body_create(request, slug):
    """A new body within the principal named in the address (a joint body may be given more)."""
    require_permission(request.user, "governance.add_body", WRITE_DENIED)
    organisation = get_object_or_404(Organisation, slug=slug)
    form = BodyForm(posted(request), instance=Body(), organisation=organisation)
    return _page(
        request,
        form,
        heading=_("Nytt organ hos %(organisation)s") % {"organisation": organisation},
        save=save_new(request, form, services.body_create, more=form.m2m),
        done=_("Organet är registrerat."),
        organisation=organisation,
    )


def body_edit(request, slug):
    body, form = edit_form(request, BodyForm, body_get_for_edit, slug=slug)
    return _page(
        request,
        form,
        heading=_("Redigera %(body)s") % {"body": body},
        save=save_change(request, form, services.body_update, more=form.m2m),
        done=_("Organet är sparat."),
        body=body,
    )


def membership_add(request, slug):
    require_permission(request.user, "governance.add_membership", WRITE_DENIED)
    body = get_object_or_404(Body, slug=slug)
    form = MembershipForm(posted(request), instance=Membership(body=body))

    def save():
        services.membership_add(user=request.user, membership=form.membership())
        return body.get_absolute_url()

    return _page(
        request,
        form,
        heading=_("Nytt uppdrag i %(body)s") % {"body": body.name},
        save=save,
        done=_("Uppdraget är registrerat."),
        body=body,
    )


def _membership(request, slug, pk, *, permission="change"):
    body = get_object_or_404(Body, slug=slug)
    return body, membership_get_for_edit(user=request.user, body=body, pk=pk, permission=permission)


def membership_edit(request, slug, pk):
    body = get_object_or_404(Body, slug=slug)
    membership, form = edit_form(request, MembershipForm, membership_get_for_edit, body=body, pk=pk)
    return _page(
        request,
        form,
        heading=_("Ändra uppdraget för %(person)s") % {"person": membership.person.name},
        save=save_change(request, form, services.membership_update, then=body.get_absolute_url()),
        done=_("Uppdraget är sparat."),
        body=body,
    )


def membership_end(request, slug, pk):
    body, membership = _membership(request, slug, pk)
    form = MembershipEndForm(posted(request), membership=membership, today=timezone.localdate())
    return _page(
        request,
        form,
        heading=_("Avsluta uppdraget för %(person)s") % {"person": membership.person.name},
        save=save_change(
            request,
            form,
            services.membership_end,
            then=body.get_absolute_url(),
            more=lambda: {"until": form.cleaned_data["until"]},
        ),
        done=_("Uppdraget är avslutat."),
        submit=_("Avsluta uppdraget"),
        body=body,
        intro=_("Uppdraget som %(role)s finns kvar i registret och i historiken, med sista dagen.")
        % {"role": membership.get_role_display().lower()},
    )


def membership_remove(request, slug, pk):
    body, membership = _membership(request, slug, pk, permission="delete")
    return _remove(
        request,
        membership,
        services.membership_remove,
        then=body.get_absolute_url(),
        heading=_("Ta bort uppdraget för %(person)s") % {"person": membership.person.name},
        done=_("Uppdraget är borttaget."),
        body=body,
        intro=_(
            "Ta bort ett uppdrag som registrerats av misstag; ett uppdrag som har upphört "
            "avslutas i stället. Historiken visar borttagandet."
        ),
    )


def person_edit(request, pk):
    person, form = edit_form(request, PersonForm, person_get_for_edit, pk=pk)
    return _page(
        request,
        form,
        heading=_("Redigera %(person)s") % {"person": person.name},
        template="governance/person_form.html",
        save=save_change(request, form, services.person_update, then=request.path),
        done=_("Uppgifterna om personen är sparade."),
        person=person,
    )


def person_remove(request, pk):
    person = person_get_for_edit(user=request.user, pk=pk, permission="delete")
    return _remove(
        request,
        person,
        services.person_remove,
        then="governance:organisation_list",
        heading=_("Ta bort %(person)s") % {"person": person.name},
        done=_("Personen och alla personens uppdrag är borttagna."),
        person=person,
        intro=_(
            "Personen tas bort ur registret med alla sina uppdrag. Historiken visar vem som "
            "satt var, och borttagandet."
        ),
    )
