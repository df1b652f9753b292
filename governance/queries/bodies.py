"""What the body pages read: a body with its members, sub-bodies and decisions, and the
reporting tree of bodies."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from governance.models import Body, Decision, DecisionSubject, Membership


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
                queryset=Decision.objects.select_related("responds_to__body")
                .prefetch_related(
                    "case_numbers",
                    Prefetch(
                        "subjects",
                        queryset=DecisionSubject.objects.prefetch_related("subject"),
                    ),
                )
                .order_by("-date", "-pk"),
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
