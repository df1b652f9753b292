"""Reported states and statuses: whether an item can still fall behind (`item_closed`, the one
place that decides it), the latest state of each item and the roll-up "3 av 5 klara"."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy, ngettext

from core.periods import is_overdue
from plans.kinds import Kind
from plans.models import StateReport, StatusUpdate

CLOSED_STATUSES = (StatusUpdate.Status.DONE, StatusUpdate.Status.CANCELLED)
CLOSING_STATES = (StateReport.State.DONE, StateReport.State.STRUCK)
NO_STATUS = gettext_lazy("Ingen status")


def item_closed(kind: Kind, state: str | None, initiative_status: str | None) -> bool:
    """Whether an item can no longer fall behind: the one place that decides the `closed`
    given to core.periods.is_overdue for an item, on the plan page, in Bevakning, on the
    timeline, in the PDF, in board reports and in follow-up rounds.

    An event (a dated activity) has happened once its time is past; an item reported done
    (klar) or struck (struken) is finished; and nothing under an initiative whose latest
    status is done or cancelled is still expected."""
    return kind.is_event or state in CLOSING_STATES or initiative_status in CLOSED_STATUSES


@dataclass(frozen=True)
class StateSummary:
    """How the items under an initiative, an area or a plan stand: "3 av 5 klara, 1 förfallen".
    Struck items are counted apart, not among those to be done."""

    total: int
    done: int
    struck: int
    overdue: int

    def __str__(self) -> str:
        parts = [
            ngettext("%(done)s av %(total)s klar", "%(done)s av %(total)s klara", self.total)
            % {"done": self.done, "total": self.total}
        ]
        if self.overdue:
            parts.append(
                ngettext("%(n)s förfallen", "%(n)s förfallna", self.overdue) % {"n": self.overdue}
            )
        if self.struck:
            parts.append(
                ngettext("%(n)s struken", "%(n)s strukna", self.struck) % {"n": self.struck}
            )
        return ", ".join(parts)


def state_summary(items, today: date) -> StateSummary | None:
    """The roll-up of tree items (with their `state` and `closed`), or None when there are none."""
    if not items:
        return None
    states = [item.state.state if item.state else None for item in items]
    struck = states.count(StateReport.State.STRUCK)
    return StateSummary(
        total=len(items) - struck,
        done=states.count(StateReport.State.DONE),
        struck=struck,
        overdue=sum(is_overdue(item.period_end, today=today, closed=item.closed) for item in items),
    )


def latest_states(reports) -> dict[tuple[str, int], StateReport]:
    """Each item's newest report, by (kind key, item id)."""
    latest = {}
    for report in sorted(reports, key=lambda r: (r.reported_at, r.pk), reverse=True):
        latest.setdefault((report.item_kind, report.item_id), report)
    return latest
