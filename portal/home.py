"""What the home page shows each person: what is in force and was decided lately for everyone,
and the work of their roles: a committee member's next meetings, a strategist's plans, open
follow-up rounds and what is due in them, a register administrator's reviews coming due.

Every part costs a fixed number of queries whatever the size of the data, and every count is
of what the person may see."""

from dataclasses import dataclass, field
from datetime import date

from agreements.models import Agreement, Status
from agreements.queries import agreements_visible_to, frameworks_visible_to, reviews_due
from core.access import has_permission
from core.periods import add_months
from governance.models import Body, Decision, Organisation
from governance.queries import MemberPage, member_page
from plans.models import FollowUpRound, Plan
from plans.queries import due_entries
from plans.queries.tree import Entry

LATEST = 5
DUE_MONTHS = 3


@dataclass
class Home:
    agreements_total: int
    agreements_in_force: int
    frameworks_total: int
    organisations_total: int
    bodies_total: int
    in_force: list[Agreement]
    decided: list[Decision]
    member: MemberPage | None = None
    plans: list[Plan] = field(default_factory=list)
    rounds: list[FollowUpRound] = field(default_factory=list)
    overdue: list[Entry] = field(default_factory=list)
    upcoming: list[Entry] = field(default_factory=list)
    reviews: list[Agreement] | None = None

    @property
    def is_strategist(self) -> bool:
        return bool(self.plans)


def home_for(*, user, today: date) -> Home:
    agreements = agreements_visible_to(user)
    home = Home(
        agreements_total=agreements.count(),
        agreements_in_force=agreements.filter(status=Status.IN_FORCE).count(),
        frameworks_total=frameworks_visible_to(user).count(),
        organisations_total=Organisation.objects.count(),
        bodies_total=Body.objects.count(),
        in_force=list(
            agreements.filter(status=Status.IN_FORCE)
            .order_by("-valid_from", "register_id")
            .only("register_id", "title", "valid_from", "valid_until")[:LATEST]
        ),
        decided=list(
            Decision.objects.filter(date__lte=today)
            .select_related("body")
            .order_by("-date", "-pk")[:LATEST]
        ),
    )
    if not user.is_authenticated:
        return home
    member = member_page(user=user, today=today)
    home.member = member if member.person is not None else None
    _add_plan_work(home, user=user, today=today)
    if has_permission(user, "agreements.change_agreement"):
        home.reviews = list(reviews_due(user=user, today=today))
    return home


def _add_plan_work(home: Home, *, user, today: date) -> None:
    """A strategist's plans (those they edit), the open rounds that ask them to report, and
    what is overdue or due within DUE_MONTHS in their plans."""
    home.plans = list(
        user.plans_editable.exclude(status=Plan.Status.CLOSED).order_by("title", "pk")
    )
    if not home.plans:
        return
    home.rounds = list(
        FollowUpRound.objects.filter(reporters=user, closed_at__isnull=True)
        .select_related("plan")
        .order_by("deadline", "pk")
    )
    entries = due_entries(
        user=user,
        today=today,
        horizon=add_months(today, DUE_MONTHS),
        plan_ids=[plan.pk for plan in home.plans],
    )
    home.overdue = [entry for entry in entries if entry.overdue]
    home.upcoming = [entry for entry in entries if not entry.overdue]
