"""The page a person waits on while the worker does their work (core.jobs)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.jobs import retry_job
from core.models import BackgroundJob

POLL_SECONDS = 2


@require_http_methods(["GET", "HEAD"])
def background_job(request, pk):
    """Progress while the job is queued or running; when done, on to its result (which checks
    the person's permission itself: the job page shows no content, only how far it got, and
    its id cannot be guessed)."""
    job = get_object_or_404(BackgroundJob, pk=pk)
    if job.status == BackgroundJob.Status.DONE:
        if job.message:  # shown on the result page, where the person goes next
            messages.success(request, job.message)
        if request.htmx:  # htmx follows a redirect in place; this makes the browser go
            response = render(request, "core/background_job_status.html", {"job": job})
            response["HX-Redirect"] = job.result_url
            return response
        return redirect(job.result_url)
    template = "core/background_job_status.html" if request.htmx else "core/background_job.html"
    return render(request, template, {"job": job, "poll_seconds": POLL_SECONDS})


@require_POST
def background_job_retry(request, pk):
    """The person asks for a failed job again."""
    job = retry_job(job=get_object_or_404(BackgroundJob, pk=pk))
    return redirect("background_job", job.pk)
