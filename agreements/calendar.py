"""Agreements' review dates (ses över senast) as calendar events (core.calendar)."""

from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _

from agreements.models import Agreement
from core.calendar import CalendarEvent


def review_events(
    agreements: Iterable[Agreement], *, link: Callable[[str], str]
) -> list[CalendarEvent]:
    return [
        CalendarEvent(
            kind="agreement-review",
            pk=agreement.pk,
            summary=_("Översyn senast: %(id)s %(title)s")
            % {"id": agreement.register_id, "title": agreement.title},
            start=agreement.review_by,
            description=agreement.responsible_body.name if agreement.responsible_body else "",
            url=link(agreement.get_absolute_url()),
        )
        for agreement in agreements
    ]
