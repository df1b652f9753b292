"""The strategist's workbench: the views that edit plans in place. Plain forms and full page
loads work without JavaScript; with htmx the same views answer with fragments (plans.htmx).
Every write goes through plans.services; the kinds of content are plans.kinds.

One module per concept: plans (a plan and its life cycle), items (its content), saving (what
every editing view shares). Re-exported here; plans/urls.py names each view."""

from plans.editing.items import (
    deleted,
    item_add,
    item_delete,
    item_edit,
    item_history,
    item_move,
    item_restore,
    section_fragment,
    status_update,
)
from plans.editing.plans import (
    plan_adopt,
    plan_close,
    plan_create,
    plan_edit,
    plan_publish,
)
from plans.editing.saving import (
    PREVIEW,
    period_preview,
)

__all__ = [
    "PREVIEW",
    "deleted",
    "item_add",
    "item_delete",
    "item_edit",
    "item_history",
    "item_move",
    "item_restore",
    "period_preview",
    "plan_adopt",
    "plan_close",
    "plan_create",
    "plan_edit",
    "plan_publish",
    "section_fragment",
    "status_update",
]
