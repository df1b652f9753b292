"""The plan as a PDF: cover, contents with page numbers, every section and initiative with its
status, the timeline, and an appendix of what changed since the last published or adopted
version. The public's PDF is that version; those who may read drafts print the plan as it is
now (a working copy while it has edits not yet published).

Read from the same queries as the plan pages (plan_tree, plan_tree_as_of, compare,
build_timeline) and drawn with the same item partials; rendered once per version of the
plan's content and day (overdue markers depend on the day), then served from storage.
"""

from datetime import date

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy

from agreements.models import Framework
from core.pdf import cached_pdf, render_pdf
from governance.models import Body, Decision, DecisionCaseNumber, DecisionSubject, Organisation
from governance.queries.adoption import adoption_by_parties
from plans import queries
from plans.compare import compare
from plans.kinds import ITEM_KINDS
from plans.models import Initiative, Plan, PlanVersion, Section, StateReport, StatusUpdate
from plans.timeline import build_timeline

TEMPLATE = "pdf/plan.html"
PORTAL_NAME = gettext_lazy("Samverkansportalen")


def plan_pdf(plan: Plan, *, base_url: str, today: date, public: bool = True) -> bytes:
    """The plan's PDF: from storage when this version of its content was rendered before.
    `public`: the last published or adopted version (what anyone may read), else the plan
    as it is now."""
    return cached_pdf(
        key=plan_pdf_key(plan, today=today, public=public),
        render=lambda: render_plan_pdf(plan, base_url=base_url, today=today, public=public),
    )


def plan_pdf_key(plan: Plan, *, today: date, public: bool) -> str:
    """What names this PDF in storage: the plan, whose version, its content's last change, the
    day."""
    reader = "public" if public else "working"
    return f"plan:{plan.pk}:{reader}:{plan_content_version(plan)}:{today.isoformat()}"


def build_plan_pdf(*, plan_id: int, public: bool, today: str) -> None:
    """In the worker: render and store the plan's PDF (the download then serves it)."""
    plan = Plan.objects.select_related("owner_body", "framework", "public_version").get(pk=plan_id)
    if public:
        plan = queries.public_faces([plan])[0]
    plan_pdf(plan, base_url=f"{settings.SITE_URL}/", today=date.fromisoformat(today), public=public)


def render_plan_pdf(plan: Plan, *, base_url: str, today: date, public: bool = True) -> bytes:
    context = plan_pdf_context(plan, today=today, public=public)
    return render_pdf(
        html=render_to_string(TEMPLATE, context),
        base_url=base_url,
        title=plan.title,
        author=context["organisation"],
        subject=context["subject"],
    )


def plan_pdf_context(plan: Plan, *, today: date, public: bool = True) -> dict:
    tree = queries.published_tree(plan) if public else queries.plan_tree(plan)
    versions = list(
        plan.versions.select_related("decision__body").prefetch_related("decision__case_numbers")
    )
    adopted = versions[0] if versions else None  # newest first (PlanVersion.Meta.ordering)
    changes = (
        compare(queries.plan_tree_as_of_or_empty(plan, adopted.frozen_at), tree)
        if adopted
        else None
    )
    return {
        "plan": plan,
        "tree": tree,
        "working_copy": not public and not plan.public_reads_live,
        "today": today,
        "timeline": build_timeline(tree, today),
        "versions": versions,
        "adopted": adopted,
        "changes": changes,
        "adoption": adoption_by_parties(
            subjects=[plan, *filter(None, [plan.public_version])], parties=tree.parties
        ),
        "organisation": organisation_of(plan),
        "case_number": adopted.decision.case_numbers_text if adopted and adopted.decision else "",
        "subject": " ".join(
            part for part in (plan.get_kind_display(), plan.period.display()) if part
        ),
    }


def organisation_of(plan: Plan) -> str:
    """Who stands behind the plan, for the running header and the PDF's author: the body
    that owns it, else its one party, else the portal."""
    if plan.owner_body:
        return plan.owner_body.name
    parties = list(plan.parties.all())
    return parties[0].name if len(parties) == 1 else str(PORTAL_NAME)


def plan_content_version(plan: Plan) -> str:
    """The latest change to anything the plan's PDF shows, in one query: the plan and every
    section, initiative, item, status and reported state it has had (deletions are history
    rows too), its versions, and the bodies, organisations, decisions and frameworks it names."""
    section_ids = Section.history.filter(plan_id=plan.pk).values("id")
    initiative_ids = Initiative.history.filter(section_id__in=section_ids).values("id")
    sources = {
        "plan": Plan.history.filter(id=plan.pk),
        "sections": Section.history.filter(plan_id=plan.pk),
        "initiatives": Initiative.history.filter(section_id__in=section_ids),
        **{
            kind.tree_list: kind.model.history.filter(section_id__in=section_ids)
            for kind in ITEM_KINDS
        },
        "statuses": StatusUpdate.history.filter(initiative_id__in=initiative_ids),
        "states": StateReport.history.filter(plan_id=plan.pk),
        "bodies": Body.history.all(),
        "organisations": Organisation.history.all(),
        "decisions": Decision.history.all(),
        "decision_subjects": DecisionSubject.history.all(),
        "case_numbers": DecisionCaseNumber.history.all(),
        "frameworks": Framework.history.all(),
    }
    latest = {
        f"latest_{name}": Subquery(rows.order_by("-history_date").values("history_date")[:1])
        for name, rows in sources.items()
    }
    latest["latest_version"] = Subquery(
        PlanVersion.objects.filter(plan=OuterRef("pk")).order_by("-pk").values("pk")[:1]
    )
    row = Plan.objects.filter(pk=plan.pk).values(**latest).get()
    return "|".join(f"{name}={row[name]}" for name in sorted(row))
