"""core.calendar: stable UIDs, Swedish time, fuzzy periods as all-day events at their end with
their words; parsed back with icalendar."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar
from django.utils import translation

from core import periods
from core.calendar import CalendarEvent, calendar_bytes, period_event

NOW = datetime(2024, 5, 2, 12, 0, tzinfo=ZoneInfo("UTC"))
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def feed(*events):
    content = calendar_bytes(events, name="Test", feed="test", domain="portal.example", now=NOW)
    return icalendar.Calendar.from_ical(content)


def test_a_fuzzy_period_is_a_whole_day_at_its_end_with_its_words():
    event = period_event(
        kind="milestone",
        pk=7,
        summary="Tidplan: Implementerat",
        period=periods.parse("hösten 2022"),
    )
    assert event.start == date(2022, 12, 31) and event.all_day
    assert event.summary == "Tidplan: Implementerat (hösten 2022)"
    (parsed,) = feed(event).walk("VEVENT")
    assert parsed.start == date(2022, 12, 31) and parsed.end == date(2023, 1, 1)
    assert parsed["UID"] == "milestone-7@portal.example"


def test_a_single_day_keeps_its_title():
    event = period_event(
        kind="follow-up", pk=1, summary="Uppföljning", period=periods.parse("2022-06-01")
    )
    assert event.summary == "Uppföljning" and event.start == date(2022, 6, 1)


def test_an_open_or_unknown_period_has_no_day():
    for text in ("fr o m hösten 2022", "när det passar", ""):
        assert period_event(kind="x", pk=1, summary="s", period=periods.parse(text)) is None


def test_a_timed_event_is_in_swedish_time_with_the_zone():
    start = datetime(2024, 7, 1, 13, 30, tzinfo=STOCKHOLM)
    calendar = feed(CalendarEvent(kind="meeting", pk=3, summary="HSN", start=start))
    assert calendar["PRODID"] and calendar["VERSION"] == "2.0"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Stockholm"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    (event,) = calendar.walk("VEVENT")
    assert event.start == start and event["DTSTAMP"].dt == NOW
    assert b"DTSTART;TZID=Europe/Stockholm:20240701T133000" in calendar.to_ical()


def test_uids_are_the_same_on_every_fetch():
    event = CalendarEvent(kind="meeting", pk=3, summary="HSN", start=date(2024, 7, 1))
    first, second = feed(event), feed(event)
    assert [e["UID"] for e in first.walk("VEVENT")] == [e["UID"] for e in second.walk("VEVENT")]


def test_the_place_is_said_to_be_swedish_in_an_english_feed_only():
    event = CalendarEvent(kind="meeting", pk=1, summary="HSN", start=date(2024, 5, 3),
                          location="Regionhuset, sal 2")  # fmt: skip
    with translation.override("en"):
        (english,) = feed(event).walk("VEVENT")
    assert english["LOCATION"].params["LANGUAGE"] == "sv"
    with translation.override("sv"):
        (swedish,) = feed(event).walk("VEVENT")
    assert "LANGUAGE" not in swedish["LOCATION"].params
