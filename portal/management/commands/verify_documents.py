"""Hash every stored document against the SHA-256 it was stored with (run it on a schedule,
e.g. nightly, and after a restore). Exits non-zero when any file is missing or changed."""

from django.core.management.base import BaseCommand, CommandError

from agreements.models import Attachment
from core import documents
from governance.models import BoardReport


def stored_documents():
    """(label, stored file, sha256) for every document kept with its hash."""
    for report in BoardReport.objects.filter(status=BoardReport.Status.ISSUED).order_by("pk"):
        yield f"tjänsteskrivelse {report.pk} ({report.title})", report.pdf, report.pdf_sha256
    for attachment in Attachment.objects.select_related("agreement").order_by("pk"):
        label = f"bilaga {attachment.pk} till {attachment.agreement.register_id}"
        yield label, attachment.file, attachment.sha256


class Command(BaseCommand):
    help = "Kontrollerar att varje lagrat dokument har sin registrerade SHA-256."

    def handle(self, *args, **options):
        checked, failures = 0, []
        for label, stored, sha256 in stored_documents():
            checked += 1
            try:
                documents.verify(stored, sha256, full=True)
            except documents.DocumentUnavailable as error:
                failures.append(f"{label}: {error}")
        for failure in failures:
            self.stderr.write(failure)
        if failures:
            raise CommandError(f"{len(failures)} av {checked} dokument stämmer inte.")
        self.stdout.write(f"{checked} dokument kontrollerade, alla stämmer.")
