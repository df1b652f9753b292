"""Meetings as calendar events (core.calendar), and a body's calendar: its published
meetings and what higher apps date for it (plans: milestones and follow-ups it answers for),
registered here so that governance imports none of them.

A meeting with a start time starts then, in Swedish time; one without is a whole day."""

from collections.abc import Callable, Iterable
from datetime import date

from django.utils.translation import gettext as _

from core.calendar import CalendarEvent
from governance.models import Body, Meeting

# Providers (body, link, today) -> events, each public content only.
BODY_CALENDAR_SOURCES = []


def register_body_calendar(provider) -> None:
    if provider not in BODY_CALENDAR_SOURCES:
        BODY_CALENDAR_SOURCES.append(provider)


def meeting_events(
    meetings: Iterable[Meeting], *, link: Callable[[str], str]
) -> list[CalendarEvent]:
    return [
        CalendarEvent(
            kind="meeting",
            pk=meeting.pk,
            summary=_("%(body)s: %(kind)s")
            % {"body": meeting.body.name, "kind": meeting.get_kind_display()},
            start=meeting.starts_at() or meeting.date,
            location=meeting.place,
            url=link(meeting.get_absolute_url()),
            sequence=meeting.revision,
            stamp=meeting.published_at,
        )
        for meeting in meetings
    ]


def body_events(
    body: Body, meetings: Iterable[Meeting], *, link: Callable[[str], str], today: date
) -> list[CalendarEvent]:
    events = meeting_events(meetings, link=link)
    for provider in BODY_CALENDAR_SOURCES:
        events += provider(body, link=link, today=today)
    return events
