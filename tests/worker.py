"""The real worker in tests: django-tasks-db's own Worker, run in this process over the test
database until no task is ready (retries with no delay included), as `db_worker --batch`."""

from unittest import mock

from django.conf import settings
from django.utils import translation
from django_tasks_db.management.commands import db_worker


def run_worker() -> None:
    # The worker recycles its database connection between tasks, as a long-running process
    # should; inside a test's transaction that would close the test's own connection.
    # A worker is a process of its own, in the default language: not in the one the test's
    # last request activated in this thread.
    with (
        mock.patch.object(db_worker, "close_old_connections", lambda: None),
        translation.override(settings.LANGUAGE_CODE),
    ):
        _worker().run()


def _worker():
    return db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )


def download(client, url: str, **headers):
    """GET `url`; when the portal answers with a job's progress page, run the worker and follow
    the job to its result, as a person waiting on the page would (`headers` on every request,
    as a browser sends its Accept-Language)."""
    response = client.get(url, **headers)
    if response.status_code != 302 or "/bakgrund/" not in response["Location"]:
        return response
    done = after_worker(client, response, **headers)
    assert done.status_code == 302, done.content.decode()[:500]
    return client.get(done["Location"], **headers)


def after_worker(client, response, **headers):
    """`response` sends the person to a job's progress page: check the page while the job
    waits, run the worker, and return the page as it is then (on to the result, or why not)."""
    assert response.status_code == 302 and "/bakgrund/" in response["Location"], response
    job_page = response["Location"]
    waiting = client.get(job_page, **headers)
    assert waiting.status_code == 200  # the progress page, while the job waits
    run_worker()
    return client.get(job_page, **headers)
