"""What the organisation pages read: the principals by kind, one principal with its bodies."""

from collections import defaultdict

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from governance.models import Body, Organisation


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
