"""What the register pages read, shaped so each page costs a fixed number of queries.

Every list is ordered here, explicitly, rather than by the models' Meta.ordering: a page keeps
its order whatever the models say, and no ordering adds a join the page did not ask for.
"""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models import PUBLIC_STATUSES, Agreement, Attachment, Framework, Status, Topic
from core.access import get_visible_or_404, has_permission, require_permission
from governance.models import DecisionSubject, Organisation
from governance.queries.adoption import Adoption, adoption_by_parties, with_parties_awaiting

REVIEW_SOON_DAYS = 90


DRAFT_PERMISSION = "agreements.view_agreement"


def can_see_drafts(user) -> bool:
    return has_permission(user, DRAFT_PERMISSION)


def _adoptions():
    return Prefetch(
        "decisions",
        queryset=DecisionSubject.objects.select_related("decision__body")
        .prefetch_related("decision__case_numbers")
        .order_by("decision__body__name", "decision__date", "decision__pk"),
        to_attr="adoptions",
    )


def _parties():
    return Prefetch("parties", queryset=Organisation.objects.order_by("name"))


def _visible_to(user, queryset: QuerySet) -> QuerySet:
    return queryset if can_see_drafts(user) else queryset.filter(status__in=PUBLIC_STATUSES)


def agreements_visible_to(user) -> QuerySet[Agreement]:
    """In register order; the register's filter may sort otherwise."""
    return _visible_to(user, Agreement.objects.order_by("register_id"))


def frameworks_visible_to(user) -> QuerySet[Framework]:
    return _visible_to(user, Framework.objects.order_by("title"))


def register_rows(queryset: QuerySet[Agreement]) -> QuerySet[Agreement]:
    return queryset.select_related(
        "responsible_body", "replaced_by_agreement", "replaced_by_framework"
    ).prefetch_related(
        _parties(), Prefetch("topics", queryset=Topic.objects.order_by("name")), _adoptions()
    )


def agreement_get_for_view(*, user, register_id: str) -> Agreement:
    return get_visible_or_404(
        user,
        register_rows(Agreement.objects.all()).prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("title")),
            Prefetch("replaces", queryset=Agreement.objects.order_by("register_id")),
            Prefetch("covered_by_frameworks", queryset=Framework.objects.order_by("title")),
        ),
        draft_permission=DRAFT_PERMISSION,
        register_id=register_id,
    )


def framework_get_for_view(*, user, slug: str) -> Framework:
    return get_visible_or_404(
        user,
        Framework.objects.prefetch_related(
            _parties(),
            _adoptions(),
            Prefetch("replaces", queryset=register_rows(agreements_visible_to(user))),
            Prefetch("covers", queryset=register_rows(agreements_visible_to(user))),
        ),
        draft_permission=DRAFT_PERMISSION,
        slug=slug,
    )


def reviews_due(*, user, today: date, within_days: int = REVIEW_SOON_DAYS) -> QuerySet[Agreement]:
    """Agreements in force whose review date has passed or falls within the coming days."""
    horizon = date.fromordinal(today.toordinal() + within_days)
    return (
        agreements_visible_to(user)
        .filter(Q(status=Status.IN_FORCE) | Q(status=Status.UNDER_REVISION), review_by__lte=horizon)
        .select_related("responsible_body")
        .order_by("review_by", "register_id")
    )


def public_reviews() -> QuerySet[Agreement]:
    """The review dates a public calendar shows: agreements in force or under revision."""
    return (
        Agreement.objects.filter(
            status__in=[Status.IN_FORCE, Status.UNDER_REVISION], review_by__isnull=False
        )
        .select_related("responsible_body")
        .order_by("review_by", "register_id")
    )


def framework_list(*, user) -> QuerySet[Framework]:
    return frameworks_visible_to(user).prefetch_related(_parties())


def adoption_of(shared: Agreement | Framework) -> Adoption:
    """Beslut hos parterna for an agreement or framework read by the functions above (its
    parties prefetched, in name order)."""
    return adoption_by_parties(subjects=[shared], parties=shared.parties.all())


def awaiting_party_decisions(*, user, organisation: Organisation | None = None) -> list:
    """The agreements and frameworks the reader sees that some party has not decided on yet
    (with `parties_awaiting` and `party_count`); of one party's, when given. Two queries."""
    found = []
    for queryset in (agreements_visible_to(user), frameworks_visible_to(user)):
        if organisation is not None:
            queryset = queryset.filter(parties=organisation)
        found += with_parties_awaiting(queryset).filter(parties_awaiting__gt=0)
    return found


def recent_status_changes(*, limit: int):
    """Agreements' adoptions and replacements, newest first, as their history records them:
    each record whose status became in force or replaced (the record before it had another),
    of agreements public now. Their fields as they were then. One query."""
    history = Agreement.history.model
    previous = (
        history.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
        .order_by("-history_date")
        .values("status")[:1]
    )
    return (
        history.objects.filter(
            status__in=[Status.IN_FORCE, Status.REPLACED],
            id__in=Agreement.objects.filter(status__in=PUBLIC_STATUSES).values("pk"),
        )
        .annotate(previous_status=Subquery(previous))
        .filter(Q(previous_status__isnull=True) | ~Q(previous_status=F("status")))
        .order_by("-history_date")[:limit]
    )


# --- the register administrator's pages ------------------------------------------------

WRITE_DENIED = gettext_lazy("Du har inte behörighet att ändra i registret över överenskommelser.")


def agreement_get_for_edit(*, user, register_id: str) -> Agreement:
    """The agreement, for one who may change the register (LoginRequired, 403 otherwise)."""
    require_permission(user, "agreements.change_agreement", WRITE_DENIED)
    return get_object_or_404(
        Agreement.objects.prefetch_related(_adoptions()), register_id=register_id
    )


def framework_get_for_edit(*, user, slug: str) -> Framework:
    require_permission(user, "agreements.change_framework", WRITE_DENIED)
    return get_object_or_404(Framework, slug=slug)


def history_parts(agreement: Agreement) -> list:
    """The histories that belong to the agreement's (core.history.history_entries): its
    attachments and the decisions that adopt it, those removed since included. One query
    per part, whatever the number of rows."""
    content_type = ContentType.objects.get_for_model(Agreement)
    adoptions = DecisionSubject.history.filter(
        content_type=content_type, object_id=agreement.pk
    ).select_related("decision__body")
    return [
        (
            Attachment.history.filter(agreement_id=agreement.pk),
            lambda record: _("Bilaga ”%(title)s”") % {"title": record.title},
        ),
        (
            adoptions,
            lambda record: (
                _("Fastställd genom beslut av %(body)s")
                % {"body": record.decision.body if record.decision else _("(borttaget beslut)")}
            ),
        ),
    ]
