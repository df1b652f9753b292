"""State changes on plans: plain functions, keyword-only, one transaction each.

Every edit goes through here so that it is validated, recorded in the history with its
author, refused when it would overwrite a newer save (lost updates), and turns a published
or adopted plan into a revision instead of changing what the public reads.

One module per concept: plans (a plan's own fields, and what every edit shares), items (its
content), lifecycle (publishing, adopting, closing), follow_up (status updates, reported
states, rounds). Re-exported here, so `from plans.services import plan_adopt` works."""

from plans.services.follow_up import (
    RoundClosed,
    round_close,
    round_name,
    round_open,
    state_report_record,
    status_update_record,
)
from plans.services.items import (
    MOVE_LABELS,
    deleted_items,
    item_create,
    item_delete,
    item_move,
    item_restore,
    item_update,
    plan_of_record,
)
from plans.services.lifecycle import (
    plan_adopt,
    plan_close,
    plan_publish,
)
from plans.services.plans import (
    EDITABLE_STATUSES,
    RESERVED_SLUGS,
    plan_create,
    plan_update,
    unique_slug,
)

__all__ = [
    "EDITABLE_STATUSES",
    "MOVE_LABELS",
    "RESERVED_SLUGS",
    "RoundClosed",
    "deleted_items",
    "item_create",
    "item_delete",
    "item_move",
    "item_restore",
    "item_update",
    "plan_adopt",
    "plan_close",
    "plan_create",
    "plan_of_record",
    "plan_publish",
    "plan_update",
    "round_close",
    "round_name",
    "round_open",
    "state_report_record",
    "status_update_record",
    "unique_slug",
]
