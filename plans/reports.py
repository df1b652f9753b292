"""How a plan summarises itself in a board report (governance.reports): its status table, of
the plan as last published or adopted, and the latest closed follow-up round."""

from datetime import date

from django.contrib.auth.models import AnonymousUser

from governance.models import BoardReport
from plans.kinds import MILESTONE_KIND
from plans.models import Plan
from plans.queries import public_faces, published_tree
from plans.rounds import latest_closed_round, round_page


def plan_summary(plan: Plan, report, *, today: date):
    """Each initiative's status, the milestones due and overdue since the last report
    about the plan that was issued before this one, and the latest follow-up round closed by
    the report's date, quoted as it closed (with what moved since the round before it)."""
    # The report speaks as of its own date; an undated draft as of the day it is read.
    today = report.date or today
    previous = (
        BoardReport.objects.filter(
            subject_type=report.subject_type,
            subject_id=plan.pk,
            status=BoardReport.Status.ISSUED,
            date__lt=today,
        )
        .exclude(pk=report.pk)
        .order_by("-date")
        .first()
    )
    since = previous.date if previous else None
    # A report is read by the public once issued: it quotes the plan as last published or
    # adopted, never an edit made since.
    plan = public_faces([plan])[0]
    tree = published_tree(plan)
    entries = [e for e in tree.entries(today) if e.kind is MILESTONE_KIND]
    due = [
        e
        for e in entries
        if e.item.period_end
        and e.item.period_end <= today
        and (since is None or e.item.period_end > since)
    ]
    follow_up_round = latest_closed_round(plan, before=today)
    if follow_up_round is not None:
        follow_up_round.plan = plan
    return (
        "plans/includes/report_plan.html",
        {
            "plan": plan,
            "tree": tree,
            "since": since,
            "previous": previous,
            "due": [e for e in due if not e.overdue],
            "overdue": [e for e in entries if e.overdue],
            "round": round_page(follow_up_round, user=AnonymousUser()) if follow_up_round else None,
        },
    )
