"""What the meeting pages read: meetings across bodies, one meeting with its agenda, a body's
meetings, and a committee member's next and last meetings. Each costs a fixed number of
queries."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from core.access import get_visible_or_404, has_permission, require_permission
from governance.models import AgendaItem, BoardReport, Body, Meeting, Membership, Person
from governance.queries.board_reports import can_see_draft_reports

DRAFT_PERMISSION = "governance.view_meeting"
WRITE_DENIED = _("Du har inte behörighet att ändra sammanträden.")
# How many of a body's past meetings its page lists; the rest are on the meetings page.
BODY_PAGE_PAST = 5


def can_see_draft_meetings(user) -> bool:
    return has_permission(user, DRAFT_PERMISSION)


def meetings_visible_to(user):
    meetings = Meeting.objects.select_related("body")
    if not can_see_draft_meetings(user):
        meetings = meetings.filter(status=Meeting.Status.PUBLISHED)
    return meetings


def upcoming_and_past(meetings, *, today: date) -> tuple[list[Meeting], list[Meeting]]:
    """The meetings split at `today`: upcoming soonest first, past latest first (one query)."""
    rows = list(meetings.order_by("-date", "-start_time", "-pk"))
    upcoming = [meeting for meeting in rows if meeting.date >= today]
    return upcoming[::-1], [meeting for meeting in rows if meeting.date < today]


def meeting_rows(meetings):
    """The meetings for a spreadsheet: latest first, each with its number of agenda items
    (in the same query)."""
    return meetings.annotate(item_count=Count("agenda_items")).order_by(
        "-date", "-start_time", "-pk"
    )


def agenda(user) -> Prefetch:
    """The agenda with case numbers, decisions and the underlag this user may read (the public
    sees issued board reports only)."""
    reports = BoardReport.objects.prefetch_related("case_numbers").order_by("date", "pk")
    if not can_see_draft_reports(user):
        reports = reports.filter(status=BoardReport.Status.ISSUED)
    return Prefetch(
        "agenda_items",
        queryset=AgendaItem.objects.select_related("decision__body").prefetch_related(
            "case_numbers", "decision__case_numbers", Prefetch("reports", queryset=reports)
        ),
    )


def meeting_get_for_view(*, user, pk: int) -> Meeting:
    return get_visible_or_404(
        user,
        Meeting.objects.select_related("body").prefetch_related(
            "body__organisations", agenda(user)
        ),
        draft_permission=DRAFT_PERMISSION,
        pk=pk,
    )


def meeting_get_for_edit(*, user, pk: int) -> Meeting:
    require_permission(user, "governance.change_meeting", WRITE_DENIED)
    return meeting_get_for_view(user=user, pk=pk)


def agenda_item_get_for_edit(*, user, meeting_pk: int, pk: int) -> AgendaItem:
    meeting = meeting_get_for_edit(user=user, pk=meeting_pk)
    item = get_object_or_404(
        AgendaItem.objects.select_related("decision").prefetch_related(
            "case_numbers", "reports", "decision__case_numbers"
        ),
        meeting=meeting,
        pk=pk,
    )
    item.meeting = meeting
    return item


def agenda_item_get_for_view(*, user, meeting_pk: int, pk: int) -> AgendaItem:
    meeting = meeting_get_for_view(user=user, pk=meeting_pk)
    for item in meeting.agenda_items.all():
        if item.pk == pk:
            return item
    raise Http404


def body_meetings(*, body: Body, user, today: date) -> tuple[list[Meeting], list[Meeting]]:
    """A body's upcoming meetings and its last few, for the body's page."""
    upcoming, past = upcoming_and_past(meetings_visible_to(user).filter(body=body), today=today)
    return upcoming, past[:BODY_PAGE_PAST]


def upcoming_meetings(*, user, bodies, today: date, until: date) -> list[Meeting]:
    """The meetings of `bodies` from `today` to `until`, with their agendas and the reports the
    user may read (the daily digest). A fixed number of queries."""
    meetings = meetings_visible_to(user).filter(body__in=bodies, date__gte=today, date__lte=until)
    return list(
        meetings.select_related("body")
        .order_by("date", "start_time", "pk")
        .prefetch_related(agenda(user))
    )


@dataclass
class MemberPage:
    """A committee member's page: where they sit now, the next meetings with their agendas,
    and what each body decided at its last meeting."""

    person: Person | None
    memberships: list[Membership] = field(default_factory=list)
    upcoming: list[Meeting] = field(default_factory=list)
    last: list[Meeting] = field(default_factory=list)


def member_page(*, user, today: date) -> MemberPage:
    person = Person.objects.filter(user=user).first() if user.is_authenticated else None
    if person is None:
        return MemberPage(person=None)
    current = Q(valid_from__isnull=True) | Q(valid_from__lte=today)
    current &= Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    memberships = list(
        person.memberships.filter(current).select_related("body").order_by("body__name")
    )
    body_ids = {membership.body_id for membership in memberships}
    meetings = meetings_visible_to(user).filter(body__in=body_ids)
    upcoming = list(
        meetings.filter(date__gte=today)
        .order_by("date", "start_time", "pk")
        .prefetch_related(agenda(user))
    )
    latest_past = (
        meetings.filter(body=OuterRef("body"), date__lt=today)
        .order_by("-date", "-start_time", "-pk")
        .values("pk")[:1]
    )
    last = list(
        meetings.filter(pk=Subquery(latest_past))
        .order_by("body__name")
        .prefetch_related(agenda(user))
    )
    return MemberPage(person=person, memberships=memberships, upcoming=upcoming, last=last)


def has_member_page(user) -> bool:
    """Whether the account is linked to a person (the home page links to their meetings)."""
    return user.is_authenticated and Person.objects.filter(user=user).exists()


def bodies_with_calendars():
    """The bodies that have published meetings: each has a calendar feed worth subscribing to."""
    return (
        Body.objects.filter(meetings__status=Meeting.Status.PUBLISHED).distinct().order_by("name")
    )


def body_calendar(*, slug: str) -> tuple[Body, list[Meeting]]:
    """A body and its published meetings, for its public calendar feed."""
    body = get_object_or_404(Body, slug=slug)
    meetings = list(
        Meeting.objects.filter(body=body, status=Meeting.Status.PUBLISHED)
        .select_related("body")
        .order_by("date", "pk")
    )
    return body, meetings


def recently_published_meetings(*, limit: int):
    """Published meetings, the latest published first (for the feed of changes)."""
    return (
        Meeting.objects.filter(status=Meeting.Status.PUBLISHED, published_at__isnull=False)
        .select_related("body")
        .order_by("-published_at", "-pk")[:limit]
    )
