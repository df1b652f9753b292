"""Background work: django-tasks with its database backend, run by `manage.py db_worker`.

Work a person waits for goes through a BackgroundJob (start_job): keyed by its content, so
asking twice enqueues once and a second person waits for the same job; the job page shows
its progress and sends the person on to the result. Work nobody waits for (e-mail, say) is
enqueued as a plain task (enqueue_work). Either way a task that raises is tried again after
a delay growing with each attempt, at most settings.BACKGROUND_MAX_ATTEMPTS times; after
the last, the job shows as failed with a Swedish message (and the task's row keeps the
traceback): never silently lost. A handler that raises JobRefused is not tried again: the
work cannot be done as asked (an import whose file has errors), and the job page says why;
so are a PermissionDenied (the person lost the right meanwhile), an Http404 (what the work
reads is gone) and a ValidationError (the models refuse what was asked), each with its
message.
A handler may return a JobResult: where its result is (known only once done: a new plan)
and a summary shown with it.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from core.models import BackgroundJob

logger = logging.getLogger(__name__)


class JobRefused(Exception):
    """The work cannot be done as asked; the message (Swedish) is shown to the person."""


# Not tried again: the work cannot be done as asked (see the module's docstring).
REFUSALS = (JobRefused, PermissionDenied, Http404, ValidationError)


@dataclass
class JobResult:
    result_url: str = ""  # empty: the one the job was started with
    summary: str = ""


def start_job(
    *,
    key: str,
    handler: str,
    arguments: dict,
    label: str,
    result_url: str,
    retry_failed: bool = False,
):
    """The job for `key`: the one queued or running, a failed one (shown as it is, or tried
    again from its first attempt with `retry_failed`: the person asked once more), or a new
    one enqueued. A job marked done whose result the caller did not find is done again, and
    so is one pending for longer than LOST_AFTER."""
    Status = BackgroundJob.Status
    fields = {"handler": handler, "arguments": arguments, "label": label, "result_url": result_url}
    try:
        with transaction.atomic():
            job, created = BackgroundJob.objects.select_for_update().get_or_create(
                key=key, defaults=fields
            )
            if created:
                _enqueue_job(job)
            elif (
                job.status == Status.DONE
                or (job.pending and _lost(job))
                or (retry_failed and job.status == Status.FAILED)
            ):
                _restart(job, fields)
    except IntegrityError:  # another request created it meanwhile: wait for that one
        job = BackgroundJob.objects.get(key=key)
    return job


# Far longer than any PDF takes: a job pending this long lost its worker (stopped by force
# mid-task) or waits behind a dead one, and is queued again when asked for.
LOST_AFTER = timedelta(minutes=15)


def _lost(job: BackgroundJob) -> bool:
    return job.queued_at < timezone.now() - LOST_AFTER


def retry_job(*, job: BackgroundJob) -> BackgroundJob:
    """A failed job, tried again from the first attempt (the person asked for it)."""
    with transaction.atomic():
        job = BackgroundJob.objects.select_for_update().get(pk=job.pk)
        if job.status == BackgroundJob.Status.FAILED:
            _restart(job, {})
    return job


def _restart(job: BackgroundJob, fields: dict) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.status, job.attempts, job.finished_at = BackgroundJob.Status.QUEUED, 0, None
    job.error = job.message = ""
    job.queued_at = timezone.now()
    job.save()
    _enqueue_job(job)


def _enqueue_job(job: BackgroundJob, *, delay: timedelta | None = None) -> None:
    enqueue_work(handler="core.jobs.run_job_now", arguments={"job_id": str(job.pk)}, delay=delay)


def enqueue_work(
    *, handler: str, arguments: dict, attempt: int = 1, delay: timedelta | None = None
) -> None:
    """Run `handler(**arguments)` in the worker, retried as the module says."""
    runner = run_handler.using(run_after=timezone.now() + delay) if delay else run_handler
    runner.enqueue(handler=handler, arguments=arguments, attempt=attempt)


def retry_delay(attempt: int) -> timedelta:
    """The wait before attempt `attempt + 1`: longer each time, so a passing outage (the
    database, the SMTP server) has time to pass."""
    return timedelta(seconds=settings.BACKGROUND_RETRY_SECONDS * attempt)


@task()
def run_handler(*, handler: str, arguments: dict, attempt: int) -> None:
    """The one task the portal enqueues: the handler is named by its path, so every layer can
    hand work to the worker without core importing it."""
    try:
        import_string(handler)(**arguments)
    except Exception:
        if attempt < settings.BACKGROUND_MAX_ATTEMPTS:
            logger.warning("%s failed (attempt %s): tried again later", handler, attempt)
            enqueue_work(
                handler=handler,
                arguments=arguments,
                attempt=attempt + 1,
                delay=retry_delay(attempt),
            )
        raise  # the task's row keeps the traceback for the operator


def run_job_now(*, job_id: str) -> None:
    """Do a BackgroundJob's work and record how it went (called by run_handler, which tries
    it again as often as the job counts attempts)."""
    Status = BackgroundJob.Status
    job = BackgroundJob.objects.filter(pk=job_id).first()
    if job is None or job.status in (Status.DONE, Status.FAILED):
        return  # removed, or finished by an earlier task for the same job
    job.status, job.attempts = Status.RUNNING, job.attempts + 1
    job.save(update_fields=["status", "attempts"])
    try:
        result = import_string(job.handler)(**job.arguments)
    except REFUSALS as refused:
        job.status, job.finished_at = Status.FAILED, timezone.now()
        job.message = (
            " ".join(refused.messages) if isinstance(refused, ValidationError) else str(refused)
        )
        job.save(update_fields=["status", "message", "finished_at"])
        return
    except Exception as error:
        last = job.attempts >= settings.BACKGROUND_MAX_ATTEMPTS
        job.status = Status.FAILED if last else Status.QUEUED
        job.error = f"{type(error).__name__}: {error}"
        job.finished_at = timezone.now() if last else None
        job.save(update_fields=["status", "error", "finished_at"])
        raise
    if isinstance(result, JobResult):
        job.result_url = result.result_url or job.result_url
        job.message = result.summary
    job.status, job.error, job.finished_at = Status.DONE, "", timezone.now()
    job.save(update_fields=["status", "error", "finished_at", "result_url", "message"])
