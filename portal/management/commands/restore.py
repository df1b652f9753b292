from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Återställer ett arkiv från `manage.py backup` till en ny, migrerad databas: kontrollerar "
        "arkivets SHA-256, läser in raderna och dokumenten, jämför antalet rader med manifestet "
        "och kontrollerar dokumenten (verify_documents)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive: Path, **options):
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"Återställt från {manifest['created']}: {rows} rader, antalen stämmer.")
        call_command("verify_documents", stdout=self.stdout, stderr=self.stderr)
