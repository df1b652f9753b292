"""`make bench`: the open-data API's list pages at 1x and 10x the data (5 and 50 of every kind
of object, so both fit one page of 50), and a plan's tree at 1x and 10x the Skåne plan.
Prints queries and median server time; figures, not assertions (except that queries do not
grow)."""

from django.db import connection

from tests import factories
from tests.bench.test_bench_plans import ROUNDS, SIZES, median_seconds, pytestmark  # noqa: F401
from tests.portal.open_data import public_content
from tests.portal.test_api import COLLECTIONS
from tests.query_count import count_queries

COPIES = {"1x": 5, "10x": 50}


def _measure(client, url):
    return count_queries(client, url), median_seconds(lambda: client.get(url)) * 1000


def test_api_lists_at_one_and_ten_times_the_data(client, user, settings):
    settings.API_RATE = "100000/min"  # the bench asks more often than a client may
    figures = {}
    made = 0
    for label, copies in COPIES.items():
        public_content(user=user, copies=copies - made)
        made = copies
        for name in COLLECTIONS:
            figures[(name, label)] = _measure(client, f"/api/v1/{name}/")
    body = factories.BodyFactory()
    for label, size in SIZES.items():
        plan = factories.build_synthetic_plan(body=body, **size)
        figures[("plan tree", label)] = _measure(client, f"/api/v1/plans/{plan.pk}/")

    print(f"\n\nOpen-data API (median of {ROUNDS} requests, database: {connection.vendor})")
    print(f"{'list':<16}{'queries 1x':>11}{'ms 1x':>9}{'queries 10x':>13}{'ms 10x':>9}{'ratio':>7}")
    for name in [*COLLECTIONS, "plan tree"]:
        (small_count, small), (large_count, large) = figures[(name, "1x")], figures[(name, "10x")]
        print(
            f"{name:<16}{small_count:>11}{small:>9.1f}{large_count:>13}{large:>9.1f}"
            f"{large / small:>7.2f}"
        )
    assert all(figures[(n, "1x")][0] == figures[(n, "10x")][0] for n in [*COLLECTIONS, "plan tree"])
