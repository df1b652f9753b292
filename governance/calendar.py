"""A body's published meetings as an iCalendar feed (RFC 5545), built with `icalendar`.

A meeting with a start time starts then, in Swedish time (the feed carries the
Europe/Stockholm zone, so calendars show the right hour in summer and winter alike); a meeting
without one is a whole-day event on its date."""

from collections.abc import Callable, Iterable
from datetime import timedelta

import icalendar

from governance.models import Body, Meeting


def meetings_calendar(
    body: Body, meetings: Iterable[Meeting], *, url: Callable[[Meeting], str], domain: str
) -> bytes:
    meetings = list(meetings)
    calendar = icalendar.Calendar.new(
        uid=f"body-{body.pk}-meetings@{domain}",  # the same feed on every fetch
        name=body.name,
        prodid="-//Samverkansportalen//Sammanträden//SV",
        language="sv",
        subcomponents=[_event(meeting, url=url(meeting), domain=domain) for meeting in meetings],
    )
    if meetings:
        # The zone's transitions for the years the meetings span (icalendar's default stops
        # at 2038).
        calendar.add_missing_timezones(
            first_date=min(meeting.date for meeting in meetings),
            last_date=max(meeting.date for meeting in meetings) + timedelta(days=1),
        )
    return calendar.to_ical()


def _event(meeting: Meeting, *, url: str, domain: str) -> icalendar.Event:
    start = meeting.starts_at()
    return icalendar.Event.new(
        uid=f"meeting-{meeting.pk}@{domain}",
        summary=f"{meeting.body.name}: {meeting.get_kind_display()}",
        start=start or meeting.date,
        end=None if start else meeting.date + timedelta(days=1),
        location=meeting.place or None,
        url=url,
        sequence=meeting.revision,
        stamp=meeting.published_at,
    )
