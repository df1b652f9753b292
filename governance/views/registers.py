"""The register administrator's pages for principals, their departments, bodies, people and
memberships: register, edit, end and remove. Thin: the forms read, the services write
(governance.services), and core.editing answers 200, 302, 400 or 409, with each page's texts
from PAGES."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import require_permission
from core.editing import PageTexts, edit_form, posted, save_change, save_new
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
REMOVE = _("Ta bort")

# What each page says, by its view's name; its objects are named as its view gives them.
PAGES = {
    "organisation_create": PageTexts(_("Ny huvudman"), _("Huvudmannen är registrerad.")),
    "organisation_edit": PageTexts(_("Redigera %(organisation)s"), _("Huvudmannen är sparad.")),
    "department_create": PageTexts(
        _("Ny förvaltning hos %(organisation)s"), _("Förvaltningen är registrerad.")
    ),
    "department_edit": PageTexts(_("Redigera %(department)s"), _("Förvaltningen är sparad.")),
    "department_remove": PageTexts(
        _("Ta bort %(department)s"),
        _("Förvaltningen är borttagen."),
        REMOVE,
        _(
            "Ta bort en förvaltning som registrerats av misstag. En förvaltning som "
            "tjänsteskrivelser kommer från kan inte tas bort. Historiken visar borttagandet."
        ),
    ),
    "body_create": PageTexts(_("Nytt organ hos %(organisation)s"), _("Organet är registrerat.")),
    "body_edit": PageTexts(_("Redigera %(body)s"), _("Organet är sparat.")),
    "membership_add": PageTexts(_("Nytt uppdrag i %(body)s"), _("Uppdraget är registrerat.")),
    "membership_edit": PageTexts(_("Ändra uppdraget för %(person)s"), _("Uppdraget är sparat.")),
    "membership_end": PageTexts(
        _("Avsluta uppdraget för %(person)s"),
        _("Uppdraget är avslutat."),
        _("Avsluta uppdraget"),
        _("Uppdraget som %(role)s finns kvar i registret och i historiken, med sista dagen."),
    ),
    "membership_remove": PageTexts(
        _("Ta bort uppdraget för %(person)s"),
        _("Uppdraget är borttaget."),
        REMOVE,
        _(
            "Ta bort ett uppdrag som registrerats av misstag; ett uppdrag som har upphört "
            "avslutas i stället. Historiken visar borttagandet."
        ),
    ),
    "person_edit": PageTexts(_("Redigera %(person)s"), _("Uppgifterna om personen är sparade.")),
    "person_remove": PageTexts(
        _("Ta bort %(person)s"),
        _("Personen och alla personens uppdrag är borttagna."),
        REMOVE,
        _(
            "Personen tas bort ur registret med alla sina uppdrag. Historiken visar vem som "
            "satt var, och borttagandet."
        ),
    ),
}


def _within(about: dict):
    """The body or principal that what a page is about belongs to, if any."""
    return about.get("body") or about.get("organisation")


def _page(request, form, save, *, names=None, template=TEMPLATE, **about):
    """`about`: what the page is about, for the breadcrumbs and Avbryt (organisation, body,
    person); the heading and the intro name it, and `names`."""
    shown = _within(about)
    if shown:
        cancel = shown.get_absolute_url()
    elif "person" in about:
        cancel = reverse("governance:person_edit", args=[about["person"].pk])
    else:
        cancel = reverse("governance:organisation_list")
    context = {"cancel_url": cancel, **about}
    names = about | (names or {})
    page = PAGES[request.resolver_match.url_name]
    return page.answer(request, form, template=template, context=context, save=save, names=names)


def _remove(request, instance, service, **page):
    """A page removing what was registered by mistake: it asks why, and goes back to the body
    or principal the removed belonged to (a person: to the principals)."""
    form = RemoveForm(posted(request), instance=instance)
    shown = _within(page)
    then = shown.get_absolute_url() if shown else "governance:organisation_list"
    return _page(request, form, save_change(request, form, service, then=then), **page)


def organisation_create(request):
    require_permission(request.user, "governance.add_organisation", WRITE_DENIED)
    form = OrganisationForm(posted(request), instance=Organisation())
    save = save_new(request, form, services.organisation_create)
    return _page(request, form, save)


def organisation_edit(request, slug):
    organisation, form = edit_form(request, OrganisationForm, organisation_get_for_edit, slug=slug)
    save = save_change(request, form, services.organisation_update)
    return _page(request, form, save, organisation=organisation)


def department_create(request, slug):
    require_permission(request.user, "governance.add_department", WRITE_DENIED)
    organisation = get_object_or_404(Organisation, slug=slug)
    form = DepartmentForm(posted(request), instance=Department(organisation=organisation))
    then = organisation.get_absolute_url()
    save = save_new(request, form, services.department_create, then=then)
    return _page(request, form, save, organisation=organisation)


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
    then = organisation.get_absolute_url()
    save = save_change(request, form, services.department_update, then=then)
    return _page(
        request, form, save, names={"department": department.name}, organisation=organisation
    )


def department_remove(request, slug, pk):
    organisation, department = _department(request, slug, pk, permission="delete")
    names = {"department": department.name}
    return _remove(
        request, department, services.department_remove, names=names, organisation=organisation
    )


def body_create(request, slug):
    """A new body within the principal named in the address (a joint body may be given more)."""
    require_permission(request.user, "governance.add_body", WRITE_DENIED)
    organisation = get_object_or_404(Organisation, slug=slug)
    form = BodyForm(posted(request), instance=Body(), organisation=organisation)
    save = save_new(request, form, services.body_create, more=form.m2m)
    return _page(request, form, save, organisation=organisation)


def body_edit(request, slug):
    body, form = edit_form(request, BodyForm, body_get_for_edit, slug=slug)
    save = save_change(request, form, services.body_update, more=form.m2m)
    return _page(request, form, save, body=body)


def membership_add(request, slug):
    require_permission(request.user, "governance.add_membership", WRITE_DENIED)
    body = get_object_or_404(Body, slug=slug)
    form = MembershipForm(posted(request), instance=Membership(body=body))

    def save():
        services.membership_add(user=request.user, membership=form.membership())
        return body.get_absolute_url()

    return _page(request, form, save, names={"body": body.name}, body=body)


def _membership(request, slug, pk, *, permission="change"):
    body = get_object_or_404(Body, slug=slug)
    return body, membership_get_for_edit(user=request.user, body=body, pk=pk, permission=permission)


def membership_edit(request, slug, pk):
    body = get_object_or_404(Body, slug=slug)
    membership, form = edit_form(request, MembershipForm, membership_get_for_edit, body=body, pk=pk)
    save = save_change(request, form, services.membership_update, then=body.get_absolute_url())
    return _page(request, form, save, names={"person": membership.person.name}, body=body)


def membership_end(request, slug, pk):
    body, membership = _membership(request, slug, pk)
    form = MembershipEndForm(posted(request), membership=membership, today=timezone.localdate())
    save = save_change(
        request,
        form,
        services.membership_end,
        then=body.get_absolute_url(),
        more=lambda: {"until": form.cleaned_data["until"]},
    )
    names = {"person": membership.person.name, "role": membership.get_role_display().lower()}
    return _page(request, form, save, names=names, body=body)


def membership_remove(request, slug, pk):
    body, membership = _membership(request, slug, pk, permission="delete")
    names = {"person": membership.person.name}
    return _remove(request, membership, services.membership_remove, names=names, body=body)


def person_edit(request, pk):
    person, form = edit_form(request, PersonForm, person_get_for_edit, pk=pk)
    save = save_change(request, form, services.person_update, then=request.path)
    return _page(
        request,
        form,
        save,
        names={"person": person.name},
        template="governance/person_form.html",
        person=person,
    )


def person_remove(request, pk):
    person = person_get_for_edit(user=request.user, pk=pk, permission="delete")
    names = {"person": person.name}
    return _remove(request, person, services.person_remove, names=names, person=person)
