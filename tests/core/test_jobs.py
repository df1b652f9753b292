"""Background work: the real worker (django-tasks-db) runs what the portal enqueues, a task
that fails is tried again a bounded number of times and then shown to the person in Swedish,
and the same work asked twice is done once."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.jobs import JobRefused, JobResult, start_job
from core.models import BackgroundJob
from tests.worker import run_worker

pytestmark = pytest.mark.django_db

CALLS: list[str] = []


def record(*, text: str) -> None:
    CALLS.append(text)


def fail_twice(*, text: str) -> None:
    CALLS.append(text)
    if len(CALLS) < 3:
        raise ConnectionError("SMTP-servern svarar inte")


def touch(*, path: str) -> None:
    Path(path).touch()


def always_fail(*, text: str) -> None:
    CALLS.append(text)
    raise ValueError("trasig")


def refuse(*, text: str) -> None:
    CALLS.append(text)
    raise JobRefused("Rad 7: Organet ”Regionstyrelsen” finns inte i registret.")


def lose_the_right(*, text: str) -> None:
    CALLS.append(text)
    raise PermissionDenied("Bara registeradministratörer kan importera överenskommelser.")


def models_refuse(*, text: str) -> None:
    CALLS.append(text)
    raise ValidationError(["Titeln saknas.", "Ärendenumret är fel."])


def summarise(*, text: str) -> JobResult:
    return JobResult(result_url="/overenskommelser/", summary=f"Klart: {text}")


@pytest.fixture(autouse=True)
def no_delay(settings):
    CALLS.clear()
    settings.BACKGROUND_RETRY_SECONDS = 0
    settings.BACKGROUND_MAX_ATTEMPTS = 3


def _job(handler: str, key: str = "test:1"):
    return start_job(
        key=key,
        handler=f"tests.core.test_jobs.{handler}",
        arguments={"text": "hej"},
        label="PDF",
        result_url="/planer/",
    )


def test_the_worker_runs_the_job_and_the_page_sends_the_person_on(client):
    job = _job("record")
    page = client.get(reverse("background_job", args=[job.pk]))
    assert page.status_code == 200
    assert "Skapar PDF…" in page.content.decode()
    assert '<meta http-equiv="refresh"' in page.content.decode()  # without JavaScript
    assert CALLS == []  # nothing ran in the request
    run_worker()
    assert CALLS == ["hej"]
    done = client.get(reverse("background_job", args=[job.pk]))
    assert done.status_code == 302 and done["Location"] == "/planer/"
    polled = client.get(reverse("background_job", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert polled["HX-Redirect"] == "/planer/"


def test_the_same_work_asked_twice_is_one_job(client):
    assert _job("record").pk == _job("record").pk
    run_worker()
    assert CALLS == ["hej"]


def test_a_failing_task_is_tried_again_and_succeeds(client):
    job = _job("fail_twice")
    run_worker()
    job.refresh_from_db()
    assert CALLS == ["hej"] * 3
    assert (job.status, job.attempts) == (BackgroundJob.Status.DONE, 3)
    # The failed attempts stay on record for the operator.
    assert DBTaskResult.objects.filter(status="FAILED").count() == 2


def test_a_task_that_keeps_failing_is_shown_with_a_swedish_message_and_a_retry(client):
    job = _job("always_fail")
    run_worker()
    job.refresh_from_db()
    assert CALLS == ["hej"] * 3  # bounded
    assert job.status == BackgroundJob.Status.FAILED
    assert "ValueError: trasig" in job.error
    page = client.get(reverse("background_job", args=[job.pk]))
    text = page.content.decode()
    assert "Det gick inte att skapa dokumentet" in text
    assert "Vi försökte 3 gånger" in text
    assert "trasig" not in text  # the exception is for the operator
    # Asking again is a GET of the same document: the failure shows, nothing is redone.
    assert _job("always_fail").status == BackgroundJob.Status.FAILED
    retried = client.post(reverse("background_job_retry", args=[job.pk]))
    assert retried.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.attempts) == (BackgroundJob.Status.QUEUED, 0)
    run_worker()
    assert len(CALLS) == 6


def test_retry_is_post_only_and_an_unknown_job_is_404(client):
    job = _job("record")
    assert client.get(reverse("background_job_retry", args=[job.pk])).status_code == 405
    unknown = "00000000-0000-0000-0000-000000000000"
    assert client.get(reverse("background_job", args=[unknown])).status_code == 404
    assert client.get("/bakgrund/inte-ett-id/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_worker_command_runs_in_its_own_process(tmp_path):
    """`manage.py db_worker --batch`, as production runs it, over the same database."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory test database is not seen by another process")
    marker = tmp_path / "ran"
    job = start_job(
        key="test:subprocess",
        handler="tests.core.test_jobs.touch",
        arguments={"path": str(marker)},
        label="PDF",
        result_url="/",
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings_test"}
    env["DATABASE_URL"] = _database_url()
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
    )
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE
    assert marker.exists()


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def test_a_job_that_lost_its_worker_is_queued_again_when_asked_for(client):
    job = _job("record")
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=BackgroundJob.Status.RUNNING, queued_at=timezone.now() - timedelta(hours=1)
    )
    again = _job("record")
    assert (again.pk, again.status) == (job.pk, BackgroundJob.Status.QUEUED)
    run_worker()
    again.refresh_from_db()
    assert again.status == BackgroundJob.Status.DONE


def test_asking_again_for_failed_work_tries_it_again_from_the_first_attempt():
    failed = _job("refuse")
    run_worker()
    CALLS.clear()
    again = start_job(
        key="test:1",
        handler="tests.core.test_jobs.record",
        arguments={"text": "igen"},
        label="PDF",
        result_url="/planer/",
        retry_failed=True,
    )
    run_worker()
    again.refresh_from_db()
    assert again.pk == failed.pk and CALLS == ["igen"]
    assert (again.status, again.attempts) == (BackgroundJob.Status.DONE, 1)


def test_refused_work_fails_at_once_and_says_why(client):
    job = _job("refuse")
    run_worker()
    job.refresh_from_db()
    assert CALLS == ["hej"]  # not tried again: the same work would be refused again
    assert (job.status, job.attempts) == (BackgroundJob.Status.FAILED, 1)
    page = client.get(reverse("background_job", args=[job.pk]))
    assert "Rad 7: Organet ”Regionstyrelsen” finns inte i registret." in page.content.decode()


@pytest.mark.parametrize(
    ("handler", "message"),
    [
        ("lose_the_right", "Bara registeradministratörer kan importera överenskommelser."),
        ("models_refuse", "Titeln saknas. Ärendenumret är fel."),
    ],
)
def test_a_lost_right_or_refused_data_fails_at_once_with_its_message(handler, message):
    job = _job(handler)
    run_worker()
    job.refresh_from_db()
    assert CALLS == ["hej"]
    assert (job.status, job.attempts, job.message) == (BackgroundJob.Status.FAILED, 1, message)


def test_a_result_found_once_done_and_its_summary_shown_there(client):
    job = _job("summarise")
    run_worker()
    response = client.get(reverse("background_job", args=[job.pk]))
    assert response.status_code == 302 and response.url == "/overenskommelser/"
    assert "Klart: hej" in client.get(response.url).content.decode()
