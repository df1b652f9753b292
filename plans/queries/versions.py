"""What the public reads (the last published or adopted version), the plan as a reader could
read it at a moment, and the versions a person can name (moments for the comparison)."""

from datetime import datetime

from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.models import Plan, PlanVersion
from plans.moments import MOMENT_SOURCES, Moment, register_moments
from plans.queries.plans import can_see_drafts
from plans.queries.tree import PlanDidNotExist, PlanTree, plan_tree, plan_tree_as_of


def published_tree(plan: Plan) -> PlanTree:
    """What the public reads: the plan's last published or adopted version (with today's
    reports). Empty for a plan never made public."""
    if plan.public_reads_live:
        return plan_tree(plan)
    if plan.public_version is None:
        return PlanTree(plan=plan, sections=[], parties_then=[])
    return plan_tree_as_of(plan, plan.public_version.frozen_at, reports_now=True)


def public_tree(plan: Plan, user) -> PlanTree:
    """What a reader sees: the plan as it is for those who may read drafts; for everyone
    else the last published or adopted version, never an edit made since."""
    return plan_tree(plan) if can_see_drafts(user) else published_tree(plan)


def version_then(plan: Plan, when: datetime) -> PlanVersion | None:
    """The version the public read at `when`: the last one frozen by then."""
    return plan.versions.filter(frozen_at__lte=when).order_by("-frozen_at").first()


class NotPublicThen(Http404):
    pass


def tree_at(plan: Plan, when: datetime, user) -> PlanTree:
    """The plan as a reader could read it at `when`: as it stood, for those who may read
    drafts; for everyone else as last published or adopted by then."""
    if can_see_drafts(user):
        return plan_tree_as_of(plan, when)
    version = version_then(plan, when)
    if version is None:
        raise NotPublicThen(
            _("Planen var inte publicerad eller fastställd %(date)s.")
            % {"date": f"{when:%Y-%m-%d}"}
        )
    if plan.public_reads_live and version.pk == plan.public_version_id:
        # Nothing was edited since that version was frozen: the plan at `when` is the page
        # the public reads today.
        return plan_tree_as_of(plan, when)
    return plan_tree_as_of(plan, version.frozen_at)


# --- versions a person can name --------------------------------------------------------


TODAY = gettext_lazy("I dag")


@register_moments
def _today(plan: Plan, user) -> list[Moment]:
    return [Moment("idag", str(TODAY), None)]


@register_moments
def _versions(plan: Plan, user) -> list[Moment]:
    """The published and adopted versions: public, so everyone may choose them."""
    return [
        Moment(
            f"v{version.number}",
            _("Version %(number)s: %(name)s") % {"number": version.number, "name": version.name},
            version.frozen_at,
        )
        for version in plan.versions.all()
    ]


def plan_moments(plan: Plan, user) -> list[Moment]:
    """Every named state of the plan, newest first (today first of all)."""
    moments = [moment for source in MOMENT_SOURCES for moment in source(plan, user)]
    return sorted(moments, key=lambda m: (m.when is None, m.when or datetime.min), reverse=True)


def moment_tree(plan: Plan, moment: Moment, user) -> PlanTree:
    """The plan at a moment as the reader may read it (`public_tree` today, `tree_at` before);
    empty before there was anything to read, so comparing from then shows all as added."""
    if moment.when is None:
        return public_tree(plan, user)
    try:
        return tree_at(plan, moment.when, user)
    except (PlanDidNotExist, NotPublicThen):
        return PlanTree(plan=plan, sections=[], when=moment.when, parties_then=[])


def recent_versions(*, limit: int):
    """Plans' published and adopted versions, newest first, of plans public now, each with
    the plan's title as it was when the version was frozen (`title_then`: a title edited in a
    revision since is not public). One query."""
    title_then = (
        Plan.history.model.objects.filter(
            id=OuterRef("plan_id"), history_date__lte=OuterRef("frozen_at")
        )
        .order_by("-history_date")
        .values("title")[:1]
    )
    return (
        PlanVersion.objects.filter(plan__public_version__isnull=False)
        .exclude(plan__status=Plan.Status.DRAFT)
        .select_related("plan", "decision__body")
        .annotate(title_then=Subquery(title_then))
        .order_by("-frozen_at", "-pk")[:limit]
    )
