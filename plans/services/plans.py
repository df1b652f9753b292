"""Creating and editing a plan's own fields, and the checks every edit shares: the plan is open
for editing (a published or adopted one becomes a revision) and every save is recorded."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.history import save_with_history
from core.revisions import EditConflict
from plans.models import Plan

EDITABLE_STATUSES = (
    Plan.Status.DRAFT,
    Plan.Status.PUBLISHED,
    Plan.Status.ADOPTED,
    Plan.Status.UNDER_REVISION,
)
# The fixed words of the plan URLs (plans/urls.py): a plan may not take one as its slug.
RESERVED_SLUGS = {"ny", "bevakning", "tolka-tid", "importera"}


def _open_for_edit(*, user, plan: Plan) -> Plan:
    """Lock the plan; a published or adopted plan becomes a revision, leaving the version the
    public reads as it was."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status not in EDITABLE_STATUSES:
        raise ValidationError(_("Planen är avslutad och kan inte längre ändras."))
    if plan.status in Plan.PUBLIC_STATUSES:
        # Not a change of the plan's content: an open edit form of the plan stays valid.
        plan.status = Plan.Status.UNDER_REVISION
        save_with_history(plan, user=user, reason=_("Revidering påbörjad"))
    return plan


def _save(instance, *, user, reason, bodies=None, force_insert=False):
    instance.revision = (instance.revision or 0) + 1
    try:
        with transaction.atomic():
            save_with_history(instance, user=user, reason=reason, force_insert=force_insert)
    except IntegrityError as error:  # a unique number or letter taken at the same moment
        raise ValidationError(_("Numret eller bokstaven används redan i planen.")) from error
    if bodies is not None and set(instance.responsible_bodies.all()) != set(bodies):
        instance.responsible_bodies.set(bodies)
    return instance


def unique_slug(title: str) -> str:
    """The plan's name in its web address: from the title, unique, never a fixed URL word."""
    base = slugify(title)[:100] or "plan"
    slug, number = base, 2
    while slug in RESERVED_SLUGS or Plan.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def plan_create(*, user, title: str, kind: str, slug: str = "", reason: str = "", **fields) -> Plan:
    """A draft plan with its author as its editor; its slug made from the title unless given;
    `reason` says where it came from when not typed in (an import from Word)."""
    parties = fields.pop("parties", ())
    plan = Plan(
        title=title,
        kind=kind,
        slug=slug or unique_slug(title),
        status=Plan.Status.DRAFT,
        **fields,
    )
    try:
        with transaction.atomic():
            save_with_history(plan, user=user, reason=reason or _("Plan skapad"))
    except IntegrityError as error:  # the same title created at the same moment
        raise ValidationError(
            _("En plan med samma namn skapades samtidigt. Försök igen.")
        ) from error
    plan.parties.set(parties)
    plan.editors.add(user)
    return plan


@transaction.atomic
def plan_update(*, user, plan: Plan, expected_revision: int, **fields) -> Plan:
    parties = fields.pop("parties", None)
    plan = _open_for_edit(user=user, plan=plan)
    if plan.revision != expected_revision:
        raise EditConflict(current=plan)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.revision += 1
    save_with_history(plan, user=user, reason=_("Planen ändrad"))
    if parties is not None and set(plan.parties.all()) != set(parties):
        plan.parties.set(parties)
    return plan
