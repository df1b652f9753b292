"""Plans' dated content as calendar events (core.calendar): milestones, follow-ups and dated
activities, each an all-day event on the day its period ends, the plan's own time words in the
title when the period is fuzzy ("Tidplan: Implementerat (hösten 2022)").

Public content only: a plan's feed reads the version the public reads; a body's feed and the
combined feed read Bevakning's query as the public would (open milestones and follow-ups of
public plans, in their last published or adopted version)."""

from collections.abc import Callable, Iterable
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.utils.text import Truncator

from core.calendar import CalendarEvent, period_event
from plans.queries import due_entries
from plans.queries.tree import Entry, PlanTree

SUMMARY_WORDS = 20


def entry_events(entries: Iterable[Entry], *, link: Callable[[str], str]) -> list[CalendarEvent]:
    """Entries whose sections carry their plan (`entry.section.plan`)."""
    events = []
    for entry in entries:
        plan = entry.section.plan
        place = f"{entry.section.number}{entry.initiative.letter + ')' if entry.initiative else ''}"
        event = period_event(
            kind=entry.kind.key,
            pk=entry.item.pk,
            summary=f"{entry.kind.label}: {Truncator(entry.item.text).words(SUMMARY_WORDS)}",
            period=entry.item.period,
            description=f"{plan.title}, {place}\n\n{entry.item.text}",
            url=link(f"{plan.get_absolute_url()}#{entry.anchor}"),
        )
        if event is not None:
            events.append(event)
    return events


def plan_events(tree: PlanTree, *, link: Callable[[str], str], today: date) -> list[CalendarEvent]:
    entries = tree.entries(today)
    for entry in entries:
        entry.section.plan = tree.plan  # the tree's sections do not hold it
    return entry_events(entries, link=link)


def public_due_events(*, link: Callable[[str], str], today: date, body=None) -> list[CalendarEvent]:
    """Open milestones and follow-ups of the public plans (of a body's, when given)."""
    entries = due_entries(user=AnonymousUser(), today=today, horizon=date.max, body=body)
    return entry_events(entries, link=link)


def body_events(body, *, link: Callable[[str], str], today: date) -> list[CalendarEvent]:
    """For a body's calendar (governance.calendar.register_body_calendar)."""
    return public_due_events(link=link, today=today, body=body)
