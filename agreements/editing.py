"""The register administrator's pages for agreements (register, edit, mark replaced, record
and remove adoptions) and frameworks (register, edit). Thin: the forms read, the services
write (agreements.services), and core.editing answers 200, 302, 400 or 409."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from agreements import queries, services
from agreements.forms import (
    AdoptionForm,
    AgreementForm,
    FrameworkForm,
    ReasonForm,
    ReplaceForm,
)
from agreements.models import Agreement, Framework
from core.access import require_permission
from core.editing import edit_form, form_page, posted, save_change, save_new

TEMPLATE = "agreements/agreement_form.html"


def _page(
    request, form, *, heading, agreement=None, save, done, submit=None, intro="", section=None
):
    """`agreement`: the agreement or framework the page is about (for the breadcrumbs and
    Avbryt); `section`: "frameworks" for the frameworks' pages."""
    context = {
        "heading": heading,
        "agreement": agreement,
        "submit": submit,
        "intro": intro,
        "section": section or "agreements",
        "cancel_url": agreement.get_absolute_url()
        if agreement
        else reverse(f"agreements:{'framework' if section else 'agreement'}_list"),
    }
    return form_page(request, form, template=TEMPLATE, context=context, save=save, done=done)


def agreement_create(request):
    require_permission(request.user, "agreements.add_agreement", queries.WRITE_DENIED)
    form = AgreementForm(posted(request), instance=Agreement())
    return _page(
        request,
        form,
        heading=_("Ny överenskommelse"),
        save=save_new(request, form, services.agreement_create, more=form.m2m),
        done=_("Överenskommelsen är registrerad."),
    )


def agreement_edit(request, register_id):
    agreement, form = edit_form(
        request, AgreementForm, queries.agreement_get_for_edit, register_id=register_id
    )
    return _page(
        request,
        form,
        heading=_("Redigera %(agreement)s") % {"agreement": agreement.register_id},
        agreement=agreement,
        save=save_change(request, form, services.agreement_update, more=form.m2m),
        done=_("Överenskommelsen är sparad."),
    )


def framework_create(request):
    require_permission(request.user, "agreements.add_framework", queries.WRITE_DENIED)
    form = FrameworkForm(posted(request), instance=Framework())
    return _page(
        request,
        form,
        heading=_("Nytt ramverk"),
        save=save_new(request, form, services.framework_create, more=form.m2m),
        done=_("Ramverket är registrerat."),
        section="frameworks",
    )


def framework_edit(request, slug):
    framework, form = edit_form(request, FrameworkForm, queries.framework_get_for_edit, slug=slug)
    return _page(
        request,
        form,
        heading=_("Redigera %(framework)s") % {"framework": framework},
        agreement=framework,
        save=save_change(request, form, services.framework_update, more=form.m2m),
        done=_("Ramverket är sparat."),
        section="frameworks",
    )


def agreement_replace(request, register_id):
    agreement = queries.agreement_get_for_edit(user=request.user, register_id=register_id)
    form = ReplaceForm(posted(request), agreement=agreement)
    return _page(
        request,
        form,
        heading=_("Ersätt %(agreement)s") % {"agreement": agreement.register_id},
        agreement=agreement,
        save=save_change(
            request,
            form,
            services.agreement_replace,
            more=lambda: {"replaced_by": form.cleaned_data["replaced_by"]},
        ),
        done=_("Det som ersätter överenskommelsen är sparat och syns på båda sidorna."),
        submit=_("Spara"),
        intro=_(
            "Är det som ersätter fastställt blir överenskommelsens status Ersatt; är det ett "
            "utkast antecknas att överenskommelsen ska ersättas."
        ),
    )


def _adoption_page(request, form, agreement, write, *, heading, **page):
    """A page changing the agreement's adoptions: `heading` names the agreement by its register
    id; `write()` saves, and the agreement's page shows its adoptions after."""

    def save():
        write()
        return agreement.get_absolute_url()

    heading %= {"agreement": agreement.register_id}
    return _page(request, form, heading=heading, agreement=agreement, save=save, **page)


def adoption_add(request, register_id):
    agreement = queries.agreement_get_for_edit(user=request.user, register_id=register_id)
    form = AdoptionForm(posted(request), agreement=agreement)
    return _adoption_page(
        request,
        form,
        agreement,
        lambda: services.adoption_add(user=request.user, agreement=agreement, **form.cleaned_data),
        heading=_("Fastställande av %(agreement)s"),
        done=_("Fastställandet är registrerat."),
        submit=_("Registrera fastställandet"),
        intro=_(
            "Finns beslutet redan i registret under ärendenumret kopplas det till "
            "överenskommelsen; annars registreras det."
        ),
    )


def adoption_remove(request, register_id, pk):
    agreement = queries.agreement_get_for_edit(user=request.user, register_id=register_id)
    link = get_object_or_404(agreement.decisions.select_related("decision__body"), pk=pk)
    form = ReasonForm(posted(request))
    return _adoption_page(
        request,
        form,
        agreement,
        lambda: services.adoption_remove(
            user=request.user, agreement=agreement, link=link, reason=form.cleaned_data["reason"]
        ),
        heading=_("Ta bort fastställande av %(agreement)s"),
        done=_("Beslutet är borttaget från fastställandena."),
        submit=_("Ta bort"),
        intro=_(
            "Beslutet %(decision)s tas bort från överenskommelsens fastställanden. Beslutet "
            "finns kvar i registret, och historiken visar borttagandet."
        )
        % {"decision": link.decision},
    )
