"""Meetings (sammanträden) and their agendas: drafted, published, and the decisions recorded
item by item.

Every change of the agenda locks the meeting and bumps its revision: the agenda is part of
the meeting (the notice prints it), so an edit form of the meeting opened before an item was
added is stale, and two editors numbering items take turns."""

from collections.abc import Sequence
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from core.history import save_with_history
from core.revisions import EditConflict, lock_for_edit
from governance.models import AgendaItem, AgendaItemCaseNumber, Body, Decision, Meeting


def _locked_meeting(meeting, *, expected_revision: int | None = None) -> Meeting:
    current = lock_for_edit(Meeting.objects, meeting.pk)
    if expected_revision is not None and current.revision != expected_revision:
        raise EditConflict(
            current, _("Någon annan har ändrat sammanträdet sedan du öppnade formuläret.")
        )
    return current


def _bump(meeting: Meeting, *, user, reason: str) -> Meeting:
    meeting.revision += 1
    return save_with_history(meeting, user=user, reason=reason)


@transaction.atomic
def meeting_create(*, user, body: Body, date: date, **details) -> Meeting:
    """A new meeting, drafted: only readers and editors see it until it is published. The
    `details` (kind, start_time, place) are the model's defaults where not given."""
    meeting = Meeting(body=body, date=date, status=Meeting.Status.DRAFT, **details)
    return save_with_history(meeting, user=user, reason="Sammanträde skapat")


@transaction.atomic
def meeting_update(*, user, meeting: Meeting, expected_revision: int, **fields) -> Meeting:
    """Save the meeting's own fields (body, date, start_time, place, kind) over the revision
    the form started from."""
    current = _locked_meeting(meeting, expected_revision=expected_revision)
    for name, value in fields.items():
        setattr(current, name, value)
    return _bump(current, user=user, reason="Sammanträde ändrat")


@transaction.atomic
def meeting_publish(*, user, meeting: Meeting, published_at: datetime) -> Meeting:
    """Make the meeting public (the notice goes out). Publishing twice changes nothing."""
    current = _locked_meeting(meeting)
    if current.is_published:
        return current
    current.status = Meeting.Status.PUBLISHED
    current.published_at = published_at
    return _bump(current, user=user, reason="Sammanträde publicerat")


def _write_case_numbers(*, user, item: AgendaItem, case_numbers: Sequence[str]) -> None:
    """The item's case numbers in order: unchanged rows stay, the rest are replaced."""
    stored = list(item.case_numbers.all())
    if [row.case_number for row in stored] == list(case_numbers):
        return
    for row in stored:
        row._history_user = user
        row.delete()
    for position, number in enumerate(case_numbers, start=1):
        save_with_history(
            AgendaItemCaseNumber(item=item, position=position, case_number=number), user=user
        )


def _write_item(*, user, item: AgendaItem, reason: str, case_numbers, reports, **fields):
    for name, value in fields.items():
        setattr(item, name, value)
    save_with_history(item, user=user, reason=reason)
    item.reports.set(reports)
    _write_case_numbers(user=user, item=item, case_numbers=case_numbers)
    return item


@transaction.atomic
def agenda_item_add(
    *,
    user,
    meeting: Meeting,
    number: int,
    title: str,
    case_numbers: Sequence[str] = (),
    reports=(),
) -> AgendaItem:
    """A new item on the agenda as § `number`, with its case numbers (canonical text, in
    order) and the board reports it is prepared by."""
    current = _locked_meeting(meeting)
    item = _write_item(
        user=user,
        item=AgendaItem(meeting=current),
        reason="Punkt tillagd",
        case_numbers=case_numbers,
        reports=reports,
        number=number,
        title=title,
    )
    _bump(current, user=user, reason=f"§ {number} tillagd")
    return item


def _locked_item(item: AgendaItem, *, expected_revision: int) -> AgendaItem:
    """The item and its meeting, both locked; the item's revision bumped for the save."""
    meeting = _locked_meeting(item.meeting)
    current = lock_for_edit(AgendaItem.objects, item.pk)
    if current.revision != expected_revision:
        raise EditConflict(
            current, _("Någon annan har ändrat punkten sedan du öppnade formuläret.")
        )
    current.meeting = meeting
    current.revision += 1
    return current


@transaction.atomic
def agenda_item_update(
    *,
    user,
    item: AgendaItem,
    expected_revision: int,
    number: int,
    title: str,
    case_numbers: Sequence[str] = (),
    reports=(),
) -> AgendaItem:
    current = _locked_item(item, expected_revision=expected_revision)
    item = _write_item(
        user=user,
        item=current,
        reason="Punkt ändrad",
        case_numbers=case_numbers,
        reports=reports,
        number=number,
        title=title,
    )
    _bump(current.meeting, user=user, reason=f"§ {number} ändrad")
    return item


@transaction.atomic
def agenda_item_remove(*, user, item: AgendaItem, expected_revision: int) -> None:
    current = _locked_item(item, expected_revision=expected_revision)
    meeting = current.meeting
    for row in current.case_numbers.all():
        row._history_user = user
        row.delete()
    current._history_user = user
    current._change_reason = "Punkt borttagen"
    current.delete()
    _bump(meeting, user=user, reason=f"§ {current.number} borttagen")


@transaction.atomic
def agenda_item_record_decision(
    *,
    user,
    item: AgendaItem,
    expected_revision: int,
    decision_text: str,
    minutes_paragraph: int | None = None,
    decision: Decision | None = None,
) -> AgendaItem:
    """What the body decided on the item, as the protocol writes it, with its paragraph in the
    protocol and, where it is registered, the decision in the register."""
    current = _locked_item(item, expected_revision=expected_revision)
    current.decision_text = decision_text
    current.minutes_paragraph = minutes_paragraph
    current.decision = decision
    save_with_history(current, user=user, reason="Beslut antecknat")
    _bump(current.meeting, user=user, reason=f"Beslut antecknat under § {current.number}")
    return current
