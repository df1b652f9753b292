"""Following a plan up: initiatives' status updates, items' reported states and follow-up rounds.
None of these changes the plan's content."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.history import save_with_history
from plans import kinds
from plans.models import FollowUpRound, Initiative, Plan, StateReport, StatusUpdate


@transaction.atomic
def status_update_record(
    *, user, initiative: Initiative, status: str, comment: str = "", on: date | None = None
) -> StatusUpdate:
    """A status update reports on the plan; it does not change the plan, so it starts no revision."""
    update = StatusUpdate(
        initiative=initiative,
        status=status,
        comment=comment,
        date=on or timezone.localdate(),
        author=user if user is not None and user.is_authenticated else None,
    )
    return save_with_history(update, user=user, reason=_("Statusuppdatering"))


# --- follow-up: reported states and rounds ------------------------------------------------
# Reporting is not plan content: none of these starts a revision or changes a revision counter.


class RoundClosed(ValidationError):
    """A report meant for a round that has been closed: a closed round is frozen."""


@transaction.atomic
def state_report_record(
    *,
    user,
    item,
    state: str,
    done_on: date | None = None,
    comment: str = "",
    round_number: int | None = None,
    today: date,
) -> StateReport:
    """Report an item's state. It goes into the plan's open follow-up round, if there is one;
    a report meant for a round (`round_number`, from the round's page) is refused once that
    round is closed. Done needs the date it was done, not after `today`."""
    kind = kinds.of(type(item))
    if not kind.carries_state:
        raise ValidationError(_("Den här typen av innehåll har inget läge."))
    plan = item.plan
    if plan.status == Plan.Status.CLOSED:
        raise ValidationError(_("Planen är avslutad och kan inte längre ändras."))
    # FOR UPDATE: a report and the round's closing must not cross; the report is in the
    # round or it is not, never in a round closed under it.
    open_round = (
        FollowUpRound.objects.select_for_update().filter(plan=plan, closed_at__isnull=True).first()
    )
    if round_number is not None and (open_round is None or open_round.number != round_number):
        raise RoundClosed(_("Uppföljningen är stängd. Rapporten sparades inte i den."))
    if done_on is not None and done_on > today:
        raise ValidationError({"done_on": _("Datumet kan inte ligga i framtiden.")})
    report = StateReport(
        plan=plan,
        item_kind=kind.key,
        item_id=item.pk,
        round=open_round,
        state=state,
        done_on=done_on if state == StateReport.State.DONE else None,
        comment=comment,
        reported_by=user if user is not None and user.is_authenticated else None,
        reported_at=timezone.now(),
    )
    return save_with_history(report, user=user, reason=_("Läge rapporterat"))


def round_name(reporting_date: date) -> str:
    """The name a round gets by default: the tertial its reporting date falls in."""
    tertial = (reporting_date.month - 1) // 4 + 1
    return _("Uppföljning T%(tertial)s %(year)s") % {
        "tertial": tertial,
        "year": reporting_date.year,
    }


@transaction.atomic
def round_open(
    *, user, plan: Plan, reporting_date: date, deadline: date, name: str = ""
) -> FollowUpRound:
    """Open a follow-up round on the plan; its editors are asked to report."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # one round opens at a time
    if plan.status == Plan.Status.CLOSED:
        raise ValidationError(_("Planen är avslutad och kan inte längre följas upp."))
    if plan.rounds.filter(closed_at__isnull=True).exists():
        raise ValidationError(_("Planen har redan en öppen uppföljning. Stäng den först."))
    if deadline < reporting_date:
        raise ValidationError(
            {"deadline": _("Sista dag att rapportera kan inte ligga före rapportdatum.")}
        )
    number = (plan.rounds.aggregate(last=Max("number"))["last"] or 0) + 1
    follow_up_round = FollowUpRound(
        plan=plan,
        number=number,
        name=name or round_name(reporting_date),
        reporting_date=reporting_date,
        deadline=deadline,
        opened_by=user if user is not None and user.is_authenticated else None,
        opened_at=timezone.now(),
    )
    save_with_history(follow_up_round, user=user, reason=_("Uppföljning öppnad"))
    follow_up_round.reporters.set(plan.editors.all())
    return follow_up_round


@transaction.atomic
def round_close(*, user, follow_up_round: FollowUpRound) -> FollowUpRound:
    """Close the round: it takes no more reports, and its page reads the same from now on."""
    current = FollowUpRound.objects.select_for_update().get(pk=follow_up_round.pk)
    if not current.is_open:
        raise ValidationError(_("Uppföljningen är redan stängd."))
    current.closed_at = timezone.now()
    current.closed_by = user if user is not None and user.is_authenticated else None
    return save_with_history(current, user=user, reason=_("Uppföljning stängd"))
