"""Calendar feeds (iCalendar, RFC 5545, written with `icalendar`) that anyone's calendar
program subscribes to: each app turns what it dates into `CalendarEvent`s (meetings, plan
milestones, follow-ups and dated activities, agreements' reviews) and a view answers them
with `calendar_response`.

- UIDs are stable: the object's kind, its primary key and the site's domain
  (`milestone-12@portal.example`), so a calendar updates an event rather than adding a copy.
- Times are Swedish time: a timed event carries the Europe/Stockholm zone (a VTIMEZONE for
  the years the feed spans, as icalendar's default table stops at 2038), so summer and
  winter time show right; a day is an all-day event.
- A fuzzy period ("hösten 2022", "Q2 2022") is an all-day event on its last day, when it is
  due, with the plan's own words in the title: a calendar cannot show "autumn", and a
  reader must not take the day for a promise. An open end ("fr o m hösten 2022") has no
  day to show and is left out.
- Feeds are public: calendar programs fetch without a login, so callers pass public
  content only.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import icalendar
from django.http import HttpResponse
from django.utils import timezone

from core.content_language import foreign_content_language
from core.periods import Period, Precision

TIME_ZONE = "Europe/Stockholm"
PRODID = "-//Samverkansportalen//Kalender//SV"


@dataclass(frozen=True)
class CalendarEvent:
    kind: str  # with the pk, the stable part of the UID ("meeting", "milestone", …)
    pk: int
    summary: str
    start: date | datetime
    url: str = ""
    description: str = ""
    location: str = ""
    sequence: int = 0
    stamp: datetime | None = None  # when the object last changed, if known

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)


def period_event(
    *, kind: str, pk: int, summary: str, period: Period, **fields
) -> CalendarEvent | None:
    """An all-day event on the period's last day (None when it has none), its words in the
    title unless the period is a single day."""
    if period.end is None or period.open_end:
        return None
    if not (period.precision is Precision.DAY and period.start == period.end):
        summary = f"{summary} ({period.text})"
    return CalendarEvent(kind=kind, pk=pk, summary=summary, start=period.end, **fields)


def calendar_bytes(
    events: Iterable[CalendarEvent], *, name: str, feed: str, domain: str, now: datetime
) -> bytes:
    """The feed `feed` (a stable id: "body-3", "plan-12", "all") as iCalendar bytes."""
    events = sorted(events, key=lambda event: (_day(event.start), event.kind, event.pk))
    calendar = icalendar.Calendar.new(
        uid=f"{feed}@{domain}",
        name=name,
        prodid=PRODID,
        language="sv",
        subcomponents=[_event(event, domain=domain, now=now) for event in events],
    )
    calendar.add("X-WR-TIMEZONE", TIME_ZONE)
    timed = [event.start for event in events if not event.all_day]
    if timed:
        calendar.add_missing_timezones(
            first_date=min(timed).date(), last_date=max(timed).date() + timedelta(days=1)
        )
    return calendar.to_ical()


def _day(start: date | datetime) -> date:
    return start.date() if isinstance(start, datetime) else start


def _event(event: CalendarEvent, *, domain: str, now: datetime) -> icalendar.Event:
    component = icalendar.Event.new(
        uid=f"{event.kind}-{event.pk}@{domain}",
        summary=event.summary,
        start=event.start,
        end=event.start + timedelta(days=1) if event.all_day else None,
        description=event.description or None,
        location=event.location or None,
        url=event.url or None,
        sequence=event.sequence,
        stamp=event.stamp or now,
        transparency="TRANSPARENT" if event.all_day else "OPAQUE",
    )
    # The place is content, written in Swedish: said so when the feed is in another language
    # (RFC 5545 LANGUAGE). Summaries mix the interface's words with content and are left be.
    language = foreign_content_language()
    if language and event.location:
        component["LOCATION"].params["LANGUAGE"] = language
    return component


def calendar_response(
    request, events: Iterable[CalendarEvent], *, name: str, feed: str, filename: str
) -> HttpResponse:
    content = calendar_bytes(
        events, name=name, feed=feed, domain=request.get_host(), now=timezone.now()
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
