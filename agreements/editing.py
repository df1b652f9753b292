"""The register administrator's pages for agreements (register, edit, mark replaced, record
and remove adoptions) and frameworks (register, edit). Thin: the forms read, the services
write (agreements.services), and core.editing answers 200, 302, 400 or 409, with each page's
texts from PAGES."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agreements import queries, services
from agreements.forms import (
    AdoptionForm,
    AgreementForm,
    FrameworkForm,
    ReasonForm,
    ReplaceForm,
)
from core.access import require_permission
from core.editing import PageTexts, edit_form, posted, save_change, save_new

TEMPLATE = "agreements/agreement_form.html"


@dataclass(frozen=True)
class Page(PageTexts):
    """A page of the agreements' register, or of the frameworks' (`section`: its breadcrumbs,
    and the list that Avbryt goes back to from a new one)."""

    section: str = "agreements"


FRAMEWORKS = "frameworks"

# What each page says, by its view's name; an agreement is named by its register id.
PAGES = {
    "agreement_create": Page(_("Ny överenskommelse"), _("Överenskommelsen är registrerad.")),
    "agreement_edit": Page(_("Redigera %(agreement)s"), _("Överenskommelsen är sparad.")),
    "framework_create": Page(_("Nytt ramverk"), _("Ramverket är registrerat."), section=FRAMEWORKS),
    "framework_edit": Page(
        _("Redigera %(framework)s"), _("Ramverket är sparat."), section=FRAMEWORKS
    ),
    "agreement_replace": Page(
        _("Ersätt %(agreement)s"),
        _("Det som ersätter överenskommelsen är sparat och syns på båda sidorna."),
        _("Spara"),
        _(
            "Är det som ersätter fastställt blir överenskommelsens status Ersatt; är det ett "
            "utkast antecknas att överenskommelsen ska ersättas."
        ),
    ),
    "adoption_add": Page(
        _("Fastställande av %(agreement)s"),
        _("Fastställandet är registrerat."),
        _("Registrera fastställandet"),
        _(
            "Finns beslutet redan i registret under ärendenumret kopplas det till "
            "överenskommelsen; annars registreras det."
        ),
    ),
    "adoption_remove": Page(
        _("Ta bort fastställande av %(agreement)s"),
        _("Beslutet är borttaget från fastställandena."),
        _("Ta bort"),
        _(
            "Beslutet %(decision)s tas bort från överenskommelsens fastställanden. Beslutet "
            "finns kvar i registret, och historiken visar borttagandet."
        ),
    ),
}


def _page(request, form, save, *, agreement=None, **names):
    """`agreement`: the agreement or framework the page is about (for the breadcrumbs and
    Avbryt); `names`: what the texts name besides the agreement."""
    page = PAGES[request.resolver_match.url_name]
    context = {
        "agreement": agreement,
        "section": page.section,
        "cancel_url": agreement.get_absolute_url()
        if agreement
        else reverse(
            f"agreements:{'framework' if page.section == FRAMEWORKS else 'agreement'}_list"
        ),
    }
    # The texts name an agreement by its register id; a framework has none, and is named itself.
    names = {"agreement": getattr(agreement, "register_id", None), **names}
    return page.answer(request, form, template=TEMPLATE, context=context, save=save, names=names)


def _new(request, permission, form_class, service):
    """A page registering an agreement or a framework, with its links to others (form.m2m)."""
    require_permission(request.user, permission, queries.WRITE_DENIED)
    form = form_class(posted(request), instance=form_class._meta.model())
    return _page(request, form, save_new(request, form, service, more=form.m2m))


def agreement_create(request):
    return _new(request, "agreements.add_agreement", AgreementForm, services.agreement_create)


def agreement_edit(request, register_id):
    agreement, form = edit_form(
        request, AgreementForm, queries.agreement_get_for_edit, register_id=register_id
    )
    save = save_change(request, form, services.agreement_update, more=form.m2m)
    return _page(request, form, save, agreement=agreement)


def framework_create(request):
    return _new(request, "agreements.add_framework", FrameworkForm, services.framework_create)


def framework_edit(request, slug):
    framework, form = edit_form(request, FrameworkForm, queries.framework_get_for_edit, slug=slug)
    save = save_change(request, form, services.framework_update, more=form.m2m)
    return _page(request, form, save, agreement=framework, framework=framework)


def agreement_replace(request, register_id):
    agreement = queries.agreement_get_for_edit(user=request.user, register_id=register_id)
    form = ReplaceForm(posted(request), agreement=agreement)
    save = save_change(
        request,
        form,
        services.agreement_replace,
        more=lambda: {"replaced_by": form.cleaned_data["replaced_by"]},
    )
    return _page(request, form, save, agreement=agreement)


def _adoption_page(request, form, agreement, write, **names):
    """A page changing the agreement's adoptions: `write()` saves, and the agreement's page
    shows its adoptions after."""

    def save():
        write()
        return agreement.get_absolute_url()

    return _page(request, form, save, agreement=agreement, **names)


def adoption_add(request, register_id):
    agreement = queries.agreement_get_for_edit(user=request.user, register_id=register_id)
    form = AdoptionForm(posted(request), agreement=agreement)
    return _adoption_page(
        request,
        form,
        agreement,
        lambda: services.adoption_add(user=request.user, agreement=agreement, **form.cleaned_data),
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
        decision=link.decision,
    )
