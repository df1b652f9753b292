"""Which plans a user may read or edit, and a plan's own fields as its reader may read them."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from core.access import LoginRequired, get_visible_or_404, has_permission
from plans.models import Plan

DRAFT_PERMISSION = "plans.view_plan"


def can_see_drafts(user) -> bool:
    return has_permission(user, DRAFT_PERMISSION)


def plans_visible_to(user):
    """Every plan for those who may read drafts; for the public, the plans published or
    adopted at least once (they read the last such version)."""
    plans = Plan.objects.all()
    if not can_see_drafts(user):
        plans = plans.filter(public_version__isnull=False).exclude(status=Plan.Status.DRAFT)
    return plans


def plans_for_list(user) -> list[Plan]:
    """The plan list: every visible plan as its reader may read it (`public_faces`)."""
    plans = list(
        plans_visible_to(user)
        .select_related("owner_body", "public_version")
        .prefetch_related("parties")
    )
    return plans if can_see_drafts(user) else public_faces(plans)


def plan_get_for_view(*, user, slug: str) -> Plan:
    """The plan as the reader may read it: for the public, its own fields (title, period,
    preamble, owner…) as last published or adopted (`public_faces`)."""
    plan = get_visible_or_404(
        user,
        Plan.objects.select_related("owner_body", "framework", "public_version").prefetch_related(
            "parties"
        ),
        draft_permission=DRAFT_PERMISSION,
        slug=slug,
    )
    return plan if can_see_drafts(user) else public_faces([plan])[0]


def plan_get_public(*, slug: str) -> Plan:
    """A plan as the public reads it, for feeds fetched without a login: 404 for a plan never
    published (a calendar program cannot log in)."""
    plan = get_object_or_404(
        Plan.objects.select_related("public_version"), slug=slug, public_version__isnull=False
    )
    if not plan.is_public:
        raise Http404
    return public_faces([plan])[0]


def public_faces(plans: list[Plan]) -> list[Plan]:
    """Each plan with its own fields as the public reads them: a plan edited since its last
    version (under revision, or closed after one) as it stood then, with today's status and
    versions. One query, whatever the number of plans (none when all are read live)."""
    frozen = {p.pk: p for p in plans if not p.public_reads_live and p.public_version_id}
    if not frozen:
        return plans
    moment = Q(pk__in=[])
    for plan in frozen.values():
        moment |= Q(id=plan.pk, history_date__lte=plan.public_version.frozen_at)
    then = {}
    for record in (
        Plan.history.filter(moment)
        .select_related("owner_body", "framework")
        .order_by("id", "-history_date", "-history_id")
    ):
        then.setdefault(record.id, record)
    faces = []
    for plan in plans:
        record = then.get(plan.pk)
        if record is None:
            faces.append(plan)
            continue
        face = record.instance
        face.owner_body, face.framework = record.owner_body, record.framework
        face.status, face.public_version = plan.status, plan.public_version
        faces.append(face)
    return faces


def can_edit(user, plan: Plan) -> bool:
    """Strategists who are the plan's editors, and register admins, may edit it."""
    if not has_permission(user, "plans.change_plan"):
        return False
    return user.has_perm("plans.edit_every_plan") or plan.editors.filter(pk=user.pk).exists()


def plan_get_for_edit(*, user, slug: str) -> Plan:
    plan = get_object_or_404(Plan, slug=slug)
    if not user.is_authenticated:
        raise LoginRequired
    if not can_edit(user, plan):
        raise PermissionDenied(_("Du är inte redaktör för den här planen."))
    if plan.status == Plan.Status.CLOSED:
        raise PermissionDenied(_("Planen är avslutad och kan inte längre ändras."))
    return plan
