"""The register administrator's pages for principals, their departments, bodies, people and
memberships: register, edit, end and remove. Thin: the forms read, the services write (governance.services), and
core.editing answers 200, 302, 400 or 409."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import require_permission
from core.editing import form_page, posted
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


def _change(request, form, service, *, then=None, more=dict):
    """The page's save: `service` writes the form's object (its keyword is the model's name)
    over the revision the form started from, with the reason typed; `more()` gives further
    arguments, read once the form is valid; `then`: where to go (else the object's page)."""

    def save():
        instance = form.instance
        changed = service(
            user=request.user,
            reason=form.cleaned_data["reason"],
            expected_revision=form.cleaned_data["revision"],
            **{instance._meta.model_name: instance},
            **more(),
        )
        return then or changed.get_absolute_url()

    return save


def organisation_create(request):
    require_permission(request.user, "governance.add_organisation", WRITE_DENIED)
    form = OrganisationForm(posted(request), instance=Organisation())
    return _page(
        request,
        form,
        heading=_("Ny huvudman"),
        save=lambda: services.organisation_create(
            user=request.user, organisation=form.instance
        ).get_absolute_url(),
        done=_("Huvudmannen är registrerad."),
    )


def organisation_edit(request, slug):
    organisation = organisation_get_for_edit(user=request.user, slug=slug)
    # The form edits its own copy: a refused save must not change the principal shown.
    form = OrganisationForm(
        posted(request), instance=organisation_get_for_edit(user=request.user, slug=slug)
    )
    return _page(
        request,
        form,
        heading=_("Redigera %(organisation)s") % {"organisation": organisation},
        save=_change(request, form, services.organisation_update),
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
        save=lambda: services.department_create(
            user=request.user, department=form.instance
        ).organisation.get_absolute_url(),
        done=_("Förvaltningen är registrerad."),
        organisation=organisation,
    )


def _department(request, slug, pk, *, permission="change"):
    organisation = get_object_or_404(Organisation, slug=slug)
    return organisation, department_get_for_edit(
        user=request.user, organisation=organisation, pk=pk, permission=permission
    )


def department_edit(request, slug, pk):
    organisation, department = _department(request, slug, pk)
    form = DepartmentForm(posted(request), instance=_department(request, slug, pk)[1])
    return _page(
        request,
        form,
        heading=_("Redigera %(department)s") % {"department": department.name},
        save=_change(
            request, form, services.department_update, then=organisation.get_absolute_url()
        ),
        done=_("Förvaltningen är sparad."),
        organisation=organisation,
    )


def department_remove(request, slug, pk):
    organisation, department = _department(request, slug, pk, permission="delete")
    form = RemoveForm(posted(request), instance=department)
    return _page(
        request,
        form,
        heading=_("Ta bort %(department)s") % {"department": department.name},
        save=_change(
            request, form, services.department_remove, then=organisation.get_absolute_url()
        ),
        done=_("Förvaltningen är borttagen."),
        submit=_("Ta bort"),
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
        save=lambda: services.body_create(
            user=request.user, body=form.instance, **form.m2m()
        ).get_absolute_url(),
        done=_("Organet är registrerat."),
        organisation=organisation,
    )


def body_edit(request, slug):
    body = body_get_for_edit(user=request.user, slug=slug)
    form = BodyForm(posted(request), instance=body_get_for_edit(user=request.user, slug=slug))
    return _page(
        request,
        form,
        heading=_("Redigera %(body)s") % {"body": body},
        save=_change(request, form, services.body_update, more=form.m2m),
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
    body, membership = _membership(request, slug, pk)
    form = MembershipForm(posted(request), instance=_membership(request, slug, pk)[1])
    return _page(
        request,
        form,
        heading=_("Ändra uppdraget för %(person)s") % {"person": membership.person.name},
        save=_change(request, form, services.membership_update, then=body.get_absolute_url()),
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
        save=_change(
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
    form = RemoveForm(posted(request), instance=membership)
    return _page(
        request,
        form,
        heading=_("Ta bort uppdraget för %(person)s") % {"person": membership.person.name},
        save=_change(request, form, services.membership_remove, then=body.get_absolute_url()),
        done=_("Uppdraget är borttaget."),
        submit=_("Ta bort"),
        body=body,
        intro=_(
            "Ta bort ett uppdrag som registrerats av misstag; ett uppdrag som har upphört "
            "avslutas i stället. Historiken visar borttagandet."
        ),
    )


def person_edit(request, pk):
    person = person_get_for_edit(user=request.user, pk=pk)
    form = PersonForm(posted(request), instance=person_get_for_edit(user=request.user, pk=pk))
    return _page(
        request,
        form,
        heading=_("Redigera %(person)s") % {"person": person.name},
        template="governance/person_form.html",
        save=_change(request, form, services.person_update, then=request.path),
        done=_("Uppgifterna om personen är sparade."),
        person=person,
    )


def person_remove(request, pk):
    person = person_get_for_edit(user=request.user, pk=pk, permission="delete")
    form = RemoveForm(posted(request), instance=person)
    return _page(
        request,
        form,
        heading=_("Ta bort %(person)s") % {"person": person.name},
        save=_change(request, form, services.person_remove, then="governance:organisation_list"),
        done=_("Personen och alla personens uppdrag är borttagna."),
        submit=_("Ta bort"),
        person=person,
        intro=_(
            "Personen tas bort ur registret med alla sina uppdrag. Historiken visar vem som "
            "satt var, och borttagandet."
        ),
    )
