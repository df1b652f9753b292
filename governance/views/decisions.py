"""The register administrator's pages for a body's decisions: register, edit and remove one.
Thin: the forms read, governance.services.decisions writes, and core.editing answers 200,
302, 400 or 409. A decision recorded at a meeting is linked from its agenda item
(meetings.agenda_item_decision), which picks among these."""

from django.utils.translation import gettext as _

from core.editing import form_page, posted, save_change
from governance.forms import DecisionForm, DecisionRemoveForm
from governance.models import Decision
from governance.queries import decisions as queries
from governance.services import decisions as services

TEMPLATE = "governance/decision_form.html"


def _page(request, form, *, heading, body, save, done, submit=None, intro=""):
    context = {"heading": heading, "body": body, "submit": submit, "intro": intro}
    return form_page(request, form, template=TEMPLATE, context=context, save=save, done=done)


def decision_create(request, slug):
    body = queries.body_get_for_new_decision(user=request.user, slug=slug)
    form = DecisionForm(posted(request), instance=Decision(body=body))
    return _page(
        request,
        form,
        heading=_("Nytt beslut av %(body)s") % {"body": body.name},
        body=body,
        save=lambda: services.decision_create(
            user=request.user, body=body, **form.content()
        ).get_absolute_url(),
        done=_("Beslutet är registrerat."),
    )


def decision_edit(request, pk):
    decision = queries.decision_get_for_edit(user=request.user, pk=pk)
    heading = _("Redigera beslutet %(decision)s") % {"decision": decision}
    form = DecisionForm(posted(request), instance=decision)
    return _page(
        request,
        form,
        heading=heading,
        body=decision.body,
        save=save_change(request, form, services.decision_update, more=form.content),
        done=_("Beslutet är sparat."),
    )


def decision_remove(request, pk):
    decision = queries.decision_get_for_edit(
        user=request.user, pk=pk, permission="governance.delete_decision"
    )
    form = DecisionRemoveForm(posted(request), decision=decision)
    return _page(
        request,
        form,
        heading=_("Ta bort beslutet %(decision)s") % {"decision": decision},
        body=decision.body,
        save=save_change(
            request,
            form,
            services.decision_remove,
            then=decision.body.get_absolute_url() + "#beslut",
        ),
        done=_("Beslutet är borttaget."),
        submit=_("Ta bort beslutet"),
        intro=_(
            "Beslutet tas bort ur registret med sina ärendenummer och det som det gäller. "
            "Historiken visar borttagandet och anledningen. Sammanträdespunkter som antecknat "
            "beslutet behåller sin beslutstext."
        ),
    )
