"""The daily digest's content for one person: what concerns the plans, agreements and bodies
they watch, read through the apps' own queries (the reader's visibility, core's one overdue
rule, Bevakning's due items, the parties' decisions, the bodies' meetings). A fixed number
of queries whatever the number of watches."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings

from agreements.models import Status as AgreementStatus
from agreements.queries import agreements_visible_to
from governance.queries import upcoming_meetings, with_parties_awaiting
from plans.models import Plan, PlanVersion
from plans.queries import due_entries, plans_visible_to
from portal.models import Watch

REVIEWED_STATUSES = (AgreementStatus.IN_FORCE, AgreementStatus.UNDER_REVISION)


@dataclass
class Digest:
    user: object
    today: date
    horizon: date
    reviews: list = field(default_factory=list)  # agreements to review, overdue flagged
    due: list = field(default_factory=list)  # plan items due or overdue (Entry)
    awaiting: list = field(default_factory=list)  # plans and agreements awaiting parties
    meetings: list = field(default_factory=list)  # the watched bodies' next meetings

    @property
    def empty(self) -> bool:
        return not (self.reviews or self.due or self.awaiting or self.meetings)


def digest_for(user, *, today: date) -> Digest:
    horizon = today + timedelta(days=settings.DIGEST_DAYS)
    digest = Digest(user=user, today=today, horizon=horizon)
    watched = {target: set() for target in ("plan_id", "agreement_id", "body_id")}
    for row in Watch.objects.filter(user=user).values(*watched):
        for target, ids in watched.items():
            if row[target]:
                ids.add(row[target])
    if watched["agreement_id"]:
        agreements = list(
            with_parties_awaiting(
                agreements_visible_to(user).filter(pk__in=watched["agreement_id"])
            )
        )
        for agreement in agreements:
            agreement.review_overdue = agreement.is_review_overdue(today)
        digest.reviews = [
            a
            for a in agreements
            if a.status in REVIEWED_STATUSES and a.review_by and a.review_by <= horizon
        ]
        digest.awaiting += [a for a in agreements if a.parties_awaiting]
    if watched["plan_id"]:
        digest.due = due_entries(
            user=user, today=today, horizon=horizon, plan_ids=watched["plan_id"]
        )
        plans = plans_visible_to(user).filter(pk__in=watched["plan_id"]).order_by("title")
        digest.awaiting += with_parties_awaiting(
            plans, subject_fields={Plan: "pk", PlanVersion: "public_version_id"}
        ).filter(parties_awaiting__gt=0)
    if watched["body_id"]:
        digest.meetings = upcoming_meetings(
            user=user, bodies=watched["body_id"], today=today, until=horizon
        )
    return digest
