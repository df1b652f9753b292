"""A body's page (members, sub-bodies, decisions, and what higher apps add) and its history."""

from django.shortcuts import render
from django.utils import timezone

from core.history import history_page
from governance.queries.bodies import body_get_for_view, body_page_sections, members_by_role
from governance.queries.meetings import body_meetings


def body_detail(request, slug):
    body = body_get_for_view(slug=slug)
    upcoming, past = body_meetings(body=body, user=request.user, today=timezone.localdate())
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            "upcoming_meetings": upcoming,
            "past_meetings": past,
            "members_by_role": members_by_role(body),
            "extra_sections": body_page_sections(body, request.user),
        },
    )


def body_history(request, slug):
    body = body_get_for_view(slug=slug)
    return history_page(request, body, section="organisations")
