"""Reading back a calendar feed (core.calendar) with icalendar and checking what RFC 5545
requires of it: PRODID and VERSION on the calendar, UID and DTSTAMP on every event."""

import icalendar


def parse_feed(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    for event in calendar.walk("VEVENT"):
        assert event["UID"] and event["DTSTAMP"] and event["DTSTART"] and event["SUMMARY"]
    return calendar


def events_by_summary(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
