"""What the portal offers to follow from outside, public content only:

- `calendar_all` (/kalender.ics): every body's published meetings, the public plans' open
  milestones and follow-ups, and the agreements' review dates, in one iCalendar feed;
- `ChangesFeed` (/andringar.atom): what changed, newest first, as Atom: agreements that came
  into force or were replaced, plans published or adopted, board reports issued, meetings
  published. Each app reads its own changes (its queries); this module names them."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.calendar import review_events
from agreements.models import Status
from agreements.queries import public_reviews, recent_status_changes
from core.calendar import calendar_response
from core.content_language import mark_content
from governance.calendar import meeting_events
from governance.models import Meeting
from governance.queries.board_reports import recently_issued_reports
from governance.queries.meetings import recently_published_meetings
from plans.calendar import public_due_events
from plans.queries import recent_versions

FEED_LENGTH = 50


def calendar_all(request):
    link = request.build_absolute_uri
    meetings = Meeting.objects.filter(status=Meeting.Status.PUBLISHED).select_related("body")
    events = [
        *meeting_events(meetings, link=link),
        *public_due_events(link=link, today=timezone.localdate()),
        *review_events(public_reviews(), link=link),
    ]
    return calendar_response(
        request, events, name=_("Samverkansportalen"), feed="all", filename="samverkansportalen"
    )


@dataclass(frozen=True)
class Change:
    kind: str  # with the pk, the entry's id
    pk: int
    title: str
    path: str
    when: datetime
    description: str


def _agreement_changes() -> list[Change]:
    changes = []
    for record in recent_status_changes(limit=FEED_LENGTH):
        replaced = record.status == Status.REPLACED
        words = _("Ersatt: %(title)s") if replaced else _("I kraft: %(title)s")
        changes.append(
            Change(
                kind="agreement-replaced" if replaced else "agreement-in-force",
                pk=record.history_id,
                title=words % {"title": f"{record.register_id} {record.title}"},
                path=reverse("agreements:agreement_detail", args=[record.register_id]),
                when=record.history_date,
                description=_("Överenskommelsen %(id)s har status %(status)s.")
                % {"id": record.register_id, "status": record.get_status_display().lower()},
            )
        )
    return changes


def _plan_changes() -> list[Change]:
    changes = []
    for version in recent_versions(limit=FEED_LENGTH):
        adopted = version.kind == version.Kind.ADOPTED
        words = _("Fastställd: %(title)s") if adopted else _("Publicerad: %(title)s")
        decision = version.decision
        changes.append(
            Change(
                kind="plan-version",
                pk=version.pk,
                title=words % {"title": version.title_then or version.plan.slug},
                path=reverse("plans:plan_version", args=[version.plan.slug, version.number]),
                when=version.frozen_at,
                description=(
                    # Summaries are HTML (type="html"): the body's name marked as Swedish.
                    _("Version %(number)s, beslut av %(body)s.")
                    % {"number": version.number, "body": mark_content(decision.body.name)}
                    if decision
                    else _("Version %(number)s.") % {"number": version.number}
                ),
            )
        )
    return changes


def _governance_changes() -> list[Change]:
    changes = [
        Change(
            kind="board-report",
            pk=report.pk,
            title=_("Tjänsteskrivelse expedierad: %(title)s") % {"title": report.title},
            path=report.get_absolute_url(),
            when=report.issued_at,
            description=mark_content(str(report)),
        )
        for report in recently_issued_reports(limit=FEED_LENGTH)
    ]
    changes += [
        Change(
            kind="meeting",
            pk=meeting.pk,
            title=_("Sammanträde publicerat: %(body)s %(date)s")
            % {"body": meeting.body.name, "date": f"{meeting.date:%Y-%m-%d}"},
            path=meeting.get_absolute_url(),
            when=meeting.published_at,
            description=" ".join(
                filter(None, [escape(meeting.get_kind_display()), mark_content(meeting.place)])
            ),
        )
        for meeting in recently_published_meetings(limit=FEED_LENGTH)
    ]
    return changes


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Samverkansportalen: ändringar")
    subtitle = gettext_lazy(
        "Överenskommelser i kraft eller ersatta, planer publicerade eller fastställda, "
        "tjänsteskrivelser expedierade och sammanträden publicerade."
    )
    link = "/"

    def get_object(self, request, *args, **kwargs):
        return request.get_host()  # the entries' ids name the site

    def items(self, domain):
        found = [*_agreement_changes(), *_plan_changes(), *_governance_changes()]
        found.sort(key=lambda change: change.when, reverse=True)
        return [(domain, change) for change in found[:FEED_LENGTH]]

    def item_title(self, item):
        return item[1].title

    def item_description(self, item):
        return item[1].description

    def item_link(self, item):
        return item[1].path

    def item_guid(self, item):
        domain, change = item
        return f"tag:{domain.split(':')[0]},2020:{change.kind}-{change.pk}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item[1].when

    def item_pubdate(self, item):
        return item[1].when
