"""`make bench`: the comparison of two versions, and the plan's history, at 1x and 10x the
size of the Skåne plan.

Each plan is adopted as built (a version with all its content), then revised: every tenth
milestone reworded, every tenth follow-up deleted, one activity added per initiative. The
comparison is the adopted version against today, as a reader (who sees the revision).
Prints queries, median server time, the template alone from an in-memory context, and
their ratio; figures, not assertions (except that queries do not grow).
"""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from plans import history, queries, services
from plans.compare import compare
from plans.forms import CompareForm
from plans.models import Activity, FollowUp, Milestone, Plan
from tests import factories
from tests.bench.test_bench_plans import ROUNDS, SIZES, median_seconds, pytestmark  # noqa: F401
from tests.query_count import count_queries


def _revised_plan(size, body, user):
    plan = factories.build_synthetic_plan(body=body, **size)
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.DRAFT)  # as if never adopted
    plan.refresh_from_db()
    version = services.plan_adopt(user=user, plan=plan, body=body, case_number="X 2024/1")
    for index, milestone in enumerate(Milestone.objects.filter(section__plan=plan)):
        if index % 10 == 0:
            services.item_update(
                user=user, item=milestone, expected_revision=milestone.revision, text="Ny lydelse"
            )
    for index, follow_up in enumerate(FollowUp.objects.filter(section__plan=plan)):
        if index % 10 == 0:
            services.item_delete(user=user, item=follow_up, expected_revision=follow_up.revision)
    for node in queries.plan_tree(plan).initiatives:
        services.item_create(
            user=user,
            model=Activity,
            plan=plan,
            parent={"section": node.initiative.section, "initiative": node.initiative},
            text="Tillagd aktivitet",
        )
    return plan, version


def _compare_floor(plan, version, user):
    moments = queries.plan_moments(plan, user)
    form = CompareForm({"fran": f"v{version.number}", "till": "idag"}, moments=moments)
    assert form.is_valid()
    comparison = compare(
        *(queries.moment_tree(plan, form.cleaned_data[n], user) for n in ("fran", "till"))
    )
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    context = {"plan": plan, "form": form, "comparison": comparison}
    return comparison, lambda: render_to_string("plans/plan_compare.html", context, request=request)


def test_comparison_and_history_at_one_and_ten_times_the_skane_plan(client, reader):
    body = factories.BodyFactory(short_code="X")
    user = factories.ActingUserFactory()
    client.force_login(reader)
    rows, counts = [], {}
    for label, size in SIZES.items():
        plan, version = _revised_plan(size, body, user)
        comparison, floor_render = _compare_floor(plan, version, reader)
        pages = {
            "compare": (
                reverse("plans:plan_compare", args=[plan.slug])
                + f"?fran=v{version.number}&till=idag",
                floor_render,
            ),
            "history": (reverse("plans:plan_history", args=[plan.slug]), None),
        }
        for page, (url, floor) in pages.items():
            query_count = count_queries(client, url)
            full = median_seconds(lambda url=url: client.get(url))
            floor_ms = median_seconds(floor) * 1000 if floor else None
            what = (
                f"+{len(comparison.added)} -{len(comparison.removed)} ~{len(comparison.changed)}"
                if page == "compare"
                else f"{len(history.plan_changes(plan))} changes"
            )
            rows.append((page, label, what, query_count, full * 1000, floor_ms))
            counts.setdefault(page, {})[label] = (query_count, full)
    print(
        "\n\nComparison and history (median of",
        ROUNDS,
        "requests, database:",
        connection.vendor + ")",
    )
    print(
        f"{'page':<9}{'size':<6}{'what':>20}{'queries':>9}{'server ms':>11}{'render ms':>11}{'ratio':>8}"
    )
    for page, label, what, count, full, floor in rows:
        floor_text = f"{floor:>11.1f}{full / floor:>8.2f}" if floor else f"{'–':>11}{'–':>8}"
        print(f"{page:<9}{label:<6}{what:>20}{count:>9}{full:>11.1f}{floor_text}")
    for page, sizes in counts.items():
        print(
            f"{page}: 10x/1x server time {sizes['10x'][1] / sizes['1x'][1]:.2f}, "
            f"queries {sizes['1x'][0]} -> {sizes['10x'][0]}"
        )
    assert all(sizes["1x"][0] == sizes["10x"][0] for sizes in counts.values())
