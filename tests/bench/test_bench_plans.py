"""`make bench`: plan page and timeline at 1x and 10x the size of the Skåne plan.

Prints, per page, size and reader: queries (rendered, and served from the cache), the median
(p50) server time as rendered (the cache emptied before each request: for a stranger the page
cache, for an editor the stored sections), the median time with the cache (a stranger's second
request, served the whole page; an editor's, served the plan's sections from the cache:
plans.workbench.sections_key), for an editor the first view after a one-item write (the other
sections from the cache by their content's look: plans.workbench.section_keys), the time to
render the same template from a context already in memory (timed in turn with the rendered
request, one of each per round), and the ratio of the rendered request to it, the median of
each round's (what the database and the view add on top of the template). An editor's plan
page carries every item's actions menu; the timeline is the same page for both, but a
logged-in reader is never served from the page cache. Figures, not assertions: timing never
fails a test.
"""

import gc
import itertools
import os
import statistics
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from governance.queries.adoption import adoption_by_parties
from plans import queries
from plans.models import Milestone
from plans.services import item_update
from plans.timeline import build_timeline
from tests import factories
from tests.clients import BrowserLikeClient
from tests.query_count import count_queries

pytestmark = [
    pytest.mark.skipif(os.environ.get("BENCH") != "1", reason="benchmarks run with `make bench`"),
    pytest.mark.django_db,
]

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
# Wall time by default; BENCH_CLOCK=cpu counts this process's CPU time only, steadier on a
# machine shared with other work (the database server's time is then left out).
CPU = os.environ.get("BENCH_CLOCK") == "cpu"
CLOCK = time.process_time if CPU else time.perf_counter
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
        started = CLOCK()
        action()
        samples.append(CLOCK() - started)
    return statistics.median(samples)


def median_seconds_after(write, action) -> float:
    """As median_seconds, `write` done before each request and not timed."""
    write()
    action()
    samples = []
    for _ in range(ROUNDS):
        write()
        started = CLOCK()
        action()
        samples.append(CLOCK() - started)
    return statistics.median(samples)


def paired_medians(prepare, action, floor) -> tuple[float, float, float]:
    """The medians of `action` (`prepare` done before each, untimed) and of `floor`, timed in
    turn, one of each per round, and the median of each round's ratio of the two: on this
    shared machine the same work took up to twice as long from one minute to the next, so two
    figures measured minutes apart, or even their medians, moved the ratio by a fifth. Each
    is timed from a collected heap: a full collection of garbage left by the other fell
    into either one."""
    prepare()
    action()
    floor()
    actions, floors = [], []
    for _ in range(ROUNDS):
        prepare()
        gc.collect()
        started = CLOCK()
        action()
        actions.append(CLOCK() - started)
        gc.collect()
        started = CLOCK()
        floor()
        floors.append(CLOCK() - started)
    ratio = statistics.median(a / f for a, f in zip(actions, floors, strict=True))
    return statistics.median(actions), statistics.median(floors), ratio


def one_item_write(plan, user):
    """An editor's save of one milestone's text, through the service (a write like any)."""
    pk = Milestone.objects.filter(section__plan=plan).order_by("pk").values_list("pk", flat=True)[0]
    counter = itertools.count()

    def write():
        item = Milestone.objects.get(pk=pk)
        item_update(
            user=user, item=item, expected_revision=item.revision, text=f"Ändrad {next(counter)}"
        )

    return write


def render_only(plan, template, user=None):
    """The same template from an in-memory context: the floor for the page. What the view
    puts in besides the tree (the versions, the parties' decisions, what the reader may do) is
    read here once, so the page rendered is the one the view renders."""
    prefetch_related_objects([plan], "parties")  # as the view reads the plan
    tree = queries.plan_tree(plan)
    today = timezone.localdate()
    request = RequestFactory().get(plan.get_absolute_url())
    request.user = user or AnonymousUser()
    editing = user is not None
    context = {
        "plan": plan,
        "tree": tree,
        "today": today,
        "timeline": build_timeline(tree, today),
        "versions": list(
            plan.versions.select_related("decision__body").prefetch_related(
                "decision__case_numbers"
            )
        ),
        "adoption": adoption_by_parties(
            subjects=[plan, *filter(None, [plan.public_version])], parties=tree.parties
        ),
        "editing": editing,
        "can_adopt": editing and request.user.has_perm("plans.adopt_plan"),
        "can_publish": editing and request.user.has_perm("plans.publish_plan"),
        "section": "plans",
    }
    return lambda: render_to_string(template, context, request=request)


