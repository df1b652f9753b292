"""What the governance pages read; each page costs a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from core.access import has_permission, require_permission, require_visible
from governance.models import BoardReport, Body, Decision, DecisionSubject, Membership, Organisation


@dataclass
class BodyNode:
    body: Body
    children: list["BodyNode"] = field(default_factory=list)


def body_tree(bodies: list[Body]) -> list[BodyNode]:
    """Bodies as a reporting forest: a body whose superior is outside the set is a root."""
    nodes = {body.pk: BodyNode(body) for body in bodies}
    roots = []
    for body in bodies:
        parent = nodes.get(body.reports_to_id)
        (parent.children if parent else roots).append(nodes[body.pk])
    return roots


def organisations_by_kind():
    grouped = defaultdict(list)
    for organisation in Organisation.objects.all():
        grouped[organisation.get_kind_display()].append(organisation)
    order = [label for _, label in Organisation.Kind.choices]
    return [(str(kind), grouped[str(kind)]) for kind in order if grouped[str(kind)]]


def organisation_get_for_view(*, slug: str) -> Organisation:
    return get_object_or_404(
        Organisation.objects.prefetch_related(
            "departments",
            Prefetch("bodies", queryset=Body.objects.select_related("reports_to").order_by("name")),
        ),
        slug=slug,
    )


def body_get_for_view(*, slug: str) -> Body:
    return get_object_or_404(
        Body.objects.select_related("reports_to").prefetch_related(
            "organisations",
            Prefetch("sub_bodies", queryset=Body.objects.order_by("name")),
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("person", "representing").order_by(
                    "person__name"
                ),
            ),
            Prefetch(
                "decisions",
                queryset=Decision.objects.prefetch_related(
                    Prefetch(
                        "subjects",
                        queryset=DecisionSubject.objects.prefetch_related("subject"),
                    )
                ).order_by("-date", "-case_number"),
            ),
        ),
        slug=slug,
    )


def members_by_role(body: Body) -> list[tuple[str, list[Membership]]]:
    """Memberships grouped in the order of Membership.Role (leader and chair first)."""
    grouped = defaultdict(list)
    for membership in body.memberships.all():
        grouped[membership.role].append(membership)
    return [(label, grouped[value]) for value, label in Membership.Role.choices if grouped[value]]


# Apps above governance (plans) add their own sections to a body's page without governance
# importing them: each provider takes (body, user) and returns (template name, context) or None.
BODY_PAGE_SECTIONS = []


def register_body_page_section(provider) -> None:
    if provider not in BODY_PAGE_SECTIONS:
        BODY_PAGE_SECTIONS.append(provider)


def body_page_sections(body: Body, user) -> list[tuple[str, dict]]:
    return [section for provider in BODY_PAGE_SECTIONS if (section := provider(body, user))]


# --- board reports ---------------------------------------------------------------------------


DRAFT_PERMISSION = "governance.view_boardreport"
WRITE_DENIED = "Du har inte behörighet att skriva tjänsteskrivelser."


def can_see_draft_reports(user) -> bool:
    return has_permission(user, DRAFT_PERMISSION)


def board_reports_visible_to(user):
    reports = BoardReport.objects.select_related("organisation").prefetch_related("recipients")
    if not can_see_draft_reports(user):
        reports = reports.filter(status=BoardReport.Status.ISSUED)
    return reports


def board_report_get_for_view(*, user, pk: int) -> BoardReport:
    report = get_object_or_404(
        BoardReport.objects.select_related(
            "organisation", "corrects", "subject_type"
        ).prefetch_related(
            "recipients",
            "departments",
            "supporting_documents",
            "signatories",
            "extra_sections",
            "corrections",
        ),
        pk=pk,
    )
    require_visible(user, report, draft_permission=DRAFT_PERMISSION)
    return report


def board_report_get_for_edit(*, user, pk: int) -> BoardReport:
    require_permission(user, "governance.change_boardreport", WRITE_DENIED)
    return board_report_get_for_view(user=user, pk=pk)
