from django.shortcuts import render

from governance import queries
from portal.history import history_entries


def organisation_list(request):
    return render(
        request,
        "governance/organisation_list.html",
        {"groups": queries.organisations_by_kind()},
    )


def organisation_detail(request, slug):
    organisation = queries.organisation_get_for_view(slug=slug)
    return render(
        request,
        "governance/organisation_detail.html",
        {
            "organisation": organisation,
            "tree": queries.body_tree(list(organisation.bodies.all())),
        },
    )


def organisation_history(request, slug):
    organisation = queries.organisation_get_for_view(slug=slug)
    return render(
        request,
        "portal/object_history.html",
        {
            "object": organisation,
            "entries": history_entries(organisation),
            "section": "organisations",
        },
    )


def body_detail(request, slug):
    body = queries.body_get_for_view(slug=slug)
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            "members_by_role": queries.members_by_role(body),
            "extra_sections": queries.body_page_sections(body, request.user),
        },
    )


def body_history(request, slug):
    body = queries.body_get_for_view(slug=slug)
    return render(
        request,
        "portal/object_history.html",
        {"object": body, "entries": history_entries(body), "section": "organisations"},
    )
