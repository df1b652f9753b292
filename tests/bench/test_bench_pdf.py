"""`make bench`: the Skåne plan as a PDF.

Prints the time to render the plan's PDF through the portal (queries, template, WeasyPrint,
the PDF/A metadata step), pages per second, the time of a download served from storage, and
the ratio of the portal's time to WeasyPrint alone rendering the same HTML with the same
stylesheet and variant (the floor). Figures, not assertions: timing never fails a test.
"""

import os
import statistics
import time
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core import pdf
from plans import pdf as plan_pdfs
from plans.models import Plan
from tests.worker import run_worker

pytestmark = [
    pytest.mark.skipif(os.environ.get("BENCH") != "1", reason="benchmarks run with `make bench`"),
    pytest.mark.django_db,
]

ROUNDS = 5
SKANE = "skane-aktivitets-och-tidplan-2022-2025"


def median_seconds(action, rounds=ROUNDS) -> float:
    action()  # warm caches (fonts, templates, connections)
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def test_skane_plan_pdf(client, settings, tmp_path):
    import weasyprint

    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=StringIO())
    plan = Plan.objects.get(slug=SKANE)
    today = timezone.localdate()
    base_url = "http://testserver/"

    content = plan_pdfs.render_plan_pdf(plan, base_url=base_url, today=today)
    html = render_to_string(plan_pdfs.TEMPLATE, plan_pdfs.plan_pdf_context(plan, today=today))
    stylesheet = weasyprint.CSS(filename=pdf._stylesheet_path())

    def weasyprint_alone():
        return weasyprint.HTML(string=html, base_url=base_url).write_pdf(
            stylesheets=[stylesheet], pdf_variant=pdf.pdf_variant()
        )

    pages = len(weasyprint.HTML(string=html).render(stylesheets=[stylesheet]).pages)
    portal = median_seconds(lambda: plan_pdfs.render_plan_pdf(plan, base_url=base_url, today=today))
    floor = median_seconds(weasyprint_alone)
    raw = weasyprint_alone()
    finish = median_seconds(lambda: pdf.archival_finish(raw))

    # The first request hands the rendering to the worker and answers at once (the person
    # waits on the progress page); the worker renders; later downloads come from storage.
    url = reverse("plans:plan_pdf", args=[plan.slug])
    started = time.perf_counter()
    assert client.get(url).status_code == 302
    first_answer = time.perf_counter() - started
    started = time.perf_counter()
    run_worker()
    in_worker = time.perf_counter() - started
    assert client.get(url).status_code == 200
    stored = median_seconds(lambda: client.get(url), rounds=20)

    print(
        f"\n\nSkåne plan PDF (median of {ROUNDS} renderings, WeasyPrint {weasyprint.__version__})"
    )
    print(f"pages                         {pages:>8}")
    print(f"size                          {len(content) / 1024:>8.0f} kB")
    print(f"portal render                 {portal * 1000:>8.0f} ms")
    print(f"WeasyPrint alone (floor)      {floor * 1000:>8.0f} ms")
    print(f"ratio portal / floor          {portal / floor:>8.2f}")
    print(f"of which PDF/A metadata step  {finish * 1000:>8.1f} ms")
    print(f"pages per second              {pages / portal:>8.1f}")
    print(f"first request (job queued)    {first_answer * 1000:>8.0f} ms")
    print(f"rendered by the worker        {in_worker * 1000:>8.0f} ms")
    print(f"download served from storage  {stored * 1000:>8.1f} ms")


def test_demo_board_report_pdfs(settings, tmp_path):
    """The two demo tjänsteskrivelser (seeds 000 and 002), rendered from their data."""
    import weasyprint

    from governance.models import BoardReport
    from governance.pdf import TEMPLATE, board_report_context, board_report_pdf

    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=StringIO())
    base_url = "http://testserver/"
    stylesheet = weasyprint.CSS(filename=pdf._stylesheet_path())
    print(f"\n\nDemo board reports (median of {ROUNDS} renderings)")
    print(f"{'report':<16}{'pages':>6}{'portal ms':>11}{'floor ms':>10}{'ratio':>7}{'pages/s':>9}")
    for report in BoardReport.objects.select_related("organisation").order_by("pk"):
        html = render_to_string(
            TEMPLATE, board_report_context(report, today=date.today()) | {"draft": False}
        )
        pages = len(weasyprint.HTML(string=html).render(stylesheets=[stylesheet]).pages)
        portal = median_seconds(
            lambda report=report: board_report_pdf(
                report, base_url=base_url, draft=False, today=date.today()
            )
        )
        floor = median_seconds(
            lambda html=html: weasyprint.HTML(string=html, base_url=base_url).write_pdf(
                stylesheets=[stylesheet], pdf_variant=pdf.pdf_variant()
            )
        )
        name = report.organisation.name.removeprefix("Region ")
        print(
            f"{name:<16}{pages:>6}{portal * 1000:>11.0f}{floor * 1000:>10.0f}{portal / floor:>7.2f}{pages / portal:>9.1f}"
        )
