"""How plans and their content show to the site search (registered in apps.py).

A plan's draft and its content are indexed object by object, for those who may read drafts.
What the public reads is the published or adopted version (plans.queries.published_tree), so
its text is indexed with the plan: rebuilt whenever the plan is saved, which every edit of a
public plan does first (it starts a revision), and every publication and adoption."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.search import SearchDocument, register_search
from plans.kinds import ITEM_KINDS, KINDS
from plans.models import Plan, Section
from plans.queries import published_tree
from plans.queries.plans import DRAFT_PERMISSION

PLAN_ITEM = "plan_item"
TITLE_WORDS = 14


def _text(obj) -> str:
    fields = ("introduction", "description", "text", "note")
    return "\n".join(filter(None, (getattr(obj, name, "") for name in fields)))


def _item_document(obj, plan: Plan, anchor: str, *, public: bool, for_drafts: bool):
    title = getattr(obj, "title", "") or Truncator(obj.text).words(TITLE_WORDS)
    return SearchDocument(
        title=title,
        text=f"{plan.title}\n{_text(obj)}",
        url=f"{plan.get_absolute_url()}#{anchor}",
        public=public,
        for_drafts=for_drafts,
        status=str(plan.get_status_display()),
        organisations=tuple(party.name for party in plan.parties.all()),
        kind=PLAN_ITEM,
    )


def _plan_document(plan: Plan, *, public: bool, for_drafts: bool) -> SearchDocument:
    return SearchDocument(
        title=plan.title,
        text=plan.preamble,
        url=plan.get_absolute_url(),
        public=public,
        for_drafts=for_drafts,
        status=str(plan.get_status_display()),
        organisations=tuple(party.name for party in plan.parties.all()),
    )


def plan_documents(plan: Plan):
    """While the public reads the plan live, one entry for everyone (its content is indexed
    object by object, public too). Otherwise the plan as draft readers see it, and the
    published or adopted version as the public reads it, content and all."""
    if plan.public_reads_live:
        yield _plan_document(plan, public=True, for_drafts=True)
        return
    yield _plan_document(plan, public=False, for_drafts=True)
    if plan.is_public:
        yield from _published_documents(plan)


def _published_documents(plan: Plan):
    tree = published_tree(plan)
    published = {"public": True, "for_drafts": False}
    yield _plan_document(tree.plan, **published)
    for node in tree.sections:
        yield _item_document(node.section, plan, node.section.anchor, **published)
        for held in [node, *node.initiatives]:
            anchor = (getattr(held, "initiative", None) or node.section).anchor
            if held is not node:
                yield _item_document(held.initiative, plan, anchor, **published)
            for kind in ITEM_KINDS:
                for item in held.items[kind.tree_list]:
                    yield _item_document(item, plan, anchor, **published)


def content_documents(obj):
    """A section, initiative or item as it is now: public while its plan reads live."""
    section = obj if isinstance(obj, Section) else obj.section
    plan = section.plan
    yield _item_document(obj, plan, obj.anchor, public=plan.public_reads_live, for_drafts=True)


def plan_content(plan: Plan):
    """Every section, initiative and item of the plan, its plan already at hand."""
    for kind in KINDS:
        path = kind.parent.plan_path
        # An item's anchor names its initiative's section: selected with it, as the plan's
        # parties are read once per kind, not once per item.
        anchors = ("initiative__section",) if "initiative" in kind.parent.fields else ()
        yield from (
            kind.model.objects.filter(**{path: plan})
            .select_related(path, *anchors)
            .prefetch_related(f"{path}__parties")
        )


def register():
    register_search(
        Plan,
        key="plan",
        label=_("Planer"),
        documents=plan_documents,
        draft_permission=DRAFT_PERMISSION,
        queryset=lambda: Plan.objects.select_related("public_version").prefetch_related("parties"),
        m2m=("parties",),
        labels={PLAN_ITEM: _("Planernas innehåll")},
        cascades=plan_content,
    )
    for kind in KINDS:
        register_search(
            kind.model,
            key=PLAN_ITEM,
            label=_("Planernas innehåll"),
            documents=content_documents,
            draft_permission=DRAFT_PERMISSION,
        )
