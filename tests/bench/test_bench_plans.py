"""`make bench`: plan page and timeline at 1x and 10x the size of the Skåne plan.

Prints, per page and size: queries, median server time, and the ratio of the full request
to rendering the same template from a context already in memory (what the database and the
view add on top of the template). Figures, not assertions: timing never fails a test.
"""

import os
import statistics
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from plans import queries
from plans.timeline import build_timeline
from tests import factories
from tests.query_count import count_queries

pytestmark = [
    pytest.mark.skipif(os.environ.get("BENCH") != "1", reason="benchmarks run with `make bench`"),
    pytest.mark.django_db,
]

ROUNDS = 15
# The Skåne plan of seed 004: 6 areas, 13 initiatives, about 110 activities, milestones and
# follow-ups. 1x: 6 areas x 2 initiatives x 3 of each item; 10x: 12 areas x 10 initiatives.
SIZES = {
    "1x": {"sections": 6, "initiatives": 2, "items": 3},
    "10x": {"sections": 12, "initiatives": 10, "items": 3},
}
PAGES = {
    "plan": ("plans:plan_detail", "plans/plan_detail.html"),
    "timeline": ("plans:plan_timeline", "plans/plan_timeline.html"),
}


def median_seconds(action) -> float:
    action()  # warm caches (templates, connections)
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def render_only(plan, template):
    """The same template from an in-memory context: the floor for the page."""
    tree = queries.plan_tree(plan)
    today = timezone.localdate()
    request = RequestFactory().get(plan.get_absolute_url())
    request.user = AnonymousUser()
    context = {
        "plan": plan,
        "tree": tree,
        "today": today,
        "timeline": build_timeline(tree, today),
        "versions": [],
    }
    list(plan.parties.all())
    return lambda: render_to_string(template, context, request=request)


def test_plan_pages_at_one_and_ten_times_the_skane_plan(client):
    body = factories.BodyFactory()
    plans = {
        label: factories.build_synthetic_plan(body=body, **size) for label, size in SIZES.items()
    }
    rows = []
    for page, (url_name, template) in PAGES.items():
        for label, plan in plans.items():
            url = reverse(url_name, args=[plan.slug])
            query_count = count_queries(client, url)
            full = median_seconds(lambda url=url: client.get(url))
            floor = median_seconds(render_only(plan, template))
            items = sum(
                len(n.milestones) + len(n.follow_ups) + len(n.activities)
                for n in queries.plan_tree(plan).initiatives
            )
            rows.append((page, label, items, query_count, full * 1000, floor * 1000, full / floor))
    print("\n\nPlan pages (median of", ROUNDS, "requests, database:", connection.vendor + ")")
    print(
        f"{'page':<10}{'size':<6}{'items':>7}{'queries':>9}{'server ms':>11}{'render ms':>11}{'ratio':>8}"
    )
    for page, label, items, count, full, floor, ratio in rows:
        print(f"{page:<10}{label:<6}{items:>7}{count:>9}{full:>11.1f}{floor:>11.1f}{ratio:>8.2f}")
    by_page = {}
    for page, label, _items, count, full, *_ in rows:
        by_page.setdefault(page, {})[label] = (count, full)
    for page, sizes in by_page.items():
        print(
            f"{page}: 10x/1x server time {sizes['10x'][1] / sizes['1x'][1]:.2f}, queries {sizes['1x'][0]} -> {sizes['10x'][0]}"
        )
    assert all(sizes["1x"][0] == sizes["10x"][0] for sizes in by_page.values())
