"""What the register administrator's pages for principals, bodies, people and memberships
read: each object fetched for one who may change it (LoginRequired, 403 otherwise), and the
histories that belong to a body's."""

from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import require_permission
from governance.models import Body, Department, Membership, Organisation, Person

WRITE_DENIED = gettext_lazy(
    "Du har inte behörighet att ändra i registret över huvudmän, organ och personer."
)


def organisation_get_for_edit(*, user, slug: str, permission: str = "change") -> Organisation:
    require_permission(user, f"governance.{permission}_organisation", WRITE_DENIED)
    return get_object_or_404(Organisation, slug=slug)


def department_get_for_edit(
    *, user, organisation: Organisation, pk: int, permission: str = "change"
) -> Department:
    """A department of `organisation` (404 for another's: the address names both)."""
    require_permission(user, f"governance.{permission}_department", WRITE_DENIED)
    return get_object_or_404(Department, organisation=organisation, pk=pk)


def body_get_for_edit(*, user, slug: str, permission: str = "change") -> Body:
    """The body, with its principals (for the pickers' order and the page's breadcrumbs)."""
    require_permission(user, f"governance.{permission}_body", WRITE_DENIED)
    return get_object_or_404(
        Body.objects.prefetch_related(
            Prefetch("organisations", queryset=Organisation.objects.order_by("name"))
        ),
        slug=slug,
    )


def person_get_for_edit(*, user, pk: int, permission: str = "change") -> Person:
    """The person, with their memberships and each body's principals (the person's page lists
    where they sit)."""
    require_permission(user, f"governance.{permission}_person", WRITE_DENIED)
    return get_object_or_404(
        Person.objects.prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("body", "representing")
                .prefetch_related(
                    Prefetch("body__organisations", queryset=Organisation.objects.order_by("name"))
                )
                .order_by("body__name", "role", "pk"),
            )
        ),
        pk=pk,
    )


def membership_get_for_edit(*, user, body: Body, pk: int, permission: str = "change"):
    """A membership of `body` (404 for another body's: the address names both)."""
    require_permission(user, f"governance.{permission}_membership", WRITE_DENIED)
    return get_object_or_404(
        Membership.objects.select_related("person", "body", "representing"), body=body, pk=pk
    )


def body_history_parts(body: Body) -> list:
    """The memberships' histories, those removed since included, beside the body's own
    (core.history.history_entries), each named by its person as last registered (a removed
    person's name too): one query whatever their number."""
    last_name = Person.history.filter(id=OuterRef("person_id")).order_by("-history_id")
    records = Membership.history.filter(body_id=body.pk).annotate(
        person_name=Subquery(last_name.values("name")[:1])
    )
    return [
        (
            records,
            lambda record: (
                _("Uppdrag: %(person)s, %(role)s")
                % {"person": record.person_name, "role": record.get_role_display()}
            ),
        )
    ]


def organisation_history_parts(organisation: Organisation) -> list:
    """The departments' histories, those removed since included, beside the principal's own
    (core.history.history_entries): one query whatever their number."""
    return [
        (
            Department.history.filter(organisation_id=organisation.pk),
            lambda record: _("Förvaltning: %(name)s") % {"name": record.name},
        )
    ]
