"""Writing an imported plan: a draft plan with its whole tree, through the plan services (so
each row is validated and has its history), in one transaction: nothing half-imported.

Run by the worker (plan_import_job) once the person confirms the preview: a large plan
outlasts a request. The work is `plan_import(*, draft, file_name, user)` on a PlanDraft that
`parsing.parse` made from the file's bytes."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from core import search
from core.access import require_permission
from core.jobs import JobResult, start_job
from core.models import BackgroundJob
from core.uploads import pending_upload_get
from governance.models import Body
from plans.imports.parsing import parse
from plans.imports.tree import PlanDraft
from plans.models import Activity, FollowUp, Initiative, Milestone, Plan, Section
from plans.services import item_create, plan_create

MODELS = {"activities": Activity, "milestones": Milestone, "follow_ups": FollowUp}


PURPOSE = "plan-word"


def require_plan_creator(user) -> None:
    require_permission(user, "plans.add_plan", _("Du har inte behörighet att skapa planer."))


def plan_import_start(*, user, upload) -> BackgroundJob:
    """Hand the confirmed import to the worker: one job per upload, so a second click waits for
    the first; confirming again after a refusal tries again."""
    return start_job(
        key=f"plan-word-import:{upload.pk}",
        handler="plans.imports.services.plan_import_job",
        arguments={"user_id": user.pk, "upload_id": upload.pk},
        label=_("planen från %(file)s") % {"file": upload.name},
        # Where a refused import sends the person back to; the new plan replaces it.
        result_url=reverse("plans:plan_import_preview", args=[upload.pk]),
        retry_failed=True,
    )


@transaction.atomic
def plan_import_job(*, user_id: int, upload_id: int) -> JobResult:
    """The worker's half: the file read again and imported as the person who confirmed it, and
    removed in the same transaction, so it stays for another try if the import fails."""
    user = get_user_model().objects.get(pk=user_id)
    # A lost right, a vanished upload or a plan the models refuse: refused, not tried again
    # (core.jobs.REFUSALS), with the message on the job page.
    require_plan_creator(user)
    upload = pending_upload_get(user=user, pk=upload_id, purpose=PURPOSE)
    draft = parse(bytes(upload.data), bodies=bodies_for_import())
    plan = plan_import(draft=draft, file_name=upload.name, user=user)
    upload.delete()
    return JobResult(
        result_url=plan.get_absolute_url(),
        summary=_("Planen är importerad som utkast. Du är redaktör för den."),
    )


def bodies_for_import():
    """The bodies an imported plan's "Ansvar" may name (one query)."""
    return list(Body.objects.only("pk", "name"))


@transaction.atomic
def plan_import(*, draft: PlanDraft, file_name: str, user) -> Plan:
    """Create the draft plan the document describes; a row the models refuse refuses it all."""
    try:
        # The search index is written once, for the whole plan, at the end: each item's save
        # would otherwise index the plan again.
        with search.deferred():
            plan = plan_create(
                user=user,
                title=draft.title[:300],
                kind=draft.kind,
                preamble=draft.preamble_markdown,
                document_date=draft.document_date,
                period_text=draft.period_text,
                reason=_("Importerad från %(file)s") % {"file": file_name},
            )
            for section in draft.sections:
                _write_section(user=user, plan=plan, section=section)
    except ValidationError as error:
        raise ValidationError(
            _("Planen kunde inte skapas, ingenting har sparats: %(errors)s")
            % {"errors": " ".join(error.messages)}
        ) from error
    search.index_object(plan)
    return plan


def _write_section(*, user, plan: Plan, section) -> None:
    row = item_create(
        user=user,
        model=Section,
        plan=plan,
        parent={"plan": plan},
        bodies=section.bodies,
        number=section.number,
        title=section.title[:300],
        introduction=section.markdown,
        responsibility_text=section.responsibility_text,
    )
    _write_items(user=user, plan=plan, node=section, parent={"section": row, "initiative": None})
    for initiative in section.initiatives:
        initiative_row = item_create(
            user=user,
            model=Initiative,
            plan=plan,
            parent={"section": row},
            bodies=initiative.bodies,
            letter=initiative.letter,
            title=initiative.title[:400],
            description=initiative.markdown,
            responsibility_text=initiative.responsibility_text,
        )
        _write_items(
            user=user,
            plan=plan,
            node=initiative,
            parent={"section": row, "initiative": initiative_row},
        )


def _write_items(*, user, plan: Plan, node, parent: dict) -> None:
    for kind, items in node.items():
        for item in items:
            fields = {"text": item.text, "period_text": item.period_text[:200]}
            if kind == "activities":
                fields["note"] = item.note
            item_create(user=user, model=MODELS[kind], plan=plan, parent=parent, **fields)
