"""Writing an imported plan: a draft plan (through the plan services) with its whole tree
(plans.imports.writing, in bulk), each row validated and with its history, in one
transaction: nothing half-imported.

Run by the worker (plan_import_job) once the person confirms the preview: a large plan
outlasts a request. The work is `plan_import(*, draft, file_name, user)` on a PlanDraft that
`parsing.parse` made from the file's bytes."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core import search
from core.access import require_permission
from core.jobs import JobResult
from core.models import BackgroundJob
from core.pagecache import bump_content_version
from core.uploads import import_job_start, pending_upload_get
from governance.models import Body
from plans.imports.parsing import parse
from plans.imports.tree import PlanDraft
from plans.imports.writing import tree_create
from plans.models import Plan
from plans.services import plan_create

PURPOSE = "plan-word"


def require_plan_creator(user) -> None:
    require_permission(user, "plans.add_plan", _("Du har inte behörighet att skapa planer."))


def plan_import_start(*, user, upload) -> BackgroundJob:
    return import_job_start(
        user=user,
        upload=upload,
        handler="plans.imports.services.plan_import_job",
        label=_("planen från %(file)s") % {"file": upload.name},
        back="plans:plan_import_preview",  # the new plan replaces it when done
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
    """Create the draft plan the document describes, its whole tree in a few queries
    (plans.imports.writing); a row the models refuse refuses it all. Every history record
    says where it came from."""
    reason = _("Importerad från %(file)s") % {"file": file_name}
    try:
        # The search index is written once, for the whole plan, at the end: the plan's save
        # would otherwise index it now, and its tree, written in bulk, sends no signals.
        with search.deferred():
            plan = plan_create(
                user=user,
                title=draft.title[:300],
                kind=draft.kind,
                preamble=draft.preamble_markdown,
                document_date=draft.document_date,
                period_text=draft.period_text,
                reason=reason,
            )
        tree_create(plan=plan, draft=draft, user=user, reason=reason)
    except ValidationError as error:
        raise ValidationError(
            _("Planen kunde inte skapas, ingenting har sparats: %(errors)s")
            % {"errors": " ".join(error.messages)}
        ) from error
    bump_content_version()  # for the tree: its rows counted no write (core.pagecache)
    search.index_object(plan)
    return plan
