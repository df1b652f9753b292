"""The principals (huvudmän): the list by kind, and each with its bodies as a reporting tree."""

from django.shortcuts import render

from core.history import history_page
from governance.queries.bodies import body_tree
from governance.queries.organisations import organisation_get_for_view, organisations_by_kind
from governance.queries.registers import organisation_history_parts


def organisation_list(request):
    return render(
        request,
        "governance/organisation_list.html",
        {"groups": organisations_by_kind()},
    )


def organisation_detail(request, slug):
    organisation = organisation_get_for_view(slug=slug)
    return render(
        request,
        "governance/organisation_detail.html",
        {"organisation": organisation, "tree": body_tree(list(organisation.bodies.all()))},
    )


def organisation_history(request, slug):
    organisation = organisation_get_for_view(slug=slug)
    return history_page(
        request,
        organisation,
        section="organisations",
        parts=organisation_history_parts(organisation),
    )
