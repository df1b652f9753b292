"""The queries a page costs: the budget tests compare a small case with a large one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str) -> int:
    """The queries one GET of `url` costs; the page must answer 200."""
    # The query log is a bounded deque and may be full after building large test data; a full
    # log counts nothing new, so empty it first.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)
