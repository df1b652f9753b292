"""A body's page (members, sub-bodies, decisions, and what higher apps add) and its history."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exports import export_response
from core.history import history_page
from governance.exports import decision_columns
from governance.queries.bodies import body_get_for_view, body_page_sections, members_by_role
from governance.queries.meetings import body_meetings
from governance.queries.registers import body_history_parts


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


def body_decisions_export(request, slug, export_format):
    """The body's decisions, as its page lists them, as Excel or CSV."""
    body = body_get_for_view(slug=slug)
    return export_response(
        export_format,
        decision_columns(request.user, request.build_absolute_uri),
        body.decisions.all(),
        title=str(_("Beslut")),
        filename=f"beslut-{body.slug}",
    )


def body_history(request, slug):
    body = body_get_for_view(slug=slug)
    return history_page(request, body, section="organisations", parts=body_history_parts(body))