def test_plan_pages_at_one_and_ten_times_the_skane_plan(client, strategist):
    body = factories.BodyFactory()
    plans = {
        label: factories.build_synthetic_plan(body=body, **size) for label, size in SIZES.items()
    }
    editor = BrowserLikeClient()
    editor.force_login(strategist)
    for plan in plans.values():
        plan.editors.add(strategist)
    rows = []
    after_write = {}
    for page, (url_name, template) in PAGES.items():
        for reader, reader_client, user in (
            ("stranger", client, None),
            ("editor", editor, strategist),
        ):
            for label, plan in plans.items():
                url = reverse(url_name, args=[plan.slug])
                cache.clear()
                query_count = count_queries(reader_client, url)
                # The cache emptied before each request, untimed: Redis freeing megabytes of
                # pages is not the request's work.
                full, floor, ratio = paired_medians(
                    cache.clear,
                    lambda url=url, c=reader_client: c.get(url),
                    render_only(plan, template, user),
                )
                # Not emptied: a stranger's page, an editor's sections stored by the last request.
                cached = median_seconds(lambda url=url, c=reader_client: c.get(url))
                cached_count = count_queries(reader_client, url)
                items = sum(
                    len(n.milestones) + len(n.follow_ups) + len(n.activities)
                    for n in queries.plan_tree(plan).initiatives
                )
                rows.append(
                    (
                        page,
                        reader,
                        label,
                        items,
                        (query_count, cached_count),
                        full * 1000,
                        cached,
                        floor * 1000,
                        ratio,
                    )
                )
    # Last: a write puts an adopted plan under revision, and from then on the public reads its
    # last version (the synthetic plan's, adopted before it had items), not the plan measured.
    for label, plan in plans.items():
        url = reverse("plans:plan_detail", args=[plan.slug])
        after_write[label] = median_seconds_after(
            one_item_write(plan, strategist), lambda url=url: editor.get(url)
        )
    clock = "CPU time of this process" if CPU else "wall time"
    print(f"\n\nPlan pages (median of {ROUNDS} requests, {clock}, database: {connection.vendor})")
    print(
        f"{'page':<10}{'reader':<10}{'size':<6}{'items':>7}{'queries':>9}{'cached q':>10}{'server ms':>11}"
        f"{'cached ms':>11}{'render ms':>11}{'ratio':>8}"
    )
    for page, reader, label, items, count, full, cached, floor, ratio in rows:
        print(
            f"{page:<10}{reader:<10}{label:<6}{items:>7}{count[0]:>9}{count[1]:>10}{full:>11.1f}"
            f"{cached * 1000:>11.1f}{floor:>11.1f}{ratio:>8.2f}"
        )
    floors = {
        label: floor
        for page, reader, label, *_r, floor, _ratio in rows
        if (page, reader) == ("plan", "editor")
    }
    for label, seconds in after_write.items():
        print(
            f"plan (editor) {label}, first view after a one-item write: {seconds * 1000:.1f} ms, "
            f"{seconds * 1000 / floors[label]:.2f} of its template rendered whole"
        )
    by_page = {}
    for page, reader, label, _items, count, full, *_ in rows:
        by_page.setdefault((page, reader), {})[label] = (count, full)
    for (page, reader), sizes in by_page.items():
        print(
            f"{page} ({reader}): 10x/1x server time {sizes['10x'][1] / sizes['1x'][1]:.2f}, "
            f"queries {sizes['1x'][0][0]} -> {sizes['10x'][0][0]}, "
            f"cached {sizes['1x'][0][1]} -> {sizes['10x'][0][1]}"
        )
    assert all(sizes["1x"][0] == sizes["10x"][0] for sizes in by_page.values())


def test_bevakning_at_one_and_ten_times_the_skane_plan(client, strategist):
    """Bevakning for a logged-in reader (never from the page cache) with one synthetic plan
    of each size in turn: its milestones and follow-ups all overdue (2023–2024), 72 and 720
    rows."""
    editor = BrowserLikeClient()
    editor.force_login(strategist)
    url = reverse("plans:due")
    body = factories.BodyFactory()
    print(f"\n\nBevakning, logged in (median of {ROUNDS} requests, database: {connection.vendor})")
    for label, size in SIZES.items():
        plan = factories.build_synthetic_plan(body=body, **size)
        queries_used = count_queries(editor, url)
        seconds = median_seconds(lambda: editor.get(url))
        print(f"{label:<6}{queries_used:>4} queries {seconds * 1000:>9.1f} ms")
        plan.delete()
