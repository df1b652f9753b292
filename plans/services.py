"""State changes on plans: plain functions, keyword-only, one transaction each.

Every edit goes through here so that it is validated, recorded in the history with its
author, refused when it would overwrite a newer save (lost updates), and turns a published
or adopted plan into a revision instead of changing what the public reads.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _

from core.history import save_with_history
from core.revisions import EditConflict, lock_for_edit
from governance.services import decision_record
from plans import kinds
from plans.models import (
    FollowUpRound,
    Initiative,
    Plan,
    PlanVersion,
    Section,
    StateReport,
    StatusUpdate,
)
from plans.queries import bodies_by_history_id

EDITABLE_STATUSES = (
    Plan.Status.DRAFT,
    Plan.Status.PUBLISHED,
    Plan.Status.ADOPTED,
    Plan.Status.UNDER_REVISION,
)
# The fixed words of the plan URLs (plans/urls.py): a plan may not take one as its slug.
RESERVED_SLUGS = {"ny", "bevakning", "tolka-tid"}


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
def plan_create(*, user, title: str, kind: str, slug: str = "", **fields) -> Plan:
    """A draft plan with its author as its editor; its slug made from the title unless given."""
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
            save_with_history(plan, user=user, reason=_("Plan skapad"))
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


def _next_position(model, **parent) -> int:
    last = model.objects.filter(**parent).aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


@transaction.atomic
def item_create(*, user, model, plan: Plan, parent: dict, bodies=None, **fields):
    """Add a section, initiative, activity, milestone or follow-up at the end of its list,
    under `parent` (its plan, section, initiative: kinds.Parent)."""
    _open_for_edit(user=user, plan=plan)
    kind = kinds.of(model)
    item = model(**parent, **fields)
    item.position = _next_position(model, **kind.parent.siblings(item))
    item.revision = 0
    if item.plan.pk != plan.pk:
        raise ValidationError(_("Det du lägger till hör inte till den här planen."))
    reason = _("%(kind)s tillagd") % {"kind": capfirst(kind.name)}
    return _save(item, user=user, reason=reason, bodies=bodies)


@transaction.atomic
def item_update(*, user, item, expected_revision: int, bodies=None, **fields):
    _open_for_edit(user=user, plan=item.plan)
    current = lock_for_edit(type(item).objects, item.pk, expected_revision=expected_revision)
    for name, value in fields.items():
        setattr(current, name, value)
    reason = _("%(kind)s ändrad") % {"kind": capfirst(kinds.of(type(item)).name)}
    return _save(current, user=user, reason=reason, bodies=bodies)


@transaction.atomic
def item_delete(*, user, item, expected_revision: int) -> None:
    _open_for_edit(user=user, plan=item.plan)
    current = lock_for_edit(type(item).objects, item.pk, expected_revision=expected_revision)
    current._history_user = user
    current._change_reason = _("%(kind)s borttagen") % {"kind": capfirst(kinds.of(type(item)).name)}
    current.delete()


# The label a kind carries in its list ("Område 2", "b)"): a move hands the labels on so
# they follow the order. The lists' labels are unique, so labels about to change are first
# parked on values no label takes, by an unrecorded update inside the same transaction.
MOVE_LABELS = {Section: ("number", lambda n: 32767 - n), Initiative: ("letter", lambda n: f"~{n}")}


def _label_order(value):
    """Numbers by value, letters as the alphabet runs on: a … z, then aa, ab …"""
    return (len(value), value) if isinstance(value, str) else (0, value)


@transaction.atomic
def item_move(*, user, item, up: bool) -> bool:
    """Swap places with the neighbour above or below; positions are renumbered 1..n. Sections
    and initiatives keep their labels in order: the labels the list holds are handed out again
    in the new order (moving a) down makes it b), and b) becomes a)). A gap stays a gap (the
    areas 1 and 4 of a plan are not renumbered 1 and 2), so a move changes only what moved.
    False when the item is already first or last."""
    _open_for_edit(user=user, plan=item.plan)
    model = type(item)
    siblings = list(
        model.objects.select_for_update()
        .filter(**kinds.of(model).parent.siblings(item))
        .order_by("position", "pk")
    )
    index = next((i for i, s in enumerate(siblings) if s.pk == item.pk), None)
    if index is None:
        raise EditConflict(current=None)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    relabelled = {}
    if model in MOVE_LABELS:
        name, parked = MOVE_LABELS[model]
        labels = sorted((getattr(s, name) for s in siblings), key=_label_order)
        relabelled = {
            s.pk: label
            for s, label in zip(siblings, labels, strict=True)
            if getattr(s, name) != label
        }
        for n, pk in enumerate(relabelled):
            model.objects.filter(pk=pk).update(**{name: parked(n)})
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position or sibling.pk in relabelled:
            sibling.position = position
            if sibling.pk in relabelled:
                setattr(sibling, name, relabelled[sibling.pk])
            _save(sibling, user=user, reason=_("Ordning ändrad"))
    return True


@transaction.atomic
def item_restore(*, user, record):
    """Bring back an earlier version (or a deleted item) as a new version: history is never rewritten."""
    model = record.instance_type
    kind = kinds.of(model)
    for parent, parent_id in kind.parents_of(record):
        if parent_id is not None and not parent.model.objects.filter(pk=parent_id).exists():
            raise ValidationError(
                _("%(parent)s som detta hörde till finns inte längre. Återställ %(name)s först.")
                % {"parent": capfirst(parent.definite), "name": parent.definite}
            )
    _open_for_edit(user=user, plan=Plan.objects.get(pk=plan_of_record(record)))
    current = model.objects.select_for_update().filter(pk=record.id).order_by("pk").first()
    restored = record.instance
    if current is not None:  # an earlier version: the row is updated in place
        for model_field in model._meta.concrete_fields:
            if not model_field.primary_key and model_field.name != "revision":
                setattr(current, model_field.attname, getattr(restored, model_field.attname))
        restored = current
    else:  # deleted: inserted again under its old id, so its history goes on
        restored.revision = 0
    bodies = None
    if hasattr(model, "responsible_bodies"):
        bodies = bodies_by_history_id(model, [record.history_id]).get(record.history_id, [])
    label = record.history_date.astimezone(timezone.get_current_timezone()).strftime(
        "%Y-%m-%d %H:%M"
    )
    return _save(
        restored,
        user=user,
        reason=_("Återställd till versionen från %(date)s") % {"date": label},
        bodies=bodies,
        force_insert=current is None,
    )


def deleted_items(plan: Plan) -> list:
    """The deletion record of each item of the plan that is gone now; it holds the item as it
    was when deleted, which is what restoring brings back. Two queries per kind."""
    section_ids = set(Section.history.filter(plan_id=plan.pk).values_list("id", flat=True))
    found = []
    for kind in kinds.KINDS:
        scope = kind.parent.in_plan_history(plan_id=plan.pk, section_ids=section_ids)
        deletions = list(
            kind.model.history.filter(history_type="-", **scope).order_by("-history_date")
        )
        alive = set(
            kind.model.objects.filter(pk__in=[d.id for d in deletions]).values_list("pk", flat=True)
        )
        seen = set()
        for deletion in deletions:
            if deletion.id not in alive and deletion.id not in seen:
                seen.add(deletion.id)
                found.append(deletion)
    return found


def _freeze(
    *, user, plan: Plan, kind: str, on: date | None, reason: str, label: str = ""
) -> PlanVersion:
    """Freeze the plan as it stands now as a version the public reads, and give the plan the
    status of that version in the same transaction: the database refuses a published or
    adopted plan without its version (Plan's check constraint), so nothing can set one
    without the other. The caller holds the plan's row lock."""
    if plan.status == Plan.Status.CLOSED:
        raise ValidationError(_("En avslutad plan kan inte publiceras eller fastställas."))
    number = (plan.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = PlanVersion(
        plan=plan, number=number, kind=kind, date=on, label=label, frozen_at=timezone.now()
    )
    version.full_clean()
    version.save()
    plan.status = kind  # PlanVersion.Kind's values are the plan's statuses
    plan.public_version = version
    plan.revision += 1
    save_with_history(plan, user=user, reason=reason)
    # The moment is taken after the plan's own row records its new status, so the version
    # shows the plan as published or adopted.
    version.frozen_at = timezone.now()
    version.save(update_fields=["frozen_at"])
    return version


@transaction.atomic
def plan_publish(*, user, plan: Plan, on: date | None = None, label: str = "") -> PlanVersion:
    """The owning body makes the plan public without a formal decision (e.g. after a
    recommendation): the plan as it stands now becomes the version the public reads.
    `on`: the date the body published it; `label`: what the version is called besides."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # one freeze at a time per plan
    if plan.status == Plan.Status.PUBLISHED:
        raise ValidationError(_("Planen är redan publicerad i den här versionen."))
    if plan.status == Plan.Status.ADOPTED:
        raise ValidationError(
            _(
                "Planen är fastställd i den här versionen. Ändra den först för att publicera en revidering."
            )
        )
    return _freeze(
        user=user,
        plan=plan,
        kind=PlanVersion.Kind.PUBLISHED,
        on=on,
        label=label,
        reason=_("Publicerad"),
    )


@transaction.atomic
def plan_adopt(
    *, user, plan: Plan, body, case_number: str, decision_date: date | None = None
) -> PlanVersion:
    """Record the body's decision and freeze the plan as it stands now as the adopted version
    (a published plan can be adopted as it is)."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # one freeze at a time per plan
    if plan.status == Plan.Status.ADOPTED:
        raise ValidationError(_("Planen är redan fastställd i den här versionen."))
    version = _freeze(
        user=user,
        plan=plan,
        kind=PlanVersion.Kind.ADOPTED,
        on=decision_date,
        reason=_("Fastställd av %(body)s, %(case_number)s")
        % {"body": body, "case_number": case_number},
    )
    # The decision is about this version, so the body's page links to the plan as adopted.
    version.decision = decision_record(
        user=user,
        body=body,
        case_number=case_number,
        subjects=[version],
        date=decision_date,
        title=_("Fastställande av %(plan)s") % {"plan": plan.title},
    )
    version.save(update_fields=["decision"])
    return version


@transaction.atomic
def plan_close(*, user, plan: Plan) -> Plan:
    """The plan is done: it can no longer be edited, published or adopted. The public goes on
    reading its last published or adopted version (a plan never made public stays hidden)."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    plan.status = Plan.Status.CLOSED
    plan.revision += 1
    return save_with_history(plan, user=user, reason=_("Planen avslutad"))


@transaction.atomic
def status_update_record(
    *, user, initiative: Initiative, status: str, comment: str = "", on: date | None = None
) -> StatusUpdate:
    """A status update reports on the plan; it does not change the plan, so it starts no revision."""
    update = StatusUpdate(
        initiative=initiative,
        status=status,
        comment=comment,
        date=on or timezone.localdate(),
        author=user if user is not None and user.is_authenticated else None,
    )
    return save_with_history(update, user=user, reason=_("Statusuppdatering"))


def plan_of_record(record) -> int | None:
    """The pk of the plan a historical record belongs to (its section may be deleted too)."""
    if kinds.of(record.instance_type).parent is kinds.PLAN:
        return record.plan_id
    section = Section.history.filter(id=record.section_id).order_by("-history_date").first()
    return section.plan_id if section else None


# --- follow-up: reported states and rounds ------------------------------------------------
# Reporting is not plan content: none of these starts a revision or changes a revision counter.


class RoundClosed(ValidationError):
    """A report meant for a round that has been closed: a closed round is frozen."""


@transaction.atomic
def state_report_record(
    *,
    user,
    item,
    state: str,
    done_on: date | None = None,
    comment: str = "",
    round_number: int | None = None,
    today: date,
) -> StateReport:
    """Report an item's state. It goes into the plan's open follow-up round, if there is one;
    a report meant for a round (`round_number`, from the round's page) is refused once that
    round is closed. Done needs the date it was done, not after `today`."""
    kind = kinds.of(type(item))
    if not kind.carries_state:
        raise ValidationError(_("Den här typen av innehåll har inget läge."))
    plan = item.plan
    if plan.status == Plan.Status.CLOSED:
        raise ValidationError(_("Planen är avslutad och kan inte längre ändras."))
    # FOR UPDATE: a report and the round's closing must not cross; the report is in the
    # round or it is not, never in a round closed under it.
    open_round = (
        FollowUpRound.objects.select_for_update().filter(plan=plan, closed_at__isnull=True).first()
    )
    if round_number is not None and (open_round is None or open_round.number != round_number):
        raise RoundClosed(_("Uppföljningen är stängd. Rapporten sparades inte i den."))
    if done_on is not None and done_on > today:
        raise ValidationError({"done_on": _("Datumet kan inte ligga i framtiden.")})
    report = StateReport(
        plan=plan,
        item_kind=kind.key,
        item_id=item.pk,
        round=open_round,
        state=state,
        done_on=done_on if state == StateReport.State.DONE else None,
        comment=comment,
        reported_by=user if user is not None and user.is_authenticated else None,
        reported_at=timezone.now(),
    )
    return save_with_history(report, user=user, reason=_("Läge rapporterat"))


def round_name(reporting_date: date) -> str:
    """The name a round gets by default: the tertial its reporting date falls in."""
    tertial = (reporting_date.month - 1) // 4 + 1
    return _("Uppföljning T%(tertial)s %(year)s") % {
        "tertial": tertial,
        "year": reporting_date.year,
    }


@transaction.atomic
def round_open(
    *, user, plan: Plan, reporting_date: date, deadline: date, name: str = ""
) -> FollowUpRound:
    """Open a follow-up round on the plan; its editors are asked to report."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # one round opens at a time
    if plan.status == Plan.Status.CLOSED:
        raise ValidationError(_("Planen är avslutad och kan inte längre följas upp."))
    if plan.rounds.filter(closed_at__isnull=True).exists():
        raise ValidationError(_("Planen har redan en öppen uppföljning. Stäng den först."))
    if deadline < reporting_date:
        raise ValidationError(
            {"deadline": _("Sista dag att rapportera kan inte ligga före rapportdatum.")}
        )
    number = (plan.rounds.aggregate(last=Max("number"))["last"] or 0) + 1
    follow_up_round = FollowUpRound(
        plan=plan,
        number=number,
        name=name or round_name(reporting_date),
        reporting_date=reporting_date,
        deadline=deadline,
        opened_by=user if user is not None and user.is_authenticated else None,
        opened_at=timezone.now(),
    )
    save_with_history(follow_up_round, user=user, reason=_("Uppföljning öppnad"))
    follow_up_round.reporters.set(plan.editors.all())
    return follow_up_round


@transaction.atomic
def round_close(*, user, follow_up_round: FollowUpRound) -> FollowUpRound:
    """Close the round: it takes no more reports, and its page reads the same from now on."""
    current = FollowUpRound.objects.select_for_update().get(pk=follow_up_round.pk)
    if not current.is_open:
        raise ValidationError(_("Uppföljningen är redan stängd."))
    current.closed_at = timezone.now()
    current.closed_by = user if user is not None and user.is_authenticated else None
    return save_with_history(current, user=user, reason=_("Uppföljning stängd"))
