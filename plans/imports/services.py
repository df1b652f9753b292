"""Writing an imported plan: a draft plan with its whole tree, through the plan services (so
each row is validated and has its history), in one transaction: nothing half-imported.

Synchronous for now. The work is `plan_import(*, draft, file_name, user)` on a PlanDraft that
`parsing.parse` made from the file's bytes, so a background task can call the two as they are
once the portal runs one (django-tasks)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core import search
from governance.models import Body
from plans.imports.tree import PlanDraft
from plans.models import Activity, FollowUp, Initiative, Milestone, Plan, Section
from plans.services import item_create, plan_create

MODELS = {"activities": Activity, "milestones": Milestone, "follow_ups": FollowUp}


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
